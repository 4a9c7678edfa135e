package dev.trainax.bench;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.trainers.GeneralTrainer;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Network updates per second for several initialisations of one network, trained one after
 * another vs together in one ensemble ({@code trainEnsemble}: one batched computation for
 * member-batched networks, else the members in turn through one program): end to end (graph
 * building included) and in steady state (median step times). Supervised, Adam.
 *
 * @param label        the workload's name in the output
 * @param data         the trajectories
 * @param network      the network
 * @param batchSize    samples per step
 * @param learningRate Adam's learning rate
 */
record SeedParallel(String label, INDArray data, Network network, int batchSize, double learningRate) {

    private static final int WARMUP = 5;

    /**
     * Trains {@code initials} at rollout {@code r} for {@code steps} steps each way, in
     * {@code rounds} rounds that alternate one after another and together (the machine's speed
     * drifts within minutes), and prints both throughputs: each the median over the rounds, the
     * rounds' values in brackets, the ratio the median of the rounds' ratios.
     */
    void print(List<Parameters> initials, int r, int steps, int rounds) {
        int seeds = initials.size();
        List<Double> sequential = new ArrayList<>();
        List<Double> batched = new ArrayList<>();
        List<Double> singleSteps = new ArrayList<>();
        List<Double> ensembleSteps = new ArrayList<>();
        List<Double> endToEndRatios = new ArrayList<>();
        List<Double> steadyRatios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<Double> singleMedians = new ArrayList<>();
            long start = System.nanoTime();
            for (Parameters initial : initials) {
                StepTimer timer = new StepTimer(steps);
                timer.start();
                trainer(r, steps, timer).train(network, initial, 42);
                singleMedians.add(timer.medianMillis(WARMUP));
            }
            sequential.add(seeds * steps / ((System.nanoTime() - start) / 1e9));
            singleSteps.add(Rounds.median(singleMedians));
            StepTimer together = new StepTimer(steps);
            start = System.nanoTime();
            together.start();
            trainer(r, steps, together).trainEnsemble(network, initials, 42);
            batched.add(seeds * steps / ((System.nanoTime() - start) / 1e9));
            ensembleSteps.add(together.medianMillis(WARMUP));
            endToEndRatios.add(batched.get(round) / sequential.get(round));
            steadyRatios.add(seeds * singleSteps.get(round) / ensembleSteps.get(round));
        }
        System.out.printf("seed-parallel, %d %s, r=%d, %d steps each, %d rounds alternating one after another and "
                + "together:%n  end to end (graph building included), updates/s: %s one after another, %s together; "
                + "ratio %s%n  steady state: %s ms per single-network step, %s ms per %d-member step; ratio %s%n",
                seeds, label, r, steps, rounds, Rounds.summary(sequential, "%.0f"), Rounds.summary(batched, "%.0f"),
                Rounds.summary(endToEndRatios, "%.2f"), Rounds.summary(singleSteps, "%.2f"),
                Rounds.summary(ensembleSteps, "%.2f"), seeds, Rounds.summary(steadyRatios, "%.2f"));
    }

    /** An untimed run of one network, so that the timed runs find the JVM warm. */
    void warmUp(Parameters initial, int r, int steps) {
        trainer(r, steps, new StepTimer(steps)).train(network, initial, 42);
    }

    private GeneralTrainer trainer(int r, int steps, StepTimer timer) {
        return SupervisedRun.plan(data, r, steps, batchSize, learningRate).progress(timer).build();
    }
}
