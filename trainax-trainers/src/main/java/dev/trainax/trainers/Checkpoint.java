package dev.trainax.trainers;

import dev.trainax.api.Parameters;
import dev.trainax.api.internal.Require;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run needs to continue from an update step as if it had never stopped: per member
 * the parameters, the optimizer state (moment buffers and step count, which is also the learning
 * rate schedule's position), the recorded losses, the last step's loss and the callbacks' results;
 * each callback's own state; and the run's fingerprint (minibatch seed, windows, batch size, loss
 * recording interval, precision, optimizer), which is checked on resume. The minibatch order is a
 * function of the seed and the update step ({@link PermutationMixer}), so no generator state is
 * stored. {@link CheckpointStore} writes and finds checkpoints; {@link GeneralTrainer#resume}
 * continues one.
 *
 * @param step           update steps taken when it was written
 * @param fingerprint    what a resumed run must share with the one that wrote it
 * @param members        one per trained member (one for a single run)
 * @param callbackStates per callback name, its {@link dev.trainax.api.Callback#checkpointState()}
 * @param notes          the caller's own text (the command line stores the resolved spec here)
 */
public record Checkpoint(int step, Fingerprint fingerprint, List<Member> members,
                         Map<String, Map<String, Double>> callbackStates, Map<String, String> notes) {

    /** Validates and copies the collections. */
    public Checkpoint {
        Require.atLeast("step", step, 0);
        Require.present("fingerprint", fingerprint);
        Require.that(members != null && !members.isEmpty(), "members", "must hold at least one member");
        members = List.copyOf(members);
        callbackStates = Map.copyOf(callbackStates);
        notes = Map.copyOf(notes);
    }

    /**
     * One member's state.
     *
     * @param parameters      parameters after {@code step} updates
     * @param optimizerState  the optimizer's buffers and step count
     * @param losses          the losses recorded so far
     * @param lastLoss        the loss of update step {@code step - 1} (NaN at step 0)
     * @param callbackHistory per callback name, its results so far
     */
    public record Member(Parameters parameters, OptimizerState optimizerState, double[] losses, double lastLoss,
                         Map<String, List<Object>> callbackHistory) {

        /** Copies the history lists. */
        public Member {
            Require.present("parameters", parameters);
            Require.present("optimizerState", optimizerState);
            Require.present("losses", losses);
            LinkedHashMap<String, List<Object>> copy = new LinkedHashMap<>();
            callbackHistory.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
            callbackHistory = copy;
        }
    }

    /**
     * What must not change between the run that wrote a checkpoint and the one resuming it, since
     * the minibatches, the recorded losses or the optimizer's arithmetic depend on it.
     *
     * @param seed            seed of the minibatch order
     * @param numWindows      windows the minibatches are drawn from
     * @param batchSize       windows per minibatch
     * @param recordLossEvery loss recording interval
     * @param dataType        training precision
     * @param optimizer       the optimizer's description
     */
    public record Fingerprint(long seed, int numWindows, int batchSize, int recordLossEvery,
                              TrainingOptions.Precision dataType, String optimizer) {

        /** Throws naming the first field where {@code run} differs from this checkpoint's. */
        void requireSameAs(Fingerprint run) {
            differ("seed", seed, run.seed);
            differ("numWindows (the windows of the data)", numWindows, run.numWindows);
            differ("batchSize", batchSize, run.batchSize);
            differ("recordLossEvery", recordLossEvery, run.recordLossEvery);
            differ("dataType", dataType, run.dataType);
            differ("optimizer", optimizer, run.optimizer);
        }

        private static void differ(String what, Object checkpoint, Object run) {
            Require.that(checkpoint.equals(run), what, "must be the same as when the checkpoint was written to "
                    + "resume from it: the checkpoint has " + checkpoint + ", this run " + run);
        }
    }
}
