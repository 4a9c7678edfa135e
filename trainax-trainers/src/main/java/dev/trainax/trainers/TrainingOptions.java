package dev.trainax.trainers;

import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * How long and on what a run trains: the {@code training} section of a run spec, and the training
 * options of {@link RunPlan.Builder}. Each option is declared here once; specs, listings and
 * resolved specs derive from these components.
 *
 * @param numTrainingSteps update steps, at least 1
 * @param batchSize        windows per minibatch, at least 1 (all windows when larger than their number)
 * @param seed             seed of the minibatch order and of the random inputs of stochastic configurations
 * @param initSeed         seed of the network's initial parameters
 * @param dataType         floating-point type of training (float32 by default)
 * @param recordLossEvery  record the minibatch loss every k update steps
 * @param doSubStacking    train on every overlapping window (true) or on the first window of each trajectory
 * @param checkpointEvery  write a checkpoint every k update steps (and after the last) when the run has a
 *                         checkpoint folder ({@link RunPlan.Builder#checkpoints})
 * @param initialParameters a parameter file (safetensors) to start from instead of the network's
 *                         initialisation (a warm start); null for none
 */
public record TrainingOptions(
        @Param(value = "update steps", min = 1) int numTrainingSteps,
        @Param(value = "windows per minibatch", min = 1) int batchSize,
        @Param(value = "seed of the minibatch order and of stochastic configurations' random inputs", defaultValue = "0") int seed,
        @Param(value = "seed of the network initialisation", defaultValue = "0") int initSeed,
        @Param(value = "floating-point type", defaultValue = "float32") Precision dataType,
        @Param(value = "record the loss every k steps", defaultValue = "1", min = 1) int recordLossEvery,
        @Param(value = "all overlapping windows of each trajectory (true) or only its first", defaultValue = "true")
        boolean doSubStacking,
        @Param(value = "write a checkpoint every k update steps (and after the last)",
                defaultValue = "" + DEFAULT_CHECKPOINT_EVERY, min = 1)
        int checkpointEvery,
        @Param(value = "parameter file (safetensors) to start from instead of the initialisation", optional = true)
        String initialParameters) {

    /** Validates against the declarations. */
    public TrainingOptions {
        RecordParameters.check(TrainingOptions.class, numTrainingSteps, batchSize, seed, initSeed, dataType,
                recordLossEvery, doSubStacking, checkpointEvery, initialParameters);
        long recorded = (numTrainingSteps - 1L) / recordLossEvery + 1;
        Require.that(recorded <= MAX_RECORDED_LOSSES, "recordLossEvery", "must keep the loss history in memory at ≤ "
                + MAX_RECORDED_LOSSES + " entries: with numTrainingSteps = " + numTrainingSteps + " it must be ≥ "
                + ((numTrainingSteps - 1L) / MAX_RECORDED_LOSSES + 1) + ", got " + recordLossEvery);
    }

    /** Update steps between checkpoints unless given. */
    public static final int DEFAULT_CHECKPOINT_EVERY = 1000;

    /** Most losses a run records (80 MB of history). */
    public static final int MAX_RECORDED_LOSSES = 10_000_000;

    /** {@code numTrainingSteps} updates on minibatches of {@code batchSize}, every other option at its default. */
    public static TrainingOptions of(int numTrainingSteps, int batchSize) {
        return new TrainingOptions(numTrainingSteps, batchSize, 0, 0, Precision.FLOAT32, 1, true,
                DEFAULT_CHECKPOINT_EVERY, null);
    }

    /** The same with another number of update steps. */
    public TrainingOptions withNumTrainingSteps(int value) {
        return new TrainingOptions(value, batchSize, seed, initSeed, dataType, recordLossEvery, doSubStacking,
                checkpointEvery, initialParameters);
    }

    /** The same with another minibatch size. */
    public TrainingOptions withBatchSize(int value) {
        return new TrainingOptions(numTrainingSteps, value, seed, initSeed, dataType, recordLossEvery, doSubStacking,
                checkpointEvery, initialParameters);
    }

    /** The same with another floating-point type. */
    public TrainingOptions withDataType(Precision value) {
        return new TrainingOptions(numTrainingSteps, batchSize, seed, initSeed, value, recordLossEvery, doSubStacking,
                checkpointEvery, initialParameters);
    }

    /** The same recording the loss every {@code k} steps. */
    public TrainingOptions withRecordLossEvery(int k) {
        return new TrainingOptions(numTrainingSteps, batchSize, seed, initSeed, dataType, k, doSubStacking,
                checkpointEvery, initialParameters);
    }

    /** The same with or without sub-stacking. */
    public TrainingOptions withSubStacking(boolean value) {
        return new TrainingOptions(numTrainingSteps, batchSize, seed, initSeed, dataType, recordLossEvery, value,
                checkpointEvery, initialParameters);
    }

    /** The same with other seeds for the minibatch order and the initial parameters. */
    public TrainingOptions withSeeds(int minibatchSeed, int initialisationSeed) {
        return new TrainingOptions(numTrainingSteps, batchSize, minibatchSeed, initialisationSeed, dataType,
                recordLossEvery, doSubStacking, checkpointEvery, initialParameters);
    }

    /** The same writing a checkpoint every {@code k} update steps. */
    public TrainingOptions withCheckpointEvery(int k) {
        return new TrainingOptions(numTrainingSteps, batchSize, seed, initSeed, dataType, recordLossEvery,
                doSubStacking, k, initialParameters);
    }

    /** The floating-point types training runs in. */
    public enum Precision {
        /** 32-bit floats (the default). */
        FLOAT32(DataType.FLOAT),
        /** 64-bit floats (gradient checks). */
        FLOAT64(DataType.DOUBLE);

        private final DataType type;

        Precision(DataType type) {
            this.type = type;
        }

        /** The ND4J type. */
        public DataType type() {
            return type;
        }

        /** The precision of an ND4J type. */
        public static Precision of(DataType type) {
            for (Precision precision : values()) {
                if (precision.type == type) {
                    return precision;
                }
            }
            throw new IllegalArgumentException("dataType must be FLOAT or DOUBLE, got " + type);
        }
    }
}
