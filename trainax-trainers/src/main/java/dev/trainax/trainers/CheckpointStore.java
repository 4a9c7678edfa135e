package dev.trainax.trainers;

import dev.trainax.api.Parameters;
import dev.trainax.api.internal.Require;
import dev.trainax.api.internal.Safetensors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A folder of {@link Checkpoint}s, one safetensors file per checkpoint ({@code step-0000001000.safetensors}),
 * each written atomically (a reader never sees half a file), so the newest file is always a
 * complete checkpoint. The two newest are kept: writing one removes the older ones.
 *
 * <p>Layout: tensors {@code m<k>/p/<name>} (member k's parameters, in order), {@code m<k>/optimizer}
 * (its moment buffers), {@code m<k>/losses} (float64) and {@code m<k>/h/<c>/<i>/<name>} (parameters
 * a callback recorded); everything else is text metadata (step, fingerprint, optimizer steps, last
 * losses exactly as {@link Double#toString}, callback results and states, notes).
 */
public final class CheckpointStore {

    private static final System.Logger LOG = System.getLogger(CheckpointStore.class.getName());
    private static final Pattern FILE = Pattern.compile("step-(\\d{10})\\.safetensors");
    private static final int KEPT = 2;
    private static final String FORMAT = "trainax-checkpoint-1";

    private final Path folder;

    /** The checkpoints in {@code folder} (created when the first one is written). */
    public CheckpointStore(Path folder) {
        this.folder = Require.present("folder", folder).toAbsolutePath();
    }

    /** The folder. */
    public Path folder() {
        return folder;
    }

    /** Writes {@code checkpoint} atomically and removes all but the two newest checkpoints. */
    public void write(Checkpoint checkpoint) {
        Path file = folder.resolve(String.format("step-%010d.safetensors", checkpoint.step()));
        Codec.Encoded encoded = Codec.encode(checkpoint);
        Safetensors.write(file, encoded.tensors(), encoded.metadata());
        List<Path> files = files();
        for (int i = 0; i < files.size() - KEPT; i++) {
            try {
                Files.deleteIfExists(files.get(i));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the old checkpoint " + files.get(i), e);
            }
        }
    }

    /** The checkpoint files, oldest first. */
    public List<Path> files() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the checkpoints in " + folder, e);
        }
    }

    /**
     * The newest checkpoint that can be read, if any: a newest file that is damaged (written
     * atomically, it can only have been changed afterwards) is skipped with a warning naming it,
     * and the one before it is used.
     *
     * @throws IllegalArgumentException if there are checkpoint files but none can be read, naming the newest problem
     */
    public Optional<Checkpoint> latest() {
        List<Path> files = files();
        List<RuntimeException> skipped = new ArrayList<>();
        for (int i = files.size() - 1; i >= 0; i--) {
            try {
                Checkpoint checkpoint = read(files.get(i));
                skipped.forEach(e -> LOG.log(System.Logger.Level.WARNING, "skipped a damaged checkpoint: {0}",
                        e.getMessage()));
                return Optional.of(checkpoint);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                skipped.add(e);
            }
        }
        if (!skipped.isEmpty()) {
            throw new IllegalArgumentException("no checkpoint in " + folder + " can be read; the newest: "
                    + skipped.get(0).getMessage(), skipped.get(0));
        }
        return Optional.empty();
    }

    /**
     * Reads one checkpoint file.
     *
     * @throws IllegalArgumentException naming the file if it is not a checkpoint of this format
     */
    public static Checkpoint read(Path file) {
        Safetensors.Content content = Safetensors.readWithMetadata(file);
        try {
            return Codec.decode(content.arrays(), content.metadata());
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(file + ": not a readable checkpoint (" + e.getMessage() + ")", e);
        }
    }

    /** Checkpoints to and from tensors plus text metadata. */
    private static final class Codec {

        record Encoded(LinkedHashMap<String, INDArray> tensors, LinkedHashMap<String, String> metadata) {
        }

        private Codec() {
        }

        static Encoded encode(Checkpoint checkpoint) {
            LinkedHashMap<String, INDArray> tensors = new LinkedHashMap<>();
            LinkedHashMap<String, String> meta = new LinkedHashMap<>();
            Checkpoint.Fingerprint f = checkpoint.fingerprint();
            meta.put("trainax.checkpoint", FORMAT);
            meta.put("step", Integer.toString(checkpoint.step()));
            meta.put("seed", Long.toString(f.seed()));
            meta.put("numWindows", Integer.toString(f.numWindows()));
            meta.put("batchSize", Integer.toString(f.batchSize()));
            meta.put("recordLossEvery", Integer.toString(f.recordLossEvery()));
            meta.put("dataType", f.dataType().name());
            meta.put("optimizer", f.optimizer());
            meta.put("members", Integer.toString(checkpoint.members().size()));
            for (int k = 0; k < checkpoint.members().size(); k++) {
                Checkpoint.Member member = checkpoint.members().get(k);
                String m = "m" + k + "/";
                putParameters(tensors, meta, m + "p", member.parameters());
                OptimizerState state = member.optimizerState();
                meta.put(m + "optimizerSteps", Integer.toString(state.steps()));
                if (state.buffers() != null) {
                    tensors.put(m + "optimizer", state.buffers());
                }
                meta.put(m + "losses", Integer.toString(member.losses().length));
                if (member.losses().length > 0) {
                    tensors.put(m + "losses", Nd4j.createFromArray(member.losses()));
                }
                meta.put(m + "lastLoss", Double.toString(member.lastLoss()));
                int c = 0;
                meta.put(m + "callbacks", Integer.toString(member.callbackHistory().size()));
                for (Map.Entry<String, List<Object>> history : member.callbackHistory().entrySet()) {
                    String h = m + "h/" + c++;
                    meta.put(h, history.getKey());
                    meta.put(h + "/count", Integer.toString(history.getValue().size()));
                    for (int i = 0; i < history.getValue().size(); i++) {
                        putValue(tensors, meta, h + "/" + i, history.getKey(), history.getValue().get(i));
                    }
                }
            }
            meta.put("callbackStates", Integer.toString(checkpoint.callbackStates().size()));
            int c = 0;
            for (Map.Entry<String, Map<String, Double>> state : new TreeMap<>(checkpoint.callbackStates())
                    .entrySet()) {
                String s = "state/" + c++;
                meta.put(s, state.getKey());
                new TreeMap<>(state.getValue()).forEach((key, value) ->
                        meta.put(s + "/" + key, Double.toString(value)));
            }
            new TreeMap<>(checkpoint.notes()).forEach((key, value) -> meta.put("note/" + key, value));
            return new Encoded(tensors, meta);
        }

        private static void putParameters(Map<String, INDArray> tensors, Map<String, String> meta, String prefix,
                                          Parameters parameters) {
            meta.put(prefix, Integer.toString(parameters.names().size()));
            int i = 0;
            for (Map.Entry<String, INDArray> entry : parameters.asMap().entrySet()) {
                meta.put(prefix + "/" + i, entry.getKey());
                tensors.put(prefix + "/" + i++, entry.getValue());
            }
        }

        private static void putValue(Map<String, INDArray> tensors, Map<String, String> meta, String key,
                                     String callback, Object value) {
            String encoded;
            if (value instanceof Double d) {
                encoded = "d:" + d;
            } else if (value instanceof Float f) {
                encoded = "f:" + f;
            } else if (value instanceof Integer n) {
                encoded = "i:" + n;
            } else if (value instanceof Long n) {
                encoded = "l:" + n;
            } else if (value instanceof Boolean b) {
                encoded = "b:" + b;
            } else if (value instanceof String text) {
                encoded = "s:" + text;
            } else if (value instanceof Parameters parameters) {
                putParameters(tensors, meta, key + "/p", parameters);
                encoded = "p:";
            } else {
                throw new IllegalStateException("callback '" + callback + "' records values of type "
                        + value.getClass().getName() + ", which a checkpoint cannot hold (allowed: Double, Float, "
                        + "Integer, Long, Boolean, String, Parameters)");
            }
            meta.put(key, encoded);
        }

        static Checkpoint decode(Map<String, INDArray> tensors, Map<String, String> meta) {
            Require.that(FORMAT.equals(meta.get("trainax.checkpoint")), "trainax.checkpoint", "must be " + FORMAT
                    + ", got " + meta.get("trainax.checkpoint"));
            Checkpoint.Fingerprint fingerprint = new Checkpoint.Fingerprint(Long.parseLong(text(meta, "seed")),
                    integer(meta, "numWindows"), integer(meta, "batchSize"), integer(meta, "recordLossEvery"),
                    TrainingOptions.Precision.valueOf(text(meta, "dataType")), text(meta, "optimizer"));
            List<Checkpoint.Member> members = new ArrayList<>();
            int count = integer(meta, "members");
            for (int k = 0; k < count; k++) {
                String m = "m" + k + "/";
                Parameters parameters = parameters(tensors, meta, m + "p");
                INDArray buffers = tensors.get(m + "optimizer");
                OptimizerState state = new OptimizerState(buffers, integer(meta, m + "optimizerSteps"));
                int numLosses = integer(meta, m + "losses");
                double[] losses = numLosses == 0 ? new double[0]
                        : tensor(tensors, m + "losses").castTo(DataType.DOUBLE).toDoubleVector();
                Require.that(losses.length == numLosses, m + "losses", "must hold " + numLosses + " values");
                LinkedHashMap<String, List<Object>> history = new LinkedHashMap<>();
                int callbacks = integer(meta, m + "callbacks");
                for (int c = 0; c < callbacks; c++) {
                    String h = m + "h/" + c;
                    List<Object> values = new ArrayList<>();
                    int n = integer(meta, h + "/count");
                    for (int i = 0; i < n; i++) {
                        values.add(value(tensors, meta, h + "/" + i));
                    }
                    history.put(text(meta, h), values);
                }
                members.add(new Checkpoint.Member(parameters, state, losses,
                        Double.parseDouble(text(meta, m + "lastLoss")), history));
            }
            Map<String, Map<String, Double>> states = new LinkedHashMap<>();
            int numStates = integer(meta, "callbackStates");
            for (int c = 0; c < numStates; c++) {
                String prefix = "state/" + c + "/";
                Map<String, Double> state = new LinkedHashMap<>();
                meta.forEach((key, value) -> {
                    if (key.startsWith(prefix)) {
                        state.put(key.substring(prefix.length()), Double.parseDouble(value));
                    }
                });
                states.put(text(meta, "state/" + c), state);
            }
            Map<String, String> notes = new LinkedHashMap<>();
            meta.forEach((key, value) -> {
                if (key.startsWith("note/")) {
                    notes.put(key.substring("note/".length()), value);
                }
            });
            return new Checkpoint(integer(meta, "step"), fingerprint, members, states, notes);
        }

        private static Parameters parameters(Map<String, INDArray> tensors, Map<String, String> meta, String prefix) {
            LinkedHashMap<String, INDArray> arrays = new LinkedHashMap<>();
            int count = integer(meta, prefix);
            for (int i = 0; i < count; i++) {
                arrays.put(text(meta, prefix + "/" + i), tensor(tensors, prefix + "/" + i));
            }
            return Parameters.of(arrays);
        }

        private static Object value(Map<String, INDArray> tensors, Map<String, String> meta, String key) {
            String encoded = text(meta, key);
            Require.that(encoded.length() >= 2 && encoded.charAt(1) == ':', key, "must be a typed value");
            String body = encoded.substring(2);
            return switch (encoded.charAt(0)) {
                case 'd' -> Double.parseDouble(body);
                case 'f' -> Float.parseFloat(body);
                case 'i' -> Integer.parseInt(body);
                case 'l' -> Long.parseLong(body);
                case 'b' -> Boolean.parseBoolean(body);
                case 's' -> body;
                case 'p' -> parameters(tensors, meta, key + "/p");
                default -> throw new IllegalArgumentException(key + ": unknown value type '" + encoded.charAt(0) + "'");
            };
        }

        private static INDArray tensor(Map<String, INDArray> tensors, String key) {
            INDArray tensor = tensors.get(key);
            Require.that(tensor != null, key, "tensor is missing");
            return tensor;
        }

        private static String text(Map<String, String> meta, String key) {
            String value = meta.get(key);
            Require.that(value != null, key, "metadata is missing");
            return value;
        }

        private static int integer(Map<String, String> meta, String key) {
            try {
                return Integer.parseInt(text(meta, key));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": must be an integer, got " + meta.get(key), e);
            }
        }
    }
}
