/**
 * Third-party methodologies for Trainax: supervised rollout with the time levels averaged, and
 * supervised rollout from a noisy initial state.
 */
module org.example.averaged {
    requires dev.trainax.api;

    provides dev.trainax.api.plugin.ConfigurationProvider with org.example.averaged.AveragedSupervisedProvider,
            org.example.noisy.InputNoiseSupervisedProvider;
}
