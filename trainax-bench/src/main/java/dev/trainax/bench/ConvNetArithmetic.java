package dev.trainax.bench;

/**
 * The convolutions' multiply-adds of a ConvNet training step (lift {@code channels → width},
 * {@code depth} hidden {@code width → width}, projection back): per sample and rollout step, the
 * forward pass's {@code points · taps · (channels·width + depth·width² + width·channels)}, three
 * times (forward, input gradient, kernel gradient). Nominal counts, the same for both peers: what
 * an implementation adds (our circular halo in 2D, padding copies) is not counted.
 *
 * @param points   grid points of one state
 * @param taps     kernel taps ({@code k^d})
 * @param channels state channels
 * @param width    hidden channels
 * @param depth    hidden convolutions
 * @param batch    samples per step
 */
record ConvNetArithmetic(long points, long taps, long channels, long width, long depth, long batch) {

    /** Multiply-adds of one training step at rollout {@code r}. */
    double multiplyAdds(int r) {
        double forward = (double) points * taps * (channels * width + depth * width * width + width * channels);
        return 3.0 * forward * batch * r;
    }

    /** GFLOP/s (two flops per multiply-add) of a step at rollout {@code r} taking {@code millis}. */
    double gflops(int r, double millis) {
        return 2 * multiplyAdds(r) / millis / 1e6;
    }
}
