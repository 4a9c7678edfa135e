/**
 * Architecture rules and cross-module integration checks. The rules live in main code so that
 * downstream projects can apply them to their own plugin packages; the module reads every module
 * of ours so that its tests see them all on the module path.
 */
module dev.trainax.it {
    requires com.tngtech.archunit;
    requires dev.trainax.api;
    requires dev.trainax.engine;
    requires dev.trainax.losses;
    requires dev.trainax.configs;
    requires dev.trainax.nn;
    requires dev.trainax.sampledata;
    requires dev.trainax.trainers;
    requires dev.trainax.callbacks;
    requires dev.trainax.evaluation;
    requires dev.trainax.metrics.prometheus;
    requires dev.trainax.testkit;
    requires dev.trainax.cli;

    exports dev.trainax.it;
}
