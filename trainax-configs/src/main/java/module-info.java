/**
 * The training configurations: supervised unrolling, diverted chains, mix chain, residuum,
 * composites, teacher forcing and pushforward, and the stochastic and scheduled ones: noisy
 * supervised, random pushforward, curriculum and scheduled sampling. Exported for plain-Java users; applications find
 * them through {@link dev.trainax.api.plugin.ConfigurationProvider}.
 */
module dev.trainax.configs {
    requires dev.trainax.api;
    requires jdk.unsupported;

    exports dev.trainax.configs;


    provides dev.trainax.api.plugin.ConfigurationProvider with
            dev.trainax.configs.ConfigurationProviders.SupervisedProvider,
            dev.trainax.configs.ConfigurationProviders.DivertedChainProvider,
            dev.trainax.configs.ConfigurationProviders.DivertedChainBranchOneProvider,
            dev.trainax.configs.ConfigurationProviders.MixChainPostPhysicsProvider,
            dev.trainax.configs.ConfigurationProviders.ResiduumTrainingProvider,
            dev.trainax.configs.ConfigurationProviders.CompositeProvider,
            dev.trainax.configs.ConfigurationProviders.TeacherForcingProvider,
            dev.trainax.configs.ConfigurationProviders.PushforwardProvider,
            dev.trainax.configs.ConfigurationProviders.NoisySupervisedProvider,
            dev.trainax.configs.ConfigurationProviders.RandomPushforwardProvider,
            dev.trainax.configs.ConfigurationProviders.CurriculumProvider,
            dev.trainax.configs.ConfigurationProviders.ScheduledSamplingProvider;
}
