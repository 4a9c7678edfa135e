package dev.trainax.testkit;

import dev.trainax.api.Parameters;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.EnsembleObjective;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Members evaluated together must equal members evaluated alone: compiles {@code problem} as an
 * ensemble and once alone, and compares every member's loss and gradient. The check a
 * {@link dev.trainax.api.MemberBatchedNetwork} (and an engine's ensemble support) must pass; run it
 * in float64.
 */
public final class EnsembleCheck {

    /**
     * The outcome of one check.
     *
     * @param maxLossError     largest {@code |loss_together − loss_alone| / max(|loss_alone|, 1)}
     * @param maxGradientError largest {@code |g_together − g_alone| / max(max|g_alone|, 1)} per tensor
     * @param worst            "member k: parameter" of the largest gradient difference
     * @param members          number of members compared
     */
    public record Result(double maxLossError, double maxGradientError, String worst, int members) {
        @Override
        public String toString() {
            return String.format("%d members: max loss difference %.3e, max gradient difference %.3e at %s",
                    members, maxLossError, maxGradientError, worst);
        }
    }

    private EnsembleCheck() {
    }

    /** Compares {@code members.size()} members on one batch of {@code windows}. */
    public static Result check(Engine engine, TrainingProblem problem, List<Parameters> members, INDArray windows) {
        if (members.size() < 2) {
            throw new IllegalArgumentException("members must hold at least 2 parameter sets, got " + members.size());
        }
        List<LossAndGradient> together;
        double[] losses;
        try (EnsembleObjective ensemble = engine.compileEnsemble(problem, members.size())) {
            together = ensemble.lossesAndGradients(members, windows);
            losses = ensemble.losses(members, windows);
        }
        double lossError = 0;
        double gradientError = 0;
        String worst = "none";
        try (Objective alone = engine.compile(problem)) {
            for (int k = 0; k < members.size(); k++) {
                LossAndGradient expected = alone.lossAndGradient(members.get(k), windows);
                double scale = Math.max(Math.abs(expected.loss()), 1);
                lossError = Math.max(lossError, Math.abs(together.get(k).loss() - expected.loss()) / scale);
                lossError = Math.max(lossError, Math.abs(losses[k] - expected.loss()) / scale);
                for (String name : expected.gradient().names()) {
                    INDArray reference = expected.gradient().get(name);
                    INDArray actual = together.get(k).gradient().get(name);
                    double error = Arrays.equals(reference.shape(), actual.shape())
                            ? reference.sub(actual).amaxNumber().doubleValue()
                                    / Math.max(reference.amaxNumber().doubleValue(), 1)
                            : Double.POSITIVE_INFINITY;
                    if (error >= gradientError) {
                        gradientError = error;
                        worst = "member " + k + ": " + name;
                    }
                }
            }
        }
        return new Result(lossError, gradientError, worst, members.size());
    }
}
