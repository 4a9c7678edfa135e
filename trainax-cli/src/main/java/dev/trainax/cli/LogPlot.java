package dev.trainax.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.DomainOrder;
import org.jfree.data.Range;
import org.jfree.data.xy.AbstractXYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Line charts of positive series (losses, errors) on a logarithmic y axis, as {@value #WIDTH}×{@value #HEIGHT}
 * PNG images. Values such an axis cannot show (NaN, ±∞, zero, negative) are gaps in their line, and the
 * legend entry of their series says how many there were; a chart with nothing to draw says so under its
 * title. The same input gives the same bytes: nothing depends on the time or the default locale.
 */
final class LogPlot {

    static final int WIDTH = 800;
    static final int HEIGHT = 480;

    /** Line colours, in series order (then again from the first). */
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127)};

    /**
     * One line of a chart: value i at x = xStart + i · xStep. The array is read when the chart is drawn,
     * not copied.
     */
    record Series(String name, double[] values, long xStart, long xStep) {
        Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(values, "values");
            if (xStep < 1) {
                throw new IllegalArgumentException("xStep must be ≥ 1, got " + xStep);
            }
        }
    }

    /**
     * A shaded band around line i of a chart (same colour, translucent): from {@code low} to
     * {@code high} at x = xStart + i · xStep; values not drawable on a log axis leave a gap.
     */
    record Band(double[] low, double[] high, long xStart, long xStep) {
        Band {
            if (low.length != high.length) {
                throw new IllegalArgumentException("low and high differ in length: " + low.length + " and "
                        + high.length);
            }
        }
    }

    private LogPlot() {
    }

    /** Draws the chart of {@link #chart} into {@code file} as PNG. */
    static void write(Path file, String title, String xLabel, String yLabel, List<Series> series)
            throws IOException {
        Files.write(file, png(chart(title, xLabel, yLabel, series)));
    }

    /** Draws the chart of {@link #chart} with a band around each line, {@code bands.get(i)} around line i. */
    static void write(Path file, String title, String xLabel, String yLabel, List<Series> series, List<Band> bands)
            throws IOException {
        JFreeChart chart = chart(title, xLabel, yLabel, series);
        XYPlot plot = chart.getXYPlot();
        YIntervalSeriesCollection intervals = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(false, false);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series line : series) {
            for (double value : line.values()) {
                if (drawable(value)) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            YIntervalSeries interval = new YIntervalSeries("band " + i, false, false);
            for (int item = 0; item < band.low().length; item++) {
                double low = band.low()[item];
                double high = band.high()[item];
                if (drawable(low) && drawable(high)) {
                    double x = band.xStart() + (double) item * band.xStep();
                    interval.add(x, Math.sqrt(low * high), low, high);
                    min = Math.min(min, low);
                    max = Math.max(max, high);
                }
            }
            intervals.addSeries(interval);
            Color colour = PALETTE[i % PALETTE.length];
            renderer.setSeriesFillPaint(i, colour);
            renderer.setSeriesPaint(i, colour);
            renderer.setSeriesVisibleInLegend(i, false);
        }
        renderer.setAlpha(0.2f);
        plot.setDataset(1, intervals);
        plot.setRenderer(1, renderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.getRangeAxis().setRange(decades(min, max));
        Files.write(file, png(chart));
    }

    /**
     * The chart: one line per series, named in the legend (with the count of values not drawn, if any),
     * on a y axis of whole decades that holds every drawable value.
     *
     * @throws IllegalArgumentException if two series have the same name
     */
    static JFreeChart chart(String title, String xLabel, String yLabel, List<Series> series) {
        Set<String> names = new HashSet<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series line : series) {
            if (!names.add(line.name())) {
                throw new IllegalArgumentException("two series are named '" + line.name() + "'");
            }
            for (double value : line.values()) {
                if (drawable(value)) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        Dataset dataset = new Dataset(series);

        NumberAxis xAxis = new NumberAxis(xLabel);
        xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        xAxis.setAutoRangeIncludesZero(false);
        xAxis.setAutoRangeMinimumSize(1);
        LogAxis yAxis = new LogAxis(yLabel);
        yAxis.setBaseSymbol("10");
        // whole exponents only: tick labels 10^k
        yAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        yAxis.setSmallestValue(Double.MIN_VALUE);
        yAxis.setRange(decades(min, max));

        Renderer renderer = new Renderer(dataset);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.DARK_GRAY);
        plot.setDomainGridlinePaint(new Color(225, 225, 225));
        plot.setRangeGridlinePaint(new Color(225, 225, 225));
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));

        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        if (!(min <= max)) {
            TextTitle note = new TextTitle("nothing to draw: no value is finite and positive",
                    new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            note.setPaint(new Color(200, 40, 40));
            chart.addSubtitle(note);
        }
        return chart;
    }

    /** The chart drawn at {@value #WIDTH}×{@value #HEIGHT} pixels, as a PNG file's bytes (no metadata). */
    static byte[] png(JFreeChart chart) throws IOException {
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("this Java has no PNG writer");
            }
        }
        return bytes.toByteArray();
    }

    /** The legend text of a series: its name, and how many of its values are not drawn. */
    private static String legend(Series line) {
        int undrawable = 0;
        for (double value : line.values()) {
            if (!drawable(value)) {
                undrawable++;
            }
        }
        int total = line.values().length;
        if (total == 0) {
            return line.name() + " (no values)";
        }
        return undrawable == 0 ? line.name()
                : line.name() + " (" + undrawable + " of " + total + " values NaN/∞/≤ 0 not drawn)";
    }

    /**
     * Whole decades around [min, max] (at least two), within the positive doubles; 0.1 to 10 when there is
     * nothing to draw (min &gt; max).
     */
    private static Range decades(double min, double max) {
        if (!(min <= max)) {
            return decades(1, 1);
        }
        double lo = Math.floor(Math.log10(min));
        double hi = Math.ceil(Math.log10(max));
        if (lo == hi) {
            lo--;
            hi++;
        }
        // a hair wider, or rounding in the axis' logarithms drops the end decades' ticks; 10^-324 is 0 and
        // 10^309 is ∞ as doubles: the extremes stop at the smallest and largest double
        return new Range(Math.max(Math.pow(10, lo) * (1 - 1e-9), Double.MIN_VALUE),
                Math.min(Math.pow(10, hi) * (1 + 1e-9), Double.MAX_VALUE));
    }

    private static boolean drawable(double value) {
        return value > 0 && value < Double.POSITIVE_INFINITY;
    }

    /** The series over their own arrays (no object per value); values not drawable read as missing (null/NaN). */
    private static final class Dataset extends AbstractXYDataset {

        private final List<Series> series;
        private final List<String> keys;

        Dataset(List<Series> series) {
            this.series = List.copyOf(series);
            this.keys = this.series.stream().map(LogPlot::legend).toList();
        }

        boolean isolated(int s, int item) {
            double[] values = series.get(s).values();
            // the legend asks about item 0, also of an empty series
            return item < values.length && drawable(values[item]) && (item == 0 || !drawable(values[item - 1]))
                    && (item == values.length - 1 || !drawable(values[item + 1]));
        }

        @Override
        public int getSeriesCount() {
            return series.size();
        }

        @Override
        public String getSeriesKey(int s) {
            return keys.get(s);
        }

        @Override
        public DomainOrder getDomainOrder() {
            return DomainOrder.ASCENDING;
        }

        @Override
        public int getItemCount(int s) {
            return series.get(s).values().length;
        }

        @Override
        public double getXValue(int s, int item) {
            Series line = series.get(s);
            return line.xStart() + (double) item * line.xStep();
        }

        @Override
        public Number getX(int s, int item) {
            return getXValue(s, item);
        }

        @Override
        public double getYValue(int s, int item) {
            double value = series.get(s).values()[item];
            return drawable(value) ? value : Double.NaN;
        }

        @Override
        public Number getY(int s, int item) {
            double value = getYValue(s, item);
            return Double.isNaN(value) ? null : value;
        }
    }

    /** Lines that break at missing values; a drawable value between two gaps is a dot, or it would not show. */
    private static final class Renderer extends XYLineAndShapeRenderer {

        private final Dataset dataset;

        Renderer(Dataset dataset) {
            super(true, false);
            this.dataset = dataset;
        }

        @Override
        public boolean getItemShapeVisible(int series, int item) {
            return dataset.isolated(series, item);
        }

        @Override
        public LegendItem getLegendItem(int datasetIndex, int series) {
            LegendItem item = super.getLegendItem(datasetIndex, series);
            if (item != null) {
                item.setShapeVisible(false);
            }
            return item;
        }
    }
}
