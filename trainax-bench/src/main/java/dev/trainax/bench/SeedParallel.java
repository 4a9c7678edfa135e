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

    /** Trains {@code initials} at rollout {@code r} for {@code steps} steps each way and prints both throughputs. */
    void print(List<Parameters> initials, int r, int steps) {
        int seeds = initials.size();
        List<Double> singleMedians = new ArrayList<>();
        long start = System.nanoTime();
        for (Parameters initial : initials) {
            StepTimer timer = new StepTimer(steps);
            timer.start();
            trainer(r, steps, timer).train(network, initial, 42);
            singleMedians.add(timer.medianMillis(WARMUP));
        }
        double sequential = seeds * steps / ((System.nanoTime() - start) / 1e9);
        StepTimer together = new StepTimer(steps);
        start = System.nanoTime();
        together.start();
        trainer(r, steps, together).trainEnsemble(network, initials, 42);
        double batched = seeds * steps / ((System.nanoTime() - start) / 1e9);
        double singleStep = Rounds.median(singleMedians);
        double ensembleStep = together.medianMillis(WARMUP);
        System.out.printf("seed-parallel, %d %s, r=%d, %d steps each:%n"
                + "  end to end (graph building included): %.0f updates/s one after another, %.0f together (ratio %.2f)%n"
                + "  steady state: %.2f ms per single-network step, %.2f ms per %d-member step: %.0f vs %.0f updates/s "
                + "(ratio %.2f)%n", seeds, label, r, steps, sequential, batched, batched / sequential, singleStep,
                ensembleStep, seeds, 1000 / singleStep, seeds * 1000 / ensembleStep, seeds * singleStep / ensembleStep);
    }

    /** An untimed run of one network, so that the timed runs find the JVM warm. */
    void warmUp(Parameters initial, int r, int steps) {
        trainer(r, steps, new StepTimer(steps)).train(network, initial, 42);
    }

    private GeneralTrainer trainer(int r, int steps, StepTimer timer) {
        return SupervisedRun.plan(data, r, steps, batchSize, learningRate).progress(timer).build();
    }
}
