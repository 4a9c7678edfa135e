package dev.trainax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trainax.api.Parameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bad input, as users give it and as hostile files make it: every case runs {@code trainax} in
 * process ({@link Main#run}) on a spec and files in a fresh folder and asserts the exit code (2 for
 * bad input, 1 for a failure while training), the one line on standard error ({@code error: ...} or
 * {@code failed: ...}, never a stack trace) with its distinctive part, and that nothing was written:
 * the case's folder (an existing output folder included) and the shared fixtures are unchanged byte
 * for byte, so neither the output folder nor its {@code .partial} sibling appears.
 *
 * <p>Categories: 1 syntax and structure of the spec, 2 plugins and parameter values, 3 shapes and
 * sizes, 4 files (spec, data, parameter files), 5 output folders, 6 the command line, 7 divergence
 * (its own tests: a guarded divergence does commit outputs), 8 the launcher's environment settings
 * (the rest are in {@code trainax-it}'s {@code LauncherTest}). The shape and size checks of the
 * networks, steppers and data sources have their own method, {@link #shapesAndSizesAreCheckedBeforeTraining}.
 *
 * <p>In specs, arguments and expected messages {@code $DIR} is the case's folder, {@code $SPEC} its
 * spec file, {@code $OUT} the output folder in it, {@code $FILES} the shared data and parameter files
 * and {@code $RUN} a finished run shared by all cases (trained once, copied where a case needs one).
 */
class BadInputTest {

    /** A tiny run: 2 trajectories of 8 levels on 16 points, a 2-tap convolution, 2 update steps. */
    private static final String BASE = """
            data: {id: advection-1d, numPoints: 16, numSamples: 2, temporalHorizon: 8}
            network: {id: conv1d}
            configuration: {id: supervised, numRolloutSteps: 2}
            training: {numTrainingSteps: 2, batchSize: 4}
            output: $OUT
            """;

    @TempDir
    static Path shared;
    private static Path files;
    private static Path run;

    /** Creates files in a case's folder before the command runs. */
    @FunctionalInterface
    interface Setup {
        void create(Path folder) throws IOException;
    }

    /**
     * One bad input.
     *
     * @param category  1 to 8, see the class comment
     * @param name      what the user did
     * @param spec      the text of {@code $SPEC}, or null for no spec file
     * @param setup     further files to create
     * @param args      the command line
     * @param exitCode  the expected exit code
     * @param fragments parts the error line must contain
     * @param quick     whether the command must be answered within two seconds with a short line
     */
    record Case(int category, String name, String spec, Setup setup, List<String> args, int exitCode,
                List<String> fragments, boolean quick) {

        Case args(String... arguments) {
            return new Case(category, name, spec, setup, List.of(arguments), exitCode, fragments, quick);
        }

        Case setup(Setup files) {
            return new Case(category, name, spec, files, args, exitCode, fragments, quick);
        }

        Case mustBeQuick() {
            return new Case(category, name, spec, setup, args, exitCode, fragments, true);
        }

        Arguments named() {
            return Arguments.of(Named.of(category + ": " + name, this));
        }
    }

    /** {@code trainax train $SPEC} on {@code spec}: bad input whose error line contains every fragment. */
    private static Case bad(int category, String name, String spec, String... fragments) {
        return new Case(category, name, spec, folder -> { }, List.of("train", "$SPEC"), 2, List.of(fragments), false);
    }

    /** {@link #BASE} with each {@code from} (which must occur once) replaced by the following {@code to}. */
    private static String base(String... fromTo) {
        return replaceOnce(BASE, fromTo);
    }

    /** {@code text} with each {@code from} (which must occur once) replaced by the following {@code to}. */
    private static String replaceOnce(String text, String... fromTo) {
        for (int i = 0; i < fromTo.length; i += 2) {
            assertTrue(text.indexOf(fromTo[i]) >= 0 && text.indexOf(fromTo[i]) == text.lastIndexOf(fromTo[i]),
                    "once in the spec: " + fromTo[i]);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        return text;
    }

    /** {@link #BASE} with further lines. */
    private static String basePlus(String lines) {
        return BASE + lines + "\n";
    }

    // ------------------------------------------------------------------------------------------------
    // fixtures

    @BeforeAll
    static void fixtures() throws IOException {
        files = Files.createDirectories(shared.resolve("files"));
        byte[] levels = floats(2 * 8 * 16);
        Files.write(files.resolve("good.npy"), npy("<f4", "2, 8, 1, 16", levels));
        Files.write(files.resolve("half.npy"), npy("<f2", "2, 8, 1, 16", new byte[2 * 256]));
        Files.write(files.resolve("int64.npy"), npy("<i8", "2, 8, 1, 16", new byte[8 * 256]));
        Files.write(files.resolve("big-endian.npy"), npy(">f4", "2, 8, 1, 16", levels));
        Files.write(files.resolve("rank2.npy"), npy("<f4", "2, 128", levels));
        Files.write(files.resolve("rank1.npy"), npy("<f4", "256,", levels));
        Files.write(files.resolve("one-level.npy"), npy("<f4", "2, 1, 1, 16", floats(32)));
        Files.write(files.resolve("zero-samples.npy"), npy("<f4", "0, 8, 1, 16", new byte[0]));
        Files.write(files.resolve("fortran.npy"), npy("<f4", "2, 8, 1, 16", levels));
        replace(files.resolve("fortran.npy"), "'fortran_order': False", "'fortran_order': True ");
        byte[] nan = ByteBuffer.allocate(4 * 256).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, Float.NaN).array();
        Files.write(files.resolve("nan.npy"), npy("<f4", "2, 8, 1, 16", nan));
        byte[] good = npy("<f4", "2, 8, 1, 16", levels);
        Files.write(files.resolve("truncated.npy"), Arrays.copyOf(good, good.length - 100));
        Files.write(files.resolve("header-only.npy"), Arrays.copyOf(good, 60));
        Files.writeString(files.resolve("table.npy"), "1,2,3\n4,5,6\n");
        try (OutputStream zip = Files.newOutputStream(files.resolve("arrays.npz"))) {
            zip.write(new byte[] {'P', 'K', 3, 4});
            zip.write(new byte[60]);
        }

        INDArray weight = Nd4j.createFromArray(0.25f, 0.75f).reshape(1, 1, 2);
        Parameters.of(Map.of("weight", weight)).save(files.resolve("good.safetensors"));
        Parameters.of(Map.of("kernel", weight)).save(files.resolve("renamed.safetensors"));
        Map<String, INDArray> extra = new LinkedHashMap<>();
        extra.put("weight", weight);
        extra.put("bias", Nd4j.createFromArray(0f));
        Parameters.of(extra).save(files.resolve("extra.safetensors"));
        Parameters.of(Map.of("weight", Nd4j.zeros(1, 1, 3))).save(files.resolve("wide.safetensors"));
        byte[] parameters = Files.readAllBytes(files.resolve("good.safetensors"));
        Files.write(files.resolve("truncated.safetensors"), Arrays.copyOf(parameters, parameters.length - 4));
        Files.writeString(files.resolve("weights.txt"), "weight: [0.25, 0.75]\n");
        Files.write(files.resolve("old.params"), Arrays.copyOf(new byte[] {'P', 'K', 3, 4}, 64));
        Files.write(files.resolve("half.safetensors"),
                safetensors("{\"weight\":{\"dtype\":\"F16\",\"shape\":[1,1,2],\"data_offsets\":[0,4]}}", new byte[4]));
        Files.write(files.resolve("empty.safetensors"), new byte[0]);
        Files.write(files.resolve("huge-header.safetensors"),
                ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 62).put((byte) '{')
                        .put((byte) '}').array());

        Path spec = Files.writeString(shared.resolve("run.yaml"), BASE.replace("$OUT", shared.resolve("run").toString()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"train", spec.toString()}, new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));
        run = shared.resolve("run");
    }

    /** Little-endian float32 values 0, 0.01, 0.02, ... (a smooth enough stand-in for trajectories). */
    private static byte[] floats(int count) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            buffer.putFloat((float) Math.sin(0.1 * i));
        }
        return buffer.array();
    }

    /** A version-1.0 .npy file as NumPy writes it: magic, header padded to 64 bytes, data. */
    private static byte[] npy(String descr, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        int total = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x93);
        out.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] safetensors(String header, byte[] data) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(json.length).put(json).put(data).array();
    }

    /** Replaces text of the same length inside a binary file. */
    private static void replace(Path file, String from, String to) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertTrue(text.contains(from) && from.length() == to.length(), from);
        Files.write(file, text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Copies the shared finished run to {@code $OUT}. */
    private static Setup finishedRun() {
        return folder -> copyTree(run, folder.resolve("out"));
    }

    /** An interrupted run in {@code $OUT.partial}: the shared run's checkpoints and nothing else. */
    private static Setup interruptedRun() {
        return folder -> copyTree(run.resolve(RunFolder.CHECKPOINTS),
                folder.resolve("out.partial").resolve(RunFolder.CHECKPOINTS));
    }

    /** A text file {@code name} (a path relative to the case's folder). */
    private static Setup file(String name, String content) {
        return folder -> {
            Path path = folder.resolve(name);
            Files.createDirectories(path.getParent());
            Files.writeString(path, content);
        };
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // 1. syntax and structure of the spec

    /** Nine levels of nine aliases of the level below: 9^9 nodes from a few hundred bytes. */
    private static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\","
                + "\"lol\"]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            char below = (char) (level - 1);
            yaml.append(level).append(": &").append(level).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, "*" + below))).append("]\n");
        }
        return yaml.toString();
    }

    /** Levels of two aliases of the level below, fewer aliases than the limit: 2^levels nodes expanded. */
    private static String nestedPairs(int levels) {
        StringBuilder yaml = new StringBuilder("l0: &l0 [lol]\n");
        for (int i = 1; i <= levels; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append("]\n");
        }
        return yaml.toString();
    }

    static List<Case> syntaxAndStructure() {
        String sections = "[scenario, data, network, configuration, referenceStepper, residuum, engine, optimizer, training, "
                + "callbacks, metricsPort, output]";
        String bomb = billionLaughs();
        assertTrue(bomb.length() <= 800, bomb.length() + " bytes");
        String pairs = nestedPairs(24);
        assertTrue(pairs.length() <= 800, pairs.length() + " bytes");
        return List.of(
                bad(1, "YAML flow map left open", base("temporalHorizon: 8}", "temporalHorizon: 8"),
                        "error: spec: $SPEC is not valid YAML or JSON at line 2, column 8: expected ',' or '}', but got : "
                                + "(while parsing a flow mapping at line 1, column 7)"),
                bad(1, "YAML key indented one space too far", """
                        data:
                          id: advection-1d
                           numPoints: 16
                        """, "is not valid YAML or JSON at line 3, column 13: mapping values are not allowed here"),
                bad(1, "YAML indented with a tab", "data:\n\tid: advection-1d\n",
                        "is not valid YAML or JSON at line 2, column 1: found character '\\t(TAB)' that cannot start "
                                + "any token"),
                bad(1, "YAML quoted string left open", "output: \"$OUT\nnetwork: conv1d\n",
                        "is not valid YAML or JSON at line 3, column 1: found unexpected end of stream (while scanning a "
                                + "quoted scalar at line 1, column 9)"),
                bad(1, "JSON without a comma between members",
                        "{\"data\": {\"id\": \"advection-1d\"} \"network\": {\"id\": \"conv1d\"}}",
                        "is not valid YAML or JSON at line 1, column 33: expected ',' or '}', but got <scalar>"),
                bad(1, "JSON object left open", "{\"data\": {\"id\": \"advection-1d\"}\n",
                        "is not valid YAML or JSON at line 2, column 1: expected ',' or '}', but got <stream end> "
                                + "(while parsing a flow mapping at line 1, column 1)"),
                bad(1, "section given twice", BASE + "training: {numTrainingSteps: 5, batchSize: 2}\n",
                        "error: spec: $SPEC: key 'training' appears twice, at line 4, column 1 and at line 6, column 1"),
                bad(1, "parameter given twice in a flow map", base("numSamples: 2", "numSamples: 2, numSamples: 3"),
                        "key 'numSamples' appears twice, at line 1, column 41 and at line 1, column 56"),
                bad(1, "JSON member given twice",
                        "{\"network\": {\"id\": \"mlp\", \"features\": 3, \"features\": 4}}",
                        "key 'features' appears twice, at line 1, column 27 and at line 1, column 42"),
                bad(1, "billion laughs: 81 aliases in a few hundred bytes", bomb,
                        "error: spec: $SPEC uses more than 50 aliases of lists or maps (the next at line 7, column 23); "
                                + "write the values out instead").mustBeQuick(),
                bad(1, "48 aliases expanding to 2^24 nodes", pairs,
                        "error: spec: $SPEC expands to more than 100000 YAML nodes through its aliases; write the "
                                + "values out instead").mustBeQuick(),
                bad(1, "an alias of the list that holds it", "a: &a [*a]\n",
                        "expands to more than 100000 YAML nodes through its aliases").mustBeQuick(),
                bad(1, "empty file", "", "error: spec: $SPEC must hold a map of sections " + sections),
                bad(1, "only a comment", "# a spec, some day\n", "error: spec: $SPEC must hold a map of sections"),
                bad(1, "a list of sections instead of a map", "- data: advection-1d\n- network: conv1d\n",
                        "error: spec: $SPEC must hold a map of sections " + sections),
                bad(1, "a single word", "advection\n", "must hold a map of sections"),
                bad(1, "unknown section (British spelling)", basePlus("optimiser: {name: adam}"),
                        "error: spec.optimiser: unknown section; known: " + sections),
                bad(1, "unknown section (another library's name)", base("network:", "model:"),
                        "error: spec.model: unknown section; known: "),
                bad(1, "data is a number", base("{id: advection-1d, numPoints: 16, numSamples: 2, temporalHorizon: 8}",
                        "5"), "error: spec.data: must be a plugin id or {id: ..., ...}, got 5"),
                bad(1, "network is a list", base("{id: conv1d}", "[conv1d]"),
                        "error: spec.network: must be a plugin id or {id: ..., ...}, got [conv1d]"),
                bad(1, "configuration is a number", base("{id: supervised, numRolloutSteps: 2}", "3"),
                        "error: spec.configuration: must be a plugin id or {id: ..., ...}, got 3"),
                bad(1, "referenceStepper is a list", basePlus("referenceStepper: [first-order-upwind]"),
                        "error: spec.referenceStepper: must be a plugin id or {id: ..., ...}, got [first-order-upwind]"),
                bad(1, "residuum is a boolean", basePlus("residuum: true"),
                        "error: spec.residuum: must be a plugin id or {id: ..., ...}, got true"),
                bad(1, "engine is a number", basePlus("engine: 1"),
                        "error: spec.engine: must be a plugin id or {id: ..., ...}, got 1"),
                bad(1, "optimizer is a name", basePlus("optimizer: adam"), "error: spec.optimizer: must be a map, got adam"),
                bad(1, "training is a list", base("{numTrainingSteps: 2, batchSize: 4}", "[2, 4]"),
                        "error: spec.training: must be a map, got [2, 4]"),
                bad(1, "callbacks is a map", basePlus("callbacks: {id: weight-norm}"),
                        "error: spec.callbacks: must be a list of callback specs"),
                bad(1, "a callback is a number", basePlus("callbacks: [5]"),
                        "error: spec.callbacks[0]: must be a plugin id or {id: ..., ...}, got 5"),
                bad(1, "metricsPort is a word", basePlus("metricsPort: http"),
                        "error: spec.metricsPort: must be an integer in [0, 65535], got http"),
                bad(1, "output is a map", base("output: $OUT", "output: {path: $OUT}"),
                        "error: spec.output: must be a folder path (text; quote one that YAML would read as a number), "
                                + "got {path=$OUT}"),
                bad(1, "output is a number", base("output: $OUT", "output: 42"), "spec.output: must be a folder path",
                        "got 42"),
                bad(1, "output is blank", base("output: $OUT", "output: ' '"), "spec.output: must be a folder path",
                        "got ' '"),
                bad(1, "output missing", base("output: $OUT\n", ""),
                        "error: spec.output: required folder for the results is missing"),
                bad(1, "plugin map without id", base("{id: conv1d}", "{kernelSize: 2}"),
                        "error: spec.network.id: required plugin id is missing"),
                bad(1, "plugin id is a number", base("id: advection-1d,", "id: 5,"),
                        "error: spec.data.id: must be a plugin id (text), got 5"),
                bad(1, "section left empty", base("{id: conv1d}", ""),
                        "error: spec.network: required section is missing (a network id or {id: ..., ...}; known: "
                                + "[conv1d, conv2d, conv3d, convnet, dilated-resnet, fno, mlp, modern-resnet, resnet, unet])"));
    }

    // ------------------------------------------------------------------------------------------------
    // 2. plugins and parameter values

    static List<Case> pluginsAndValues() {
        String configurations = "known: [composite, curriculum, diverted-chain, diverted-chain-branch-one, "
                + "mix-chain-post-physics, noisy-supervised, pushforward, random-pushforward, residuum, "
                + "scheduled-sampling, supervised, teacher-forcing]";
        String losses = "known: [composite-loss, fourier, h1, lp, mae, mse, nmae, nmse, nrmse, rmse]";
        String callbacks = "known: [early-stopping, get-network, grad-norm, loss, non-finite-guard, save-network, "
                + "weight-norm]";
        String rules = "[adam, adamw, sgd, momentum, nesterov, rmsprop, adagrad, adamax, nadam, amsgrad, adabelief]";
        return List.of(
                bad(2, "unknown data id", base("advection-1d,", "advection1d,"),
                        "error: spec.data: unknown data 'advection1d'; known: [advection-1d, advection-2d, "
                                + "advection-diffusion-1d, advection-diffusion-2d, burgers-1d, diffusion-1d, diffusion-2d, "
                                + "dispersion-1d, dispersion-2d, fisher-kpp-1d, gray-scott-2d, hyper-diffusion-1d, "
                                + "hyper-diffusion-2d, kolmogorov-2d, korteweg-de-vries-1d, kuramoto-sivashinsky-1d, "
                                + "lorenz63, navier-stokes-2d, npy-file, swift-hohenberg-2d]"),
                bad(2, "unknown network id", base("id: conv1d", "id: conv-1d"),
                        "error: spec.network: unknown network 'conv-1d'; known: [conv1d, conv2d, conv3d, convnet, "
                                + "dilated-resnet, fno, mlp, modern-resnet, resnet, unet]"),
                bad(2, "unknown configuration id", base("id: supervised", "id: supervized"),
                        "error: spec.configuration: unknown configuration 'supervized'; " + configurations),
                bad(2, "unknown reference stepper id", basePlus("referenceStepper: upwind"),
                        "error: spec.referenceStepper: unknown reference-stepper 'upwind'; known: [advection-2d-exact, "
                                + "advection-diffusion-1d-exact, advection-diffusion-2d-exact, burgers-etdrk2, "
                                + "diffusion-2d-exact, diffusion-etd, dispersion-1d-exact, dispersion-2d-exact, "
                                + "first-order-upwind, fisher-kpp-etdrk2, gray-scott-2d-etdrk, hyper-diffusion-1d-exact, "
                                + "hyper-diffusion-2d-exact, kolmogorov-2d-etdrk, korteweg-de-vries-etdrk2, "
                                + "korteweg-de-vries-etdrk4, kuramoto-sivashinsky-etdrk2, kuramoto-sivashinsky-etdrk4, "
                                + "lorenz63-rk4, navier-stokes-2d-etdrk, swift-hohenberg-2d-etdrk]"),
                bad(2, "unknown residuum id", basePlus("residuum: {id: heat}"),
                        "error: spec.residuum: unknown residuum 'heat'; known: [advection-1d-residuum, "
                                + "advection-2d-residuum, burgers-implicit-euler, burgers-residuum, diffusion-2d-residuum, "
                                + "diffusion-implicit-euler, diffusion-residuum, kuramoto-sivashinsky-residuum]"),
                bad(2, "unknown engine id in a map", basePlus("engine: {id: tensorflow}"),
                        "error: spec.engine: unknown engine 'tensorflow'; known: [samediff]"),
                bad(2, "unknown engine id alone", basePlus("engine: pytorch"),
                        "error: spec.engine: unknown engine 'pytorch'; known: [samediff]"),
                bad(2, "unknown scenario id", basePlus("scenario: burgers"),
                        "error: spec.scenario: unknown scenario 'burgers'; known: [advection-2d, advection-diffusion-1d, "
                                + "advection-diffusion-2d, burgers-1d, diffusion-1d, diffusion-2d, dispersion-1d, "
                                + "dispersion-2d, fisher-kpp-1d, gray-scott-2d, hyper-diffusion-1d, hyper-diffusion-2d, "
                                + "kolmogorov-2d, korteweg-de-vries-1d, kuramoto-sivashinsky-1d, navier-stokes-2d, "
                                + "swift-hohenberg-2d]"),
                bad(2, "scenario as a list", basePlus("scenario: [burgers-1d]"),
                        "error: spec.scenario: must be a plugin id or {id: ..., ...}, got [burgers-1d]"),
                bad(2, "scenario parameter out of range", basePlus("scenario: {id: burgers-1d, numPoints: 2}"),
                        "error: spec.scenario.numPoints: "),
                bad(2, "scenario warm-up as long as training", basePlus("scenario: {id: burgers-1d, numTrainingSteps: 10}"),
                        "error: spec.scenario.warmupSteps must be < numTrainingSteps = 10, got 2000"),
                bad(2, "unknown callback id", basePlus("callbacks: [{id: checkpoint, every: 5}]"),
                        "error: spec.callbacks[0]: unknown callback 'checkpoint'; " + callbacks),
                bad(2, "unknown second callback", basePlus("callbacks: [weight-norm, tensorboard]"),
                        "error: spec.callbacks[1]: unknown callback 'tensorboard'; " + callbacks),
                bad(2, "unknown loss in the configuration", base("numRolloutSteps: 2}",
                        "numRolloutSteps: 2, timeLevelLoss: l2}"),
                        "error: spec.configuration.timeLevelLoss: unknown loss 'l2'; " + losses),
                bad(2, "unknown loss inside a composite loss", base("numRolloutSteps: 2}",
                        "numRolloutSteps: 2, timeLevelLoss: {id: composite-loss, losses: [mse, huber]}}"),
                        "error: spec.configuration.timeLevelLoss.losses[1]: unknown loss 'huber'; " + losses),
                bad(2, "unknown loss in a callback's configuration", basePlus(
                        "callbacks: [{id: loss, name: x, configuration: {id: supervised, timeLevelLoss: cross-entropy}}]"),
                        "error: spec.callbacks[0].configuration.timeLevelLoss: unknown loss 'cross-entropy'; " + losses),
                bad(2, "unknown configuration inside a composite",
                        base("{id: supervised, numRolloutSteps: 2}", "{id: composite, configurations: [supervised, unrolled]}"),
                        "error: spec.configuration.configurations[1]: unknown configuration 'unrolled'; " + configurations),
                bad(2, "misspelled data parameter", base("numSamples: 2", "numSample: 2"),
                        "error: spec.data.numSample: unknown parameter of 'advection-1d'; known: [numPoints, numSamples, "
                                + "cfl, highestInitMode, temporalHorizon, seed]"),
                bad(2, "epochs instead of update steps", base("batchSize: 4", "batchSize: 4, epochs: 3"),
                        "error: spec.training.epochs: unknown parameter of 'training'; known: [numTrainingSteps, "
                                + "batchSize, seed, initSeed, dataType, recordLossEvery, doSubStacking, checkpointEvery, "
                                + "initialParameters]"),
                bad(2, "lr instead of learningRate", basePlus("optimizer: {name: adam, lr: 0.01}"),
                        "error: spec.optimizer.lr: unknown parameter of 'optimizer'; known: [name, learningRate, "
                                + "momentum, weightDecay, clipNorm]"),
                bad(2, "unknown schedule parameter", basePlus("optimizer: {schedule: {type: constant, init: 0.1, decay: 0.5}}"),
                        "error: spec.optimizer.schedule.decay: unknown parameter of 'schedule'; known: [type, init, "
                                + "peak, end, warmupSteps, decaySteps, transitionSteps, decayRate, staircase, factor, every]"),
                bad(2, "unknown configuration parameter", base("numRolloutSteps: 2}", "numRolloutSteps: 2, rolloutSteps: 3}"),
                        "error: spec.configuration.rolloutSteps: unknown parameter of 'supervised'; known: "
                                + "[numRolloutSteps, timeLevelLoss, cutBptt, cutBpttEvery, timeLevelWeights]"),
                bad(2, "unknown engine parameter", basePlus("engine: {id: samediff, threads: 4}"),
                        "error: spec.engine.threads: unknown parameter of 'samediff'; known: [execution, gcIntervalMs]"),
                bad(2, "unknown network parameter", base("{id: conv1d}", "{id: conv1d, kernel: 3}"),
                        "error: spec.network.kernel: unknown parameter of 'conv1d'; known: [channels, kernelSize, "
                                + "useBias, boundaryMode]"),
                bad(2, "unknown callback parameter", basePlus("callbacks: [{id: early-stopping, patients: 3}]"),
                        "error: spec.callbacks[0].patients: unknown parameter of 'early-stopping'; known: [every, "
                                + "patience, minDelta, name]"),
                bad(2, "update steps missing", base("numTrainingSteps: 2, ", ""),
                        "error: spec.training.numTrainingSteps: required parameter of 'training' is missing (integer ≥ 1)"),
                bad(2, "batch size missing", base(", batchSize: 4", ""),
                        "error: spec.training.batchSize: required parameter of 'training' is missing (integer ≥ 1)"),
                bad(2, "training section missing", base("training: {numTrainingSteps: 2, batchSize: 4}\n", ""),
                        "error: spec.training.numTrainingSteps: required parameter of 'training' is missing"),
                bad(2, "data section missing",
                        base("data: {id: advection-1d, numPoints: 16, numSamples: 2, temporalHorizon: 8}\n", ""),
                        "error: spec.data: required section is missing (a data id or {id: ..., ...}; known: "
                                + "[advection-1d, "),
                bad(2, "configuration section missing", base("configuration: {id: supervised, numRolloutSteps: 2}\n", ""),
                        "error: spec.configuration: required section is missing (a configuration id or {id: ..., ...}; "
                                + configurations + ")"),
                bad(2, "mlp without features", base("{id: conv1d}", "{id: mlp}"),
                        "error: spec.network.features: required parameter of 'mlp' is missing (integer ≥ 1)"),
                bad(2, "npy-file without path",
                        base("{id: advection-1d, numPoints: 16, numSamples: 2, temporalHorizon: 8}", "npy-file"),
                        "error: spec.data.path: required parameter of 'npy-file' is missing (text)"),
                bad(2, "loss callback without name", basePlus("callbacks: [{id: loss, configuration: supervised}]"),
                        "error: spec.callbacks[0].name: required parameter of 'loss' is missing (text)"),
                bad(2, "save-network without directory", basePlus("callbacks: [save-network]"),
                        "error: spec.callbacks[0].directory: required parameter of 'save-network' is missing (text)"),
                bad(2, "composite without configurations", base("{id: supervised, numRolloutSteps: 2}", "composite"),
                        "error: spec.configuration.configurations: required parameter of 'composite' is missing"),
                bad(2, "schedule without initial rate", basePlus("optimizer: {schedule: {type: exponential}}"),
                        "error: spec.optimizer.schedule.init: required parameter of 'schedule' is missing (number ≥ 0)"),
                bad(2, "schedule without type", basePlus("optimizer: {schedule: {init: 0.1}}"),
                        "error: spec.optimizer.schedule.type: required parameter of 'schedule' is missing (one of "
                                + "[constant, exponential, step, warmup-cosine])"),
                bad(2, "warm-up cosine without peak", basePlus(
                        "optimizer: {schedule: {type: warmup-cosine, init: 0.0, decaySteps: 10}}"),
                        "error: spec.optimizer.schedule: warmup-cosine needs peak and decaySteps"),
                bad(2, "negative update steps", base("numTrainingSteps: 2", "numTrainingSteps: -5"),
                        "error: spec.training.numTrainingSteps: must be integer ≥ 1, got -5"),
                bad(2, "a time step of zero", basePlus("referenceStepper: {id: burgers-etdrk2, numPoints: 16, dt: 0}")
                        .replace("id: supervised", "id: diverted-chain"),
                        "error: spec.referenceStepper.dt: must be number > 0, got 0"),
                bad(2, "a domain of length zero", basePlus("referenceStepper: {id: burgers-etdrk2, numPoints: 16, length: 0.0}")
                        .replace("id: supervised", "id: diverted-chain"),
                        "error: spec.referenceStepper.length: must be number > 0, got 0.0"),
                bad(2, "batch size 0", base("batchSize: 4", "batchSize: 0"),
                        "error: spec.training.batchSize: must be integer ≥ 1, got 0"),
                bad(2, "fractional update steps", base("numTrainingSteps: 2", "numTrainingSteps: 2.5"),
                        "error: spec.training.numTrainingSteps: must be integer ≥ 1, got 2.5"),
                bad(2, "update steps as a quoted string", base("numTrainingSteps: 2", "numTrainingSteps: \"2\""),
                        "error: spec.training.numTrainingSteps: must be integer ≥ 1, got '2'"),
                bad(2, "update steps as a boolean", base("numTrainingSteps: 2", "numTrainingSteps: true"),
                        "error: spec.training.numTrainingSteps: must be integer ≥ 1, got true"),
                bad(2, "rollout of 0 steps", base("numRolloutSteps: 2", "numRolloutSteps: 0"),
                        "error: spec.configuration.numRolloutSteps: must be integer ≥ 1, got 0"),
                bad(2, "no samples", base("numSamples: 2", "numSamples: 0"),
                        "error: spec.data.numSamples: must be integer ≥ 1, got 0"),
                bad(2, "recordLossEvery 0", base("batchSize: 4", "batchSize: 4, recordLossEvery: 0"),
                        "error: spec.training.recordLossEvery: must be integer ≥ 1, got 0"),
                bad(2, "negative checkpointEvery", base("batchSize: 4", "batchSize: 4, checkpointEvery: -1"),
                        "error: spec.training.checkpointEvery: must be integer ≥ 1, got -1"),
                bad(2, "learning rate NaN", basePlus("optimizer: {learningRate: .nan}"),
                        "error: spec.optimizer.learningRate: must be number ≥ 0, got NaN"),
                bad(2, "learning rate infinite", basePlus("optimizer: {learningRate: .inf}"),
                        "error: spec.optimizer.learningRate: must be number ≥ 0, got Infinity"),
                bad(2, "negative learning rate", basePlus("optimizer: {learningRate: -0.1}"),
                        "error: spec.optimizer.learningRate: must be number ≥ 0, got -0.1"),
                bad(2, "learning rate as a word", basePlus("optimizer: {learningRate: fast}"),
                        "error: spec.optimizer.learningRate: must be number ≥ 0, got 'fast'"),
                bad(2, "learning rate as a quoted number", basePlus("optimizer: {learningRate: '1e-3'}"),
                        "error: spec.optimizer.learningRate: must be number ≥ 0, got '1e-3'"),
                bad(2, "CFL NaN", base("numSamples: 2", "numSamples: 2, cfl: .NaN"),
                        "error: spec.data.cfl: must be number, got NaN"),
                bad(2, "time step minus infinity", basePlus("referenceStepper: {id: diffusion-etd, dt: -.inf}"),
                        "error: spec.referenceStepper.dt: must be number > 0, got -Infinity"),
                bad(2, "time-level weight NaN", base("numRolloutSteps: 2}", "numRolloutSteps: 2, timeLevelWeights: [1.0, .nan]}"),
                        "error: spec.configuration.timeLevelWeights[1]: must be list of numbers, got NaN"),
                bad(2, "time-level weights as a string", base("numRolloutSteps: 2}",
                        "numRolloutSteps: 2, timeLevelWeights: \"1,1\"}"),
                        "error: spec.configuration.timeLevelWeights: must be list of numbers, got '1,1'"),
                bad(2, "momentum 1", basePlus("optimizer: {name: momentum, momentum: 1.0}"),
                        "error: spec.optimizer.momentum: must be number in [0, 0.999999], got 1.0"),
                bad(2, "negative clipping norm", basePlus("optimizer: {clipNorm: -1}"),
                        "error: spec.optimizer.clipNorm: must be number ≥ 0, got -1"),
                bad(2, "Lp loss with p below 1", base("numRolloutSteps: 2}", "numRolloutSteps: 2, timeLevelLoss: {id: lp, p: 0.5}}"),
                        "error: spec.configuration.timeLevelLoss.p: must be number ≥ 1, got 0.5"),
                bad(2, "CFL beyond the upwind stepper's range", basePlus("referenceStepper: {id: first-order-upwind, cfl: 2}"),
                        "error: spec.referenceStepper.cfl: must be number in [-1, 1], got 2"),
                bad(2, "negative metrics port", basePlus("metricsPort: -1"),
                        "error: spec.metricsPort: must be an integer in [0, 65535], got -1"),
                bad(2, "metrics port 2^63", basePlus("metricsPort: 9223372036854775808"),
                        "error: spec.metricsPort: must be an integer in [0, 65535], got 9223372036854775808"),
                bad(2, "early stopping every 0 steps", basePlus("callbacks: [{id: early-stopping, every: 0}]"),
                        "error: spec.callbacks[0].every: must be integer ≥ 1, got 0"),
                bad(2, "optimizer name capitalised", basePlus("optimizer: {name: Adam}"),
                        "error: spec.optimizer.name: must be one of " + rules + ", got 'Adam'"),
                bad(2, "optimizer name in camel case", basePlus("optimizer: {name: adamW}"),
                        "error: spec.optimizer.name: must be one of " + rules + ", got 'adamW'"),
                bad(2, "schedule type misspelled", basePlus("optimizer: {schedule: {type: cosine, init: 0.1}}"),
                        "error: spec.optimizer.schedule.type: must be one of [constant, exponential, step, warmup-cosine], "
                                + "got 'cosine'"),
                bad(2, "data type float16", base("batchSize: 4", "batchSize: 4, dataType: float16"),
                        "error: spec.training.dataType: must be one of [float32, float64], got 'float16'"),
                bad(2, "boundary mode 'circular'", base("id: conv1d", "id: conv1d, boundaryMode: circular"),
                        "error: spec.network.boundaryMode: must be one of [periodic, dirichlet, neumann], got "
                                + "'circular'"),
                bad(2, "activation capitalised", base("{id: conv1d}", "{id: mlp, features: 16, activation: ReLU}"),
                        "error: spec.network.activation: must be one of [relu, tanh, swish, elu, gelu, identity], got 'ReLU'"),
                bad(2, "guard action misspelled", basePlus("callbacks: [{id: non-finite-guard, action: halt}]"),
                        "error: spec.callbacks[0].action: must be one of [stop, throw], got 'halt'"),
                bad(2, "engine execution misspelled", basePlus("engine: {id: samediff, execution: eager}"),
                        "error: spec.engine.execution: must be one of [direct, session], got 'eager'"),
                bad(2, "batch reduction misspelled", base("numRolloutSteps: 2}",
                        "numRolloutSteps: 2, timeLevelLoss: {id: mse, batchReduction: average}}"),
                        "error: spec.configuration.timeLevelLoss.batchReduction: must be one of [mean, sum], got 'average'"),
                bad(2, "initial condition misspelled", base("advection-1d, numPoints: 16,",
                        "diffusion-1d, initialCondition: gaussian, numPoints: 16,"),
                        "error: spec.data.initialCondition: must be one of [fourier, grf], got 'gaussian'"),
                bad(2, "boolean as a phrase", base("id: conv1d", "id: conv1d, useBias: yes please"),
                        "error: spec.network.useBias: must be true or false, got 'yes please'"));
    }

    // ------------------------------------------------------------------------------------------------
    // 3. shapes and sizes (the networks', steppers' and data sources' own checks are in shapeAndSizeCases)

    static List<Case> shapesAndSizes() {
        String withUpwind = "referenceStepper: first-order-upwind";
        return List.of(
                bad(3, "rollout as long as the data", base("numRolloutSteps: 2", "numRolloutSteps: 8"),
                        "error: spec: trajectories have 8 time levels (shape [2, 8, 1, 16]) but configuration Supervised "
                                + "needs windows of 9 levels"),
                bad(3, "rollout longer than the data", base("numRolloutSteps: 2", "numRolloutSteps: 20"),
                        "error: spec: trajectories have 8 time levels (shape [2, 8, 1, 16]) but configuration Supervised "
                                + "needs windows of 21 levels"),
                bad(3, "a single time level", base("temporalHorizon: 8", "temporalHorizon: 1"),
                        "error: spec: trajectories have 1 time levels (shape [2, 1, 1, 16]) but configuration "
                                + "Supervised needs windows of 3 levels"),
                bad(3, "mix chain longer than the data", basePlus(withUpwind).replace(
                        "{id: supervised, numRolloutSteps: 2}",
                        "{id: mix-chain-post-physics, numRolloutSteps: 4, numPostPhysicsSteps: 4}"),
                        "error: spec: trajectories have 8 time levels (shape [2, 8, 1, 16]) but configuration "
                                + "MixChainPostPhysics needs windows of 9 levels"),
                bad(3, "diverted chain without reference stepper", base("id: supervised", "id: diverted-chain"),
                        "error: spec: referenceStepper is required by configuration DivertedChain but none was given"),
                bad(3, "branch-one chain without reference stepper", base("id: supervised", "id: diverted-chain-branch-one"),
                        "error: spec: referenceStepper is required by configuration DivertedChainBranchOne but none was "
                                + "given"),
                bad(3, "mix chain without reference stepper", base("id: supervised", "id: mix-chain-post-physics"),
                        "error: spec: referenceStepper is required by configuration MixChainPostPhysics but none was given"),
                bad(3, "residuum training without residuum", base("id: supervised", "id: residuum"),
                        "error: spec: residuum is required by configuration ResiduumTraining but none was given"),
                bad(3, "composite needing a reference stepper without one", base("{id: supervised, numRolloutSteps: 2}",
                        "{id: composite, configurations: [supervised, diverted-chain]}"),
                        "error: spec: referenceStepper is required by configuration Composite but none was given"),
                bad(3, "composite weights of the wrong length", base("{id: supervised, numRolloutSteps: 2}",
                        "{id: composite, configurations: [supervised, supervised], weights: [1.0]}"),
                        "error: spec.configuration.weights must have 2 entries (one per configuration), got 1"),
                bad(3, "too few time-level weights", base("numRolloutSteps: 2}", "numRolloutSteps: 2, timeLevelWeights: [1.0]}"),
                        "error: spec.configuration.timeLevelWeights must have 2 entries (one per rollout step, "
                                + "numRolloutSteps), got 1"),
                bad(3, "too many time-level weights", base("numRolloutSteps: 2}",
                        "numRolloutSteps: 2, timeLevelWeights: [1, 1, 1]}"),
                        "error: spec.configuration.timeLevelWeights must have 2 entries (one per rollout step, "
                                + "numRolloutSteps), got 3"),
                bad(3, "branch-level weights of the wrong length", basePlus(withUpwind).replace(
                        "{id: supervised, numRolloutSteps: 2}",
                        "{id: diverted-chain, numRolloutSteps: 2, numBranchSteps: 2, branchLevelWeights: [1]}"),
                        "error: spec.configuration.branchLevelWeights must have 2 entries (one per branch step, "
                                + "numBranchSteps), got 1"),
                bad(3, "composite-loss weights of the wrong length", base("numRolloutSteps: 2}",
                        "numRolloutSteps: 2, timeLevelLoss: {id: composite-loss, losses: [mse, mae], weights: [1]}}"),
                        "error: spec.configuration.timeLevelLoss.weights must have 2 entries (one per loss), got 1"),
                bad(3, "composite of no configurations", base("{id: supervised, numRolloutSteps: 2}",
                        "{id: composite, configurations: []}"),
                        "error: spec.configuration.configurations: must be non-empty list of configuration ids or "
                                + "{id: ..., ...}, got []"),
                bad(3, "branches longer than the main chain", basePlus(withUpwind).replace(
                        "{id: supervised, numRolloutSteps: 2}", "{id: diverted-chain, numRolloutSteps: 2, numBranchSteps: 5}"),
                        "error: spec.configuration.numBranchSteps must be ≤ numRolloutSteps = 2, got 5"),
                bad(3, "more gradient steps than rollout steps", base("{id: supervised, numRolloutSteps: 2}",
                        "{id: pushforward, numRolloutSteps: 2, numGradientSteps: 3}"),
                        "error: spec.configuration.numGradientSteps must be ≤ numRolloutSteps = 2, got 3"),
                bad(3, "initial modes beyond the grid's Nyquist mode", base("advection-1d, numPoints: 16,",
                        "diffusion-1d, highestInitMode: 9, numPoints: 16,"),
                        "error: spec.data: highestInitMode must be < numPoints/2 = 8, got 9"),
                bad(3, "advection initial modes beyond the grid", base("numSamples: 2", "numSamples: 2, highestInitMode: 9"),
                        "error: spec.data: highestInitMode must be < numPoints/2 = 8.0 to be resolved, got 9"),
                bad(3, "Lorenz stepper as reference for advection data", basePlus("referenceStepper: lorenz63-rk4")
                        .replace("id: supervised", "id: diverted-chain"),
                        "error: spec.referenceStepper.stateShape: must be [3] (x, y, z), got [1, 16]"),
                bad(3, "normalized loss on a residuum", basePlus("residuum: {id: advection-1d-residuum, numPoints: 16}")
                        .replace("{id: supervised, numRolloutSteps: 2}", "{id: residuum, timeLevelLoss: nmse}"),
                        "error: spec.configuration.timeLevelLoss must accept a single input (the residuum); nmse[MEAN] "
                                + "needs a target"),
                bad(3, "npy data of rank 2", npySpec("rank2.npy"),
                        "must have shape (samples, time, channels, *space), got [2, 128]"),
                bad(3, "npy data of rank 1", npySpec("rank1.npy"),
                        "must have shape (samples, time, channels, *space), got [256]"),
                bad(3, "npy data shorter than the rollout", npySpec("one-level.npy"),
                        "error: spec: trajectories have 1 time levels (shape [2, 1, 1, 16]) but configuration Supervised "
                                + "needs windows of 3 levels"),
                bad(3, "npy data holding NaN", npySpec("nan.npy"), "error: spec: trajectories contain NaN or infinite values"));
    }

    private static String npySpec(String file) {
        return base("{id: advection-1d, numPoints: 16, numSamples: 2, temporalHorizon: 8}",
                "{id: npy-file, path: $FILES/" + file + "}");
    }

    private static String warmStartSpec(String file) {
        return base("batchSize: 4", "batchSize: 4, initialParameters: " + file);
    }

    /** {@code trainax evaluate $SPEC --parameters FILE --output $DIR/evaluation} of {@link #BASE}. */
    private static Case evaluate(String name, String file, String... fragments) {
        return bad(4, name, BASE, fragments).args("evaluate", "$SPEC", "--parameters", file, "--output",
                "$DIR/evaluation");
    }

    // ------------------------------------------------------------------------------------------------
    // 4. files

    static List<Case> files() {
        String dtypes = "allowed: '<f4' (float32), '<f8' (float64)";
        return List.of(
                bad(4, "spec file missing", null, "error: spec: cannot read $DIR/nope.yaml (no such file)")
                        .args("train", "$DIR/nope.yaml"),
                bad(4, "spec is a folder", null, "error: spec: cannot read $DIR (Is a directory)").args("train", "$DIR"),
                bad(4, "spec not readable", null, "error: spec: cannot read $DIR/locked.yaml (permission denied)")
                        .args("train", "$DIR/locked.yaml").setup(folder -> {
                            Path locked = Files.writeString(folder.resolve("locked.yaml"), BASE);
                            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
                            assumeFalse(Files.isReadable(locked), "permissions do not stop this user (root) reading");
                        }),
                bad(4, "spec is a symbolic link to itself", null,
                        "error: spec: cannot read $DIR/loop.yaml (Too many levels of symbolic links")
                        .args("train", "$DIR/loop.yaml")
                        .setup(folder -> Files.createSymbolicLink(folder.resolve("loop.yaml"), folder.resolve("loop.yaml"))),
                bad(4, "npy file missing", npySpec("missing.npy"),
                        "error: spec.data.path must name a readable .npy file, got '$FILES/missing.npy'"),
                bad(4, "npy path is a folder", base("{id: advection-1d, numPoints: 16, numSamples: 2, temporalHorizon: 8}",
                        "{id: npy-file, path: $FILES}"), "error: spec.data: cannot read $FILES: Is a directory"),
                bad(4, "npy of float16", npySpec("half.npy"),
                        "error: spec.data: file $FILES/half.npy holds dtype '<f2'; " + dtypes),
                bad(4, "npy of int64", npySpec("int64.npy"),
                        "error: spec.data: file $FILES/int64.npy holds dtype '<i8'; " + dtypes),
                bad(4, "npy big-endian", npySpec("big-endian.npy"),
                        "error: spec.data: file $FILES/big-endian.npy holds dtype '>f4'; " + dtypes),
                bad(4, "npy in Fortran order", npySpec("fortran.npy"),
                        "error: spec.data: file $FILES/fortran.npy is in Fortran order; save it in C order"),
                bad(4, "npy truncated", npySpec("truncated.npy"),
                        "error: spec.data: file $FILES/truncated.npy is truncated: shape [2, 8, 1, 16] of '<f4' needs "
                                + "1024 data bytes, the file holds 924"),
                bad(4, "npy cut inside its header", npySpec("header-only.npy"),
                        "error: spec.data: file $FILES/header-only.npy is truncated: its header of 118 bytes ends past "
                                + "the end of the file (60 bytes)"),
                bad(4, "npy that is a CSV table", npySpec("table.npy"),
                        "error: spec.data: file $FILES/table.npy is not a .npy file"),
                bad(4, "npz archive instead of npy", npySpec("arrays.npz"),
                        "error: spec.data: file $FILES/arrays.npz is not a .npy file"),
                bad(4, "initial parameters missing", warmStartSpec("$FILES/missing.safetensors"),
                        "error: spec: initialParameters: cannot read parameters from $FILES/missing.safetensors: "
                                + "no such file"),
                bad(4, "initial parameters a folder", warmStartSpec("$FILES"),
                        "error: spec: initialParameters: cannot read parameters from $FILES: Is a directory"),
                bad(4, "initial parameters a text file", warmStartSpec("$FILES/weights.txt"),
                        "error: spec: initialParameters: $FILES/weights.txt: header length 2322296549623293303 exceeds "
                                + "the limit of 100000000 bytes"),
                bad(4, "initial parameters in the old zip format", warmStartSpec("$FILES/old.params"),
                        "error: spec: initialParameters: $FILES/old.params: this is the old ND4J zip parameter format of "
                                + "trainax 0.1 snapshots, no longer read"),
                bad(4, "initial parameters truncated", warmStartSpec("$FILES/truncated.safetensors"),
                        "error: spec: initialParameters: $FILES/truncated.safetensors: data_offsets need 8 data bytes but "
                                + "only 4 follow the header (truncated file?)"),
                bad(4, "initial parameters empty", warmStartSpec("$FILES/empty.safetensors"),
                        "error: spec: initialParameters: $FILES/empty.safetensors: file is 0 bytes, too short for the "
                                + "8-byte header length of a safetensors file"),
                bad(4, "initial parameters with a huge header length", warmStartSpec("$FILES/huge-header.safetensors"),
                        "error: spec: initialParameters: $FILES/huge-header.safetensors: header length "
                                + "4611686018427387904 exceeds the limit of 100000000 bytes"),
                bad(4, "initial parameters of float16", warmStartSpec("$FILES/half.safetensors"),
                        "error: spec: initialParameters: $FILES/half.safetensors: tensor 'weight' dtype 'F16' is not "
                                + "supported; allowed: F32 (FLOAT), F64 (DOUBLE), I32 (INT), I64 (LONG)"),
                bad(4, "initial parameters named differently", warmStartSpec("$FILES/renamed.safetensors"),
                        "error: initialParameters (for network Conv1d(1→1, k=2, circular, bias=false)) must have "
                                + "parameters [weight], got [kernel]"),
                bad(4, "initial parameters with an extra tensor", warmStartSpec("$FILES/extra.safetensors"),
                        "must have parameters [weight], got [weight, bias]"),
                bad(4, "initial parameters of another shape", warmStartSpec("$FILES/wide.safetensors"),
                        "error: initialParameters (for network Conv1d(1→1, k=2, circular, bias=false))['weight'] must "
                                + "have shape [1, 1, 2], got [1, 1, 3]"),
                evaluate("evaluate: parameters missing", "$FILES/missing.safetensors",
                        "error: --parameters: cannot read $FILES/missing.safetensors (no such file)"),
                evaluate("evaluate: parameters a folder", "$FILES",
                        "error: --parameters: $FILES is a folder, not a parameter file"),
                evaluate("evaluate: parameters a text file", "$FILES/weights.txt",
                        "error: --parameters: $FILES/weights.txt: header length 2322296549623293303 exceeds the limit"),
                evaluate("evaluate: parameters in the old zip format", "$FILES/old.params",
                        "error: --parameters: $FILES/old.params: this is the old ND4J zip parameter format"),
                evaluate("evaluate: parameters truncated", "$FILES/truncated.safetensors",
                        "error: --parameters: $FILES/truncated.safetensors: data_offsets need 8 data bytes but only 4 "
                                + "follow the header (truncated file?)"),
                evaluate("evaluate: parameters empty", "$FILES/empty.safetensors",
                        "error: --parameters: $FILES/empty.safetensors: file is 0 bytes"),
                evaluate("evaluate: parameters of float16", "$FILES/half.safetensors",
                        "error: --parameters: $FILES/half.safetensors: tensor 'weight' dtype 'F16' is not supported"),
                evaluate("evaluate: parameters named differently", "$FILES/renamed.safetensors",
                        "error: --parameters must have parameters [weight], got [kernel]"),
                evaluate("evaluate: parameters with an extra tensor", "$FILES/extra.safetensors",
                        "error: --parameters must have parameters [weight], got [weight, bias]"),
                evaluate("evaluate: parameters of another shape", "$FILES/wide.safetensors",
                        "error: --parameters['weight'] must have shape [1, 1, 2], got [1, 1, 3]"),
                bad(4, "evaluate: parameters of another network", base("{id: conv1d}",
                        "{id: mlp, features: 16, width: 4, depth: 1}"), "error: --parameters must have parameters [",
                        "got [weight]").args("evaluate", "$SPEC", "--parameters", "$RUN/parameters.safetensors",
                        "--output", "$DIR/evaluation"));
    }

    // ------------------------------------------------------------------------------------------------
    // 5. output folders

    static List<Case> outputFolders() {
        return List.of(
                bad(5, "folder of a finished run without --overwrite", BASE,
                        "error: output folder $OUT holds a finished run; pass --overwrite to replace it, or --resume $OUT "
                                + "to continue it").setup(finishedRun()),
                bad(5, "folder of unrelated files", BASE,
                        "error: output folder $OUT holds files that are not a trainax run (no manifest.sha256); choose "
                                + "another folder").setup(file("out/notes.txt", "my notes")),
                bad(5, "folder of unrelated files with --overwrite", BASE,
                        "error: output folder $OUT holds files that are not a trainax run (no manifest.sha256)")
                        .setup(file("out/notes.txt", "my notes")).args("train", "$SPEC", "--overwrite"),
                bad(5, "folder of unrelated files with --resume", BASE,
                        "error: output folder $OUT holds files that are not a trainax run (no manifest.sha256)")
                        .setup(file("out/notes.txt", "my notes")).args("train", "$SPEC", "--resume", "$OUT"),
                bad(5, "interrupted run without --resume", BASE,
                        "error: $OUT.partial holds an interrupted run; pass --resume $OUT to continue it, or --overwrite "
                                + "to start again").setup(interruptedRun()),
                bad(5, "--resume without any run", BASE,
                        "error: --resume $OUT: no checkpoint to continue from in $OUT.partial/checkpoints or "
                                + "$OUT/checkpoints").args("train", "$SPEC", "--resume", "$OUT"),
                bad(5, "--resume of an empty folder", BASE, "error: --resume $OUT: no checkpoint to continue from")
                        .setup(folder -> Files.createDirectory(folder.resolve("out")))
                        .args("train", "$SPEC", "--resume", "$OUT"),
                bad(5, "--resume of a finished run whose checkpoints were deleted", BASE,
                        "no checkpoint to continue from in $OUT.partial/checkpoints or $OUT/checkpoints")
                        .setup(folder -> {
                            finishedRun().create(folder);
                            try (Stream<Path> checkpoints = Files.list(folder.resolve("out/checkpoints"))) {
                                for (Path checkpoint : checkpoints.toList()) {
                                    Files.delete(checkpoint);
                                }
                            }
                        }).args("train", "$SPEC", "--resume", "$OUT"),
                bad(5, "--resume with a changed rollout", base("numRolloutSteps: 2", "numRolloutSteps: 1"),
                        "error: --resume: the spec differs from the run being resumed at "
                                + "spec.configuration.numRolloutSteps: the checkpoint's run had 2, now 1")
                        .setup(finishedRun()).args("train", "$SPEC", "--resume", "$OUT"),
                bad(5, "--resume with an optimizer added", basePlus("optimizer: {learningRate: 0.5}"),
                        "error: --resume: the spec differs from the run being resumed at spec.optimizer: the "
                                + "checkpoint's run had null, now {learningRate=0.5}")
                        .setup(finishedRun()).args("train", "$SPEC", "--resume", "$OUT"),
                bad(5, "--resume of an interrupted run with other data", base("numSamples: 2", "numSamples: 3"),
                        "error: --resume: the spec differs from the run being resumed at spec.data.numSamples: the "
                                + "checkpoint's run had 2, now 3")
                        .setup(interruptedRun()).args("train", "$SPEC", "--resume", "$OUT"),
                bad(5, "--resume with fewer steps than taken", BASE,
                        "error: --resume: the run already took 2 update steps, more than the 1 asked for")
                        .setup(finishedRun()).args("train", "$SPEC", "--resume", "$OUT", "--steps", "1"),
                bad(5, "--resume of a damaged checkpoint", BASE,
                        "error: --resume $OUT: no checkpoint in $OUT.partial/checkpoints can be read; the newest: "
                                + "$OUT.partial/checkpoints/step-0000000002.safetensors: file is 7 bytes, too short for "
                                + "the 8-byte header length of a safetensors file")
                        .setup(folder -> {
                            interruptedRun().create(folder);
                            Files.writeString(folder.resolve("out.partial/checkpoints/step-0000000002.safetensors"),
                                    "garbage");
                        }).args("train", "$SPEC", "--resume", "$OUT"),
                bad(5, "--resume together with --overwrite", BASE,
                        "error: --resume and --overwrite exclude each other: resume continues the run in the folder, "
                                + "overwrite replaces it")
                        .setup(finishedRun()).args("train", "$SPEC", "--resume", "$OUT", "--overwrite"),
                bad(5, "--resume together with --output", BASE,
                        "error: --output=DIR, --resume=DIR are mutually exclusive (specify only one) "
                                + "(see 'trainax train --help')")
                        .setup(finishedRun()).args("train", "$SPEC", "--resume", "$OUT", "--output", "$OUT"),
                bad(5, "output is a file", BASE, "error: output $OUT is a file, not a folder")
                        .setup(file("out", "not a folder")),
                bad(5, "output is a file, with --overwrite", BASE, "error: output $OUT is a file, not a folder")
                        .setup(file("out", "not a folder")).args("train", "$SPEC", "--overwrite"),
                bad(5, "working folder is a file", BASE,
                        "error: $OUT.partial is a file, where the run would keep its working folder; remove it or "
                                + "choose another output folder").setup(file("out.partial", "not a folder")),
                bad(5, "output is the file system root", BASE,
                        "error: output must name a folder below the file system root, got /").args("train", "$SPEC",
                        "--output", "/"),
                bad(5, "output inside a file", BASE,
                        "error: output: cannot prepare $DIR/notes/out.partial ($DIR/notes/out.partial: Not a directory)")
                        .setup(file("notes", "a file")).args("train", "$SPEC", "--output", "$DIR/notes/out"));
    }

    // ------------------------------------------------------------------------------------------------
    // 6. command line

    static List<Case> commandLine() {
        return List.of(
                bad(6, "misspelled command", BASE, "error: unknown command 'trian'; did you mean train? (see 'trainax "
                        + "--help')").args("trian", "$SPEC"),
                bad(6, "another library's command", BASE, "error: unknown command 'fit'; known: train, evaluate, "
                        + "study, quickstart, plugins, completion, help (see 'trainax --help')").args("fit", "$SPEC"),
                bad(6, "help for an unknown command", null, "error: Unknown subcommand 'fit'. (see 'trainax --help')")
                        .args("help", "fit"),
                bad(6, "misspelled option", BASE, "error: Unknown options: '--step', '5'; did you mean --steps? (see "
                        + "'trainax train --help')").args("train", "$SPEC", "--step", "5"),
                bad(6, "misspelled --output", BASE, "error: Unknown options: '--ouput', '$DIR/x'; did you mean --output?")
                        .args("train", "$SPEC", "--ouput", "$DIR/x"),
                bad(6, "unknown global option", BASE, "error: Unknown option: '--verbose'; did you mean --version? (see "
                        + "'trainax --help')").args("--verbose", "train", "$SPEC"),
                bad(6, "train without SPEC", null, "error: Missing required parameter: 'SPEC' (see 'trainax train --help')")
                        .args("train"),
                bad(6, "evaluate without SPEC", null, "error: Missing required parameter: 'SPEC' (see 'trainax evaluate "
                        + "--help')").args("evaluate", "--parameters", "$FILES/good.safetensors"),
                bad(6, "two specs", BASE, "error: Unmatched argument at index 2: '$SPEC' (see 'trainax train --help')")
                        .args("train", "$SPEC", "$SPEC"),
                bad(6, "--steps 0", BASE, "error: Invalid value for option '--steps': must be a positive integer, got '0' "
                        + "(see 'trainax train --help')").args("train", "$SPEC", "--steps", "0"),
                bad(6, "--steps abc", BASE, "error: Invalid value for option '--steps': must be a positive integer, got "
                        + "'abc'").args("train", "$SPEC", "--steps", "abc"),
                bad(6, "--steps 99999999999", BASE, "error: Invalid value for option '--steps': must be a positive "
                        + "integer ≤ 2147483647, got '99999999999'").args("train", "$SPEC", "--steps", "99999999999"),
                bad(6, "--steps -3", BASE, "error: Invalid value for option '--steps': must be a positive integer, got "
                        + "'-3'").args("train", "$SPEC", "--steps", "-3"),
                bad(6, "--steps without a value", BASE, "error: Missing required parameter for option '--steps' (N)")
                        .args("train", "$SPEC", "--steps"),
                bad(6, "--output without a value", BASE, "error: Missing required parameter for option '--output' (DIR)")
                        .args("train", "$SPEC", "--output"),
                bad(6, "evaluate without --parameters", BASE, "error: Missing required option: '--parameters=FILE' (see "
                        + "'trainax evaluate --help')").args("evaluate", "$SPEC"),
                bad(6, "evaluate --steps beyond the data's time levels", BASE,
                        "error: --steps must be ≤ 7 (the reference trajectories have 8 time levels), got 99")
                        .args("evaluate", "$SPEC", "--parameters", "$FILES/good.safetensors", "--output",
                                "$DIR/evaluation", "--steps", "99"),
                bad(6, "evaluate --steps 0", BASE, "error: Invalid value for option '--steps': must be a positive "
                        + "integer, got '0' (see 'trainax evaluate --help')")
                        .args("evaluate", "$SPEC", "--parameters", "$FILES/good.safetensors", "--steps", "0"),
                bad(6, "evaluate --output naming a file", BASE, "error: --output: $DIR/notes is a file, not a folder")
                        .setup(file("notes", "a file"))
                        .args("evaluate", "$SPEC", "--parameters", "$FILES/good.safetensors", "--output", "$DIR/notes"));
    }

    // ------------------------------------------------------------------------------------------------
    // 7. study files

    /** A study of {@link #BASE} with two seeds, its lines replaced as {@link #base} does. */
    private static String study(String... fromTo) {
        return replaceOnce("base:\n  " + BASE.strip().replace("\n", "\n  ") + "\ngrid: {training.seed: [0, 1]}\n"
                + "output: $OUT\n", fromTo);
    }

    /** {@code trainax study $SPEC} on {@code study}. */
    private static Case badStudy(String name, String study, String... fragments) {
        return bad(7, name, study, fragments).args("study", "$SPEC");
    }

    static List<Case> studies() {
        return List.of(
                badStudy("unknown study section", study() + "studies: []\n",
                        "error: study.studies: unknown section; known: [base, grid, zip, evaluation, output]"),
                badStudy("study without base", "grid: {training.seed: [0]}\noutput: $OUT\n",
                        "error: study.base: required run spec (a map of sections or a spec file) is missing"),
                badStudy("base file missing", "base: $DIR/nope.yaml\noutput: $OUT\n",
                        "error: spec: cannot read $DIR/nope.yaml (no such file)"),
                badStudy("axis outside the spec", study("training.seed: [0, 1]", "trainning.seed: [0, 1]"),
                        "error: study.grid.trainning.seed: not a spec path: it must start with a run spec section "
                                + "other than output"),
                badStudy("axis of one value, not a list", study("training.seed: [0, 1]", "training.seed: 3"),
                        "error: study.grid.training.seed: must be a non-empty list of values, got 3"),
                badStudy("zipped axes of different lengths", study() + "zip: {training.initSeed: [0, 1], "
                        + "training.batchSize: [2, 3, 4]}\n",
                        "error: study.zip.training.batchSize: must have 2 values like the zip's first axis, got 3"),
                badStudy("an axis value out of range", study("training.seed: [0, 1]", "training.batchSize: [2, 0]"),
                        "error: study run (training.batchSize=0): spec.training.batchSize: must be integer ≥ 1, got 0"),
                badStudy("two axis values making one run", study("training.seed: [0, 1]", "training.seed: [0, 0]"),
                        "error: study: the runs (training.seed=0) and (training.seed=0) resolve to one spec"),
                badStudy("unknown evaluation metric", study() + "evaluation: {metrics: \"nrmse,rmsd\"}\n",
                        "error: study.evaluation.metrics: unknown metric 'rmsd'; known: [correlation"),
                badStudy("evaluation horizon 0", study() + "evaluation: {temporalHorizon: 0}\n",
                        "error: study.evaluation.temporalHorizon: must be integer ≥ 1, got 0"),
                badStudy("study without output", study("\noutput: $OUT\n", "\n"),
                        "error: study.output: required folder for the study (text) is missing or not text, got null"),
                badStudy("a study run with its own metricsPort", study().replace("base:\n", "base:\n  metricsPort: 0\n"),
                        "error: study run (training.seed=0): metricsPort: runs of a study cannot each serve a port; "
                                + "trainax study --metrics-port PORT serves the study's progress"),
                bad(7, "study --metrics-port out of range", study(), "error: --metrics-port: must be a port in "
                        + "[0, 65535], got 70000").args("study", "$SPEC", "--metrics-port", "70000"),
                bad(7, "study without STUDY", null, "error: Missing required parameter: 'STUDY'").args("study"),
                bad(7, "status of a folder that is no study", null,
                        "error: study status: $DIR is not a study folder (no runs.csv)").args("study", "status", "$DIR"));
    }

    static Stream<Arguments> cases() {
        return Stream.of(syntaxAndStructure(), pluginsAndValues(), shapesAndSizes(), files(), outputFolders(),
                commandLine(), studies()).flatMap(List::stream).map(Case::named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsOneLineAndLeavesNothingBehind(Case bad, @TempDir Path folder) throws Exception {
        check(bad, folder);
    }

    @Test
    void casesAreDistinctAndEnough() {
        List<Case> all = cases().map(arguments -> (Case) ((Named<?>) arguments.get()[0]).getPayload()).toList();
        assertTrue(all.size() >= 100, all.size() + " cases");
        assertEquals(all.size(), all.stream().map(Case::name).distinct().count(), "names repeat");
        // cases that differ only in the files they create expect different parts of the message
        Map<String, List<String>> byInput = all.stream().collect(Collectors.groupingBy(
                c -> c.spec() + c.args() + c.fragments(), TreeMap::new, Collectors.mapping(Case::name,
                        Collectors.toList())));
        byInput.values().removeIf(names -> names.size() == 1);
        assertEquals(Map.of(), byInput, "copies of one case");
        for (int category = 1; category <= 7; category++) {
            int wanted = category;
            assertTrue(all.stream().filter(c -> c.category() == wanted).count() >= 5, "category " + category);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // cases that the range and shape validation (merged from another branch) will turn into bad input

    static Stream<Arguments> shapeAndSizeCases() {
        return Stream.of(
                bad(2, "update steps beyond int (3000000000)", base("numTrainingSteps: 2", "numTrainingSteps: 3000000000"),
                        "error: spec.training.numTrainingSteps: must be integer", "got 3000000000"),
                bad(2, "update steps 2^63", base("numTrainingSteps: 2", "numTrainingSteps: 9223372036854775808"),
                        "error: spec.training.numTrainingSteps: must be integer", "got 9223372036854775808"),
                bad(2, "seed 2^63", base("batchSize: 4", "batchSize: 4, seed: 9223372036854775808"),
                        "error: spec.training.seed: must be integer", "got 9223372036854775808"),
                bad(2, "samples beyond int", base("numSamples: 2", "numSamples: 3000000000"),
                        "error: spec.data.numSamples: must be integer", "got 3000000000"),
                bad(2, "kernel size 2^31", base("{id: conv1d}", "{id: conv1d, kernelSize: 2147483648}"),
                        "error: spec.network.kernelSize: must be integer", "got 2147483648"),
                bad(3, "kernel larger than the grid", base("{id: conv1d}", "{id: conv1d, kernelSize: 40}"),
                        "error: spec.network.kernelSize", "16", "got 40"),
                bad(3, "conv1d on 2D diffusion data", base("advection-1d, numPoints: 16, numSamples: 2, temporalHorizon: 8",
                        "diffusion-2d, numPoints: 16, numSamples: 2, temporalHorizon: 4"),
                        "error: spec.network.spatialDims: must be 2", "got 1", "use conv2d"),
                bad(3, "conv2d on 1D data", base("id: conv1d", "id: conv2d"), "error: spec.network.spatialDims: must be 1",
                        "got 2", "use conv1d"),
                bad(3, "convnet of 2 spatial dimensions on 1D data",
                        base("{id: conv1d}", "{id: convnet, spatialDims: 2, width: 2, depth: 0}"),
                        "error: spec.network.spatialDims", "got 2"),
                bad(3, "conv1d on Lorenz states (no spatial axis)",
                        base("advection-1d, numPoints: 16, numSamples: 2, temporalHorizon: 8",
                                "lorenz63, numSamples: 2, temporalHorizon: 8, numWarmupSteps: 0"),
                        "error: spec.network.spatialDims: must be 0", "1 to 3 spatial axes"),
                bad(3, "MLP features vs the 3 Lorenz channels", base(
                        "advection-1d, numPoints: 16, numSamples: 2, temporalHorizon: 8",
                        "lorenz63, numSamples: 2, temporalHorizon: 8, numWarmupSteps: 0", "{id: conv1d}",
                        "{id: mlp, features: 4, width: 4, depth: 1}"),
                        "error: spec.network.features", "3", "got 4"),
                bad(3, "MLP features vs the grid", base("{id: conv1d}", "{id: mlp, features: 30, width: 4, depth: 1}"),
                        "error: spec.network.features", "16", "got 30"),
                bad(3, "convolution channels vs the data's", base("{id: conv1d}", "{id: conv1d, channels: 3}"),
                        "error: spec.network.channels", "1", "got 3"),
                bad(3, "reference stepper on another grid", basePlus("referenceStepper: {id: diffusion-etd, numPoints: 64}")
                        .replace("advection-1d,", "diffusion-1d,").replace("id: supervised", "id: diverted-chain"),
                        "error: spec.referenceStepper.numPoints", "16", "got 64"),
                bad(3, "residuum on another grid", basePlus("residuum: {id: advection-1d-residuum, numPoints: 30}")
                        .replace("id: supervised", "id: residuum"),
                        "error: spec.residuum.numPoints", "16", "got 30"),
                bad(3, "2D residuum on 1D data", basePlus("residuum: {id: diffusion-2d-residuum, numPoints: 16}")
                        .replace("id: supervised", "id: residuum"),
                        "error: spec.residuum.stateShape", "2 spatial axes", "got [1, 16]"),
                bad(3, "npy data of zero samples", npySpec("zero-samples.npy"),
                        "error: spec.data: file", "with every size ≥ 1, got [0, 8, 1, 16] (0 samples)"),
                bad(3, "sizes whose product overflows int", base("numPoints: 16, numSamples: 2, temporalHorizon: 8",
                        "numPoints: 100000, numSamples: 100000, temporalHorizon: 100000"),
                        "error: spec.data", "1000000000000000"),
                bad(3, "2D data of 2^49 values", base("advection-1d, numPoints: 16, numSamples: 2, temporalHorizon: 8",
                        "diffusion-2d, numPoints: 65536, numSamples: 65536, temporalHorizon: 2"),
                        "error: spec.data", "562949953421312"),
                bad(3, "MLP of 2^31 hidden units", base("{id: conv1d}", "{id: mlp, features: 16, width: 2000000000}"),
                        "error: spec.network.features, width, depth: must give at most 2147483639 parameters", "width = 2000000000")).map(Case::named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapeAndSizeCases")
    void shapesAndSizesAreCheckedBeforeTraining(Case bad, @TempDir Path folder) throws Exception {
        check(bad, folder);
    }

    // ------------------------------------------------------------------------------------------------
    // 7. divergence: a failure while training, exit code 1

    private static final String DIVERGING = base("numTrainingSteps: 2", "numTrainingSteps: 6")
            + "optimizer: {name: sgd, learningRate: 1e6}\n";

    @Test
    void guardedDivergenceCommitsTheLastFiniteParameters(@TempDir Path folder) throws Exception {
        Result result = run(folder, DIVERGING + "callbacks: [{id: non-finite-guard, action: stop}]\n", "train", "$SPEC");
        assertEquals(1, result.code(), result.err());
        assertOneLine("failed: training diverged, stopped before update step 2: loss is Infinity at update step 2; "
                + folder.resolve("out") + " holds the parameters before that step (the last finite ones)", result);
        Path out = folder.resolve("out");
        assertTrue(RunFolder.isRun(out), "outputs committed");
        assertFalse(Files.exists(folder.resolve("out.partial")));
        String summary = Files.readString(out.resolve("result.yaml"));
        assertTrue(summary.contains("status: diverged"), summary);
        assertTrue(summary.contains("stopReason: 'stopped before update step 2: loss is Infinity at update step 2'"),
                summary);
        assertTrue(summary.contains("parameters: the last finite ones, after update step 1 (2 updates)"), summary);
        for (INDArray array : Parameters.load(out.resolve("parameters.safetensors")).asMap().values()) {
            assertFalse(array.isInfinite().any() || array.isNaN().any(), array.toString());
        }
        assertEquals(List.of("step", "0", "1"), Files.readAllLines(out.resolve("loss.csv")).stream()
                .map(line -> line.split(",")[0]).toList());
    }

    @Test
    void unguardedDivergenceNamesStepAndLossAndCommitsNothing(@TempDir Path folder) throws Exception {
        Result result = run(folder, DIVERGING, "train", "$SPEC");
        assertEquals(1, result.code(), result.err());
        assertOneLine("failed: loss is Infinity at update step 2 (epoch 0, batch 2); lower the learning rate or check "
                + "the data", result);
        assertFalse(Files.exists(folder.resolve("out")));
        assertFalse(Files.exists(folder.resolve("out.partial")));
    }

    @Test
    void guardThatThrowsNamesItselfAndTheStep(@TempDir Path folder) throws Exception {
        Result result = run(folder, DIVERGING + "callbacks: [{id: non-finite-guard, action: throw}]\n", "train", "$SPEC");
        assertEquals(1, result.code(), result.err());
        assertOneLine("failed: callback 'non_finite_guard' failed at update step 2: loss is Infinity at update step 2",
                result);
        assertFalse(Files.exists(folder.resolve("out")));
        assertFalse(Files.exists(folder.resolve("out.partial")));
    }

    @Test
    void divergenceAfterACheckpointKeepsItForResumeAndSaysSo(@TempDir Path folder) throws Exception {
        Result result = run(folder, DIVERGING.replace("batchSize: 4", "batchSize: 4, checkpointEvery: 1"),
                "train", "$SPEC");
        assertEquals(1, result.code(), result.err());
        assertOneLine("failed: loss is Infinity at update step 2", result);
        assertFalse(Files.exists(folder.resolve("out")), "nothing committed");
        assertTrue(Files.exists(folder.resolve("out.partial/checkpoints/step-0000000002.safetensors")));
        assertTrue(result.out().contains(folder.resolve("out.partial") + " keeps the checkpoints written before the "
                + "failure: --resume " + folder.resolve("out") + " continues from the latest, --overwrite starts again"),
                result.out());
    }

    // ------------------------------------------------------------------------------------------------
    // 8. the launcher's environment settings (bin/launch checks them before Java starts)

    static Stream<Arguments> launcherSettings() {
        return Stream.of(
                Arguments.of("TRAINAX_PLUGINS", ":$JAR", "error: TRAINAX_PLUGINS=':$JAR' has an empty entry (a leading, "
                        + "trailing or doubled ':'); separate plugin jars by single ':'"),
                Arguments.of("TRAINAX_PLUGINS", "$JAR:", "error: TRAINAX_PLUGINS='$JAR:' has an empty entry"),
                Arguments.of("TRAINAX_PLUGINS", "$JAR::$JAR", "error: TRAINAX_PLUGINS='$JAR::$JAR' has an empty entry"),
                Arguments.of("TRAINAX_PLUGINS", "$DIR", "error: TRAINAX_PLUGINS: $DIR is a folder; name the plugin jars "
                        + "in it, separated by ':'"),
                Arguments.of("TRAINAX_PLUGINS", "$UNNAMED", "error: TRAINAX_PLUGINS: $UNNAMED cannot be a module: "
                        + "Plugin.class found in top-level directory (unnamed package not allowed in module)"),
                Arguments.of("TRAINAX_HEAP", "2GB", "error: TRAINAX_HEAP=2GB: must be a size such as 512m or 2g"));
    }

    /**
     * Runs copies of {@code bin/trainax} and {@code bin/launch} in a distribution layout without jars:
     * a bad setting ends the launcher before Java starts, so no JVM (and no build) is involved.
     */
    @ParameterizedTest(name = "8: {0}={1}")
    @MethodSource("launcherSettings")
    void launcherRefusesBadSettings(String setting, String value, String expected, @TempDir Path folder)
            throws Exception {
        Path bin = Path.of("..", "bin");
        assumeTrue(Files.isExecutable(bin.resolve("launch")) && Files.isExecutable(Path.of("/bin/bash")),
                "needs bash and bin/launch");
        Path root = Files.createDirectories(folder.resolve("dist"));
        Files.createDirectories(root.resolve("bin"));
        Files.copy(bin.resolve("trainax"), root.resolve("bin/trainax"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(bin.resolve("launch"), root.resolve("bin/launch"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(root.resolve("modules"));
        Files.createDirectories(root.resolve("lib"));
        Files.createFile(root.resolve("trainax-cli-0.1.0-SNAPSHOT.jar"));
        Path jar = folder.resolve("plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("Plugin.class"));
            out.write(new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe});
        }
        Path emptyFolder = Files.createDirectories(folder.resolve("plugins"));
        String resolved = value.replace("$JAR", jar.toString()).replace("$DIR", emptyFolder.toString())
                .replace("$UNNAMED", jar.toString());
        ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/trainax").toString(), "plugins")
                .redirectErrorStream(true);
        builder.environment().put(setting, resolved);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "launcher timed out");
        assertEquals(2, process.exitValue(), output);
        assertEquals(1, output.lines().count(), output);
        String line = expected.replace("$JAR", jar.toString()).replace("$DIR", emptyFolder.toString())
                .replace("$UNNAMED", jar.toString());
        assertTrue(output.startsWith(line), "expected '" + line + "' in " + output);
    }

    // ------------------------------------------------------------------------------------------------
    // running a case

    /**
     * The outcome of one command.
     *
     * @param code   exit code
     * @param out    standard output
     * @param err    standard error
     * @param millis wall-clock time
     */
    record Result(int code, String out, String err, long millis) {
    }

    private static Result run(Path folder, String spec, String... args) throws IOException {
        if (spec != null) {
            Files.writeString(folder.resolve("spec.yaml"), substitute(spec, folder));
        }
        String[] arguments = Arrays.stream(args).map(arg -> substitute(arg, folder)).toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int code = Main.run(arguments, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                (System.nanoTime() - start) / 1_000_000);
    }

    private static String substitute(String text, Path folder) {
        return text.replace("$SPEC", folder.resolve("spec.yaml").toString())
                .replace("$OUT", folder.resolve("out").toString())
                .replace("$DIR", folder.toString())
                .replace("$FILES", files.toString())
                .replace("$RUN", run.toString());
    }

    private static void check(Case bad, Path folder) throws Exception {
        bad.setup().create(folder);
        if (bad.spec() != null) {
            Files.writeString(folder.resolve("spec.yaml"), substitute(bad.spec(), folder));
        }
        Map<String, String> before = snapshot(folder);
        Map<String, String> sharedBefore = snapshot(shared);
        Result result = run(folder, null, bad.args().toArray(String[]::new));

        String context = bad.name() + ": " + result.err();
        assertEquals(bad.exitCode(), result.code(), context);
        assertEquals(1, result.err().lines().count(), "one line: " + context);
        assertTrue(result.err().startsWith(bad.exitCode() == 2 ? "error: " : "failed: "), context);
        for (String fragment : bad.fragments()) {
            assertTrue(result.err().contains(substitute(fragment, folder)), "expected '" + substitute(fragment, folder)
                    + "' in " + context);
        }
        assertFalse(result.err().contains("\tat "), "stack trace: " + context);
        if (bad.fragments().stream().noneMatch(fragment -> fragment.contains("Exception"))) {
            assertFalse(result.err().contains("Exception"), "exception named: " + context);
        }
        if (bad.quick()) {
            assertTrue(result.millis() < 2000, result.millis() + " ms: " + context);
            assertTrue(result.err().length() < 300, "short: " + context);
        }
        if (!before.containsKey("out")) {
            assertFalse(Files.exists(folder.resolve("out")), "output folder left behind: " + context);
        }
        if (!before.containsKey("out.partial")) {
            assertFalse(Files.exists(folder.resolve("out.partial")), "working folder left behind: " + context);
        }
        assertEquals(before, snapshot(folder), "the case's folder changed: " + context);
        assertEquals(sharedBefore, snapshot(shared), "the shared files changed: " + context);
    }

    /** Every file and folder under {@code root}: relative path to the SHA-256 of the content, or "folder". */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(path -> !path.equals(root)).toList()) {
                String name = root.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    entries.put(name, "link to " + Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path)) {
                    entries.put(name, "folder");
                } else {
                    entries.put(name, Files.isReadable(path) ? sha256(Files.readAllBytes(path)) : "unreadable");
                }
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertOneLine(String expectedStart, Result result) {
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().startsWith(expectedStart), "expected '" + expectedStart + "' in " + result.err());
        assertFalse(result.err().contains("\tat ") || result.err().contains("Exception"), result.err());
    }
}
