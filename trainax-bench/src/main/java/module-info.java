/** Benchmarks: our trainer and the PyTorch peer on the same workloads, interleaved on the same machine. */
module dev.trainax.bench {
    requires dev.trainax.api;
    requires dev.trainax.trainers;
    requires dev.trainax.configs;
    requires dev.trainax.nn;
    requires dev.trainax.sampledata;
    requires java.management;
    requires jdk.unsupported;
}
