/**
 * The {@code trainax} command-line application: the only module that prints to the standard streams.
 * Its object graph is wired with Guice ({@link dev.trainax.cli.CliModule}).
 */
module dev.trainax.cli {
    requires dev.trainax.api;
    requires dev.trainax.trainers;
    requires dev.trainax.callbacks;
    requires dev.trainax.configs;
    requires com.google.guice;
    requires info.picocli;
    requires java.logging;
    requires dev.trainax.metrics.prometheus;
    requires dev.trainax.nn;
    requires dev.trainax.sampledata;
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires org.yaml.snakeyaml;
    requires java.desktop;
    requires org.jfree.jfreechart;
    requires jdk.unsupported;

    exports dev.trainax.cli;

    provides dev.trainax.api.plugin.StudyExecutorProvider with dev.trainax.cli.EmbeddedExecutor.Provider;

    // Guice creates the commands, picocli fills their option fields
    opens dev.trainax.cli to com.google.guice, info.picocli;
}
