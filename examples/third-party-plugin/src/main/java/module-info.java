/** A third-party methodology for Trainax: supervised rollout with the time levels averaged. */
module org.example.averaged {
    requires dev.trainax.api;

    provides dev.trainax.api.plugin.ConfigurationProvider with org.example.averaged.AveragedSupervisedProvider;
}
