package dev.trainax.bench;
import java.nio.file.Path;
import java.util.*;
public final class Scratch6 {
    public static void main(String[] args) throws Exception {
        var data = Bench.quickstartData(Path.of("../shared/peer"));
        var conv = new dev.trainax.nn.Conv1d(1, 1, 2, false);
        List<dev.trainax.api.Parameters> initials = new ArrayList<>();
        int members = Integer.parseInt(args[0]);
        for (int s = 0; s < members; s++) initials.add(conv.initialParameters(s));
        StepTimer t = new StepTimer(1000);
        t.start();
        var tr = dev.trainax.trainers.SupervisedTrainer.builder(data).numRolloutSteps(5).optimizer(dev.trainax.trainers.Optimizer.adam(1e-2))
            .numTrainingSteps(1000).batchSize(32).progress(t).build().generalTrainer();
        if (members == 1) tr.train(conv, initials.get(0), 42); else tr.trainEnsemble(conv, initials, 42);
        System.out.printf("members %d median %.3f ms%n", members, t.medianMillis(5));
    }
}
