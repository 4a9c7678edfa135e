package dev.trainax.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The application's one logging setup, installed by {@link Main#run} for the duration of a command:
 * java.util.logging's root logger gets a single handler writing one line per record to the command's
 * standard error, {@code trainax: <level>: <message>}. Both kinds of library logging arrive there:
 * {@link System.Logger} (trainax's own modules) goes to java.util.logging by default, and SLF4J (ND4J)
 * through its {@code slf4j-jdk14} binding. Levels: by default {@code info} for {@code dev.trainax} and
 * {@code warn} for everything else; {@code --log-level} sets one level for all loggers.
 * {@link #close()} puts back the handlers and levels found.
 */
final class CliLogging implements AutoCloseable {

    /** The levels of {@code --log-level}. */
    enum Level {
        OFF(java.util.logging.Level.OFF),
        ERROR(java.util.logging.Level.SEVERE),
        WARN(java.util.logging.Level.WARNING),
        INFO(java.util.logging.Level.INFO),
        DEBUG(java.util.logging.Level.FINE);

        private final java.util.logging.Level jul;

        Level(java.util.logging.Level jul) {
            this.jul = jul;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Our own loggers: {@code info} by default. */
    static final String OWN = "dev.trainax";

    /** Libraries' loggers that are noisy at {@code warn}: {@code error} unless {@code --log-level debug}. */
    static final String[] QUIET = {"org.nd4j.imports.converters.ImportClassMapping"};

    // JUL holds loggers weakly: the configured ones are kept here so that their levels stick
    private final Logger root = Logger.getLogger("");
    private final Logger own = Logger.getLogger(OWN);
    private final Logger[] quiet = Arrays.stream(QUIET).map(Logger::getLogger).toArray(Logger[]::new);

    private final Handler[] previousHandlers;
    private final java.util.logging.Level previousRoot;
    private final java.util.logging.Level previousOwn;
    private final java.util.logging.Level[] previousQuiet;
    private final LineHandler handler;

    private CliLogging(PrintStream err) {
        previousHandlers = root.getHandlers();
        previousRoot = root.getLevel();
        previousOwn = own.getLevel();
        previousQuiet = Arrays.stream(quiet).map(Logger::getLevel).toArray(java.util.logging.Level[]::new);
        handler = new LineHandler(err);
    }

    /** Installs the handler on standard error {@code err}, with the default levels. */
    static CliLogging install(PrintStream err) {
        CliLogging logging = new CliLogging(err);
        for (Handler previous : logging.previousHandlers) {
            logging.root.removeHandler(previous);
        }
        logging.root.addHandler(logging.handler);
        logging.configure(null, false);
        return logging;
    }

    /**
     * Applies {@code --log-level} ({@code null}: the default levels) and {@code --debug} (logged
     * exceptions with their stack traces).
     */
    void configure(Level level, boolean debug) {
        handler.debug = debug;
        root.setLevel(level == null ? java.util.logging.Level.WARNING : level.jul);
        own.setLevel(level == null ? java.util.logging.Level.INFO : level.jul);
        for (Logger logger : quiet) {
            logger.setLevel(level == Level.DEBUG || level == Level.OFF ? null : java.util.logging.Level.SEVERE);
        }
    }

    @Override
    public void close() {
        handler.flush();
        root.removeHandler(handler);
        for (Handler previous : previousHandlers) {
            root.addHandler(previous);
        }
        root.setLevel(previousRoot);
        own.setLevel(previousOwn);
        for (int i = 0; i < quiet.length; i++) {
            quiet[i].setLevel(previousQuiet[i]);
        }
    }

    /** The label of a java.util.logging level in the printed line. */
    static String label(java.util.logging.Level level) {
        int value = level.intValue();
        if (value >= java.util.logging.Level.SEVERE.intValue()) {
            return "error";
        }
        if (value >= java.util.logging.Level.WARNING.intValue()) {
            return "warning";
        }
        if (value >= java.util.logging.Level.INFO.intValue()) {
            return "info";
        }
        return value >= java.util.logging.Level.FINE.intValue() ? "debug" : "trace";
    }

    /** One line per record, {@code trainax: warning: <message>[: <exception>]}; with --debug the trace follows. */
    private static final class LineHandler extends Handler {

        private final PrintStream err;
        private volatile boolean debug;

        LineHandler(PrintStream err) {
            this.err = err;
            setFormatter(new Formatter() {
                @Override
                public String format(LogRecord record) {
                    String message = formatMessage(record);
                    if (record.getThrown() != null) {
                        message = (message == null || message.isBlank() ? "" : message + ": ") + record.getThrown();
                    }
                    return "trainax: " + label(record.getLevel()) + ": " + Failures.oneLine(message);
                }
            });
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            String line = getFormatter().format(record);
            synchronized (err) {
                err.println(line);
                if (debug && record.getThrown() != null) {
                    record.getThrown().printStackTrace(err);
                }
                err.flush();
            }
        }

        @Override
        public void flush() {
            err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }

    /** {@code --log-level} values, case-insensitive; the lower-case names complete in the shell. */
    static final class LevelConverter implements ITypeConverter<Level>, Iterable<String> {

        @Override
        public Level convert(String value) {
            return Arrays.stream(Level.values()).filter(l -> l.label().equalsIgnoreCase(value.trim())).findFirst()
                    .orElseThrow(() -> new TypeConversionException("must be one of "
                            + Arrays.stream(Level.values()).map(Level::label).toList() + ", got '" + value + "'"));
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Level.values()).map(Level::label).iterator();
        }
    }
}
