package dev.trainax.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log-scale line charts of diverged runs: values a log scale cannot show become gaps named in the legend,
 * drawing always ends, and the same input gives the same PNG bytes.
 */
class LogPlotTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static JFreeChart chart(double[] values) {
        return LogPlot.chart("loss", "update step", "loss", List.of(new LogPlot.Series("loss", values, 0, 1)));
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static List<String> notes(JFreeChart chart) {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title title = chart.getSubtitle(i);
            if (title instanceof TextTitle text) {
                notes.add(text.getText());
            }
        }
        return notes;
    }

    private static XYLineAndShapeRenderer shapes(JFreeChart chart) {
        return (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
    }

    @Test
    void writesAPngOfTheFixedSize(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("loss.png");
        LogPlot.write(file, "training loss", "update step", "loss",
                List.of(new LogPlot.Series("loss", new double[] {1, 0.5, 0.25, 0.2, 0.1}, 0, 10)));
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(LogPlot.WIDTH, image.getWidth());
        assertEquals(LogPlot.HEIGHT, image.getHeight());
        assertEquals(800, image.getWidth());
        assertEquals(480, image.getHeight());
    }

    @Test
    void valuesNotDrawableAreGapsCountedInTheLegend() {
        double[] values = {1, NAN, 0.5, INF, 0.25, 0.2, 0, -1, Double.NEGATIVE_INFINITY, 0.1};
        JFreeChart chart = LogPlot.chart("loss", "update step", "loss",
                List.of(new LogPlot.Series("loss", values, 100, 5)));
        XYDataset data = chart.getXYPlot().getDataset();
        String key = "loss (5 of 10 values NaN/∞/≤ 0 not drawn)";
        assertEquals(1, data.getSeriesCount());
        assertEquals(key, data.getSeriesKey(0));
        assertEquals(key, chart.getXYPlot().getLegendItems().get(0).getLabel());
        assertEquals(10, data.getItemCount(0));
        for (int i = 0; i < values.length; i++) {
            assertEquals(100 + 5 * i, data.getXValue(0, i));
            boolean drawable = values[i] > 0 && values[i] < INF;
            assertEquals(drawable ? Double.valueOf(values[i]) : null, data.getY(0, i), "item " + i);
            assertEquals(drawable ? values[i] : NAN, data.getYValue(0, i), "item " + i);
        }
        // a value between two gaps is a dot (a line would not show it); one beside a drawn value is not
        assertTrue(shapes(chart).getItemShapeVisible(0, 2));
        assertFalse(shapes(chart).getItemShapeVisible(0, 4));
        assertFalse(chart.getXYPlot().getLegendItems().get(0).isShapeVisible());
        assertEquals(List.of(), notes(chart));
    }

    @Test
    void aSeriesWithEverythingDrawableIsJustItsName() {
        JFreeChart chart = chart(new double[] {3, 2, 1});
        assertEquals("loss", chart.getXYPlot().getDataset().getSeriesKey(0));
        // whole decades around the values
        ValueAxis y = chart.getXYPlot().getRangeAxis();
        assertEquals(1, y.getLowerBound(), 1e-6);
        assertEquals(10, y.getUpperBound(), 1e-6);
    }

    @Test
    void nothingDrawableStillGivesAPngWithANote() throws IOException {
        double[][] cases = {{NAN, NAN, NAN}, {0, 0, 0}, {INF}, {-1, Double.NEGATIVE_INFINITY}, {}};
        for (double[] values : cases) {
            JFreeChart chart = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> chart(values));
            assertEquals(List.of("nothing to draw: no value is finite and positive"), notes(chart));
            assertEquals(0.1, chart.getXYPlot().getRangeAxis().getLowerBound(), 1e-6);
            assertEquals(10, chart.getXYPlot().getRangeAxis().getUpperBound(), 1e-6);
            String key = (String) chart.getXYPlot().getDataset().getSeriesKey(0);
            assertEquals(values.length == 0 ? "loss (no values)"
                    : "loss (" + values.length + " of " + values.length + " values NaN/∞/≤ 0 not drawn)", key);
            BufferedImage image = decode(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> LogPlot.png(chart)));
            assertEquals(800, image.getWidth());
            assertEquals(480, image.getHeight());
        }
    }

    @Test
    void positiveInfinityEndsQuickly() {
        double[][] cases = {{INF}, {INF, INF}, {1, INF}, {INF, 1e-3}, {INF, NAN, 1e300, 1e-300, INF}};
        for (double[] values : cases) {
            byte[] png = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> LogPlot.png(chart(values)));
            assertTrue(png.length > 1000);
        }
    }

    @Test
    void sixHundredDecadesAndTheExtremesOfDouble() throws IOException {
        double[][] cases = {{1e-300, 1e300}, {Double.MIN_VALUE, Double.MAX_VALUE}, {Double.MIN_VALUE}, {Double.MAX_VALUE}};
        for (double[] values : cases) {
            JFreeChart chart = chart(values);
            ValueAxis y = chart.getXYPlot().getRangeAxis();
            for (double value : values) {
                assertTrue(y.getRange().contains(value), value + " in " + y.getRange());
            }
            assertTrue(y.getLowerBound() > 0 && y.getUpperBound() < INF, y.getRange().toString());
            BufferedImage image = decode(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> LogPlot.png(chart)));
            assertEquals(800, image.getWidth());
        }
    }

    @Test
    void severalSeriesEachWithItsOwnLegendEntry() {
        JFreeChart chart = LogPlot.chart("losses", "update step", "loss", List.of(
                new LogPlot.Series("seed 1", new double[] {1, 0.1, 0.01}, 0, 1),
                new LogPlot.Series("seed 2", new double[] {2, NAN, 0.02, 0.002}, 0, 1)));
        XYDataset data = chart.getXYPlot().getDataset();
        assertEquals(2, data.getSeriesCount());
        assertEquals("seed 1", data.getSeriesKey(0));
        assertEquals("seed 2 (1 of 4 values NaN/∞/≤ 0 not drawn)", data.getSeriesKey(1));
        assertEquals(2, chart.getXYPlot().getLegendItems().getItemCount());
        assertNotEquals(chart.getXYPlot().getRenderer().getSeriesPaint(0),
                chart.getXYPlot().getRenderer().getSeriesPaint(1));
        assertThrows(IllegalArgumentException.class, () -> LogPlot.chart("t", "x", "y", List.of(
                new LogPlot.Series("a", new double[] {1}, 0, 1), new LogPlot.Series("a", new double[] {2}, 0, 1))));
        assertThrows(IllegalArgumentException.class, () -> new LogPlot.Series("a", new double[] {1}, 0, 0));
    }

    @Test
    void sameInputSameBytesAndNoMetadata() throws IOException {
        double[] values = new double[500];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 97 == 13 ? NAN : Math.exp(-i / 50.0) * (1.2 + Math.sin(i));
        }
        List<LogPlot.Series> series = List.of(new LogPlot.Series("loss", values, 0, 4),
                new LogPlot.Series("other", new double[] {1e-3, 1e-2, INF, 0.5}, 10, 100));
        byte[] first = LogPlot.png(LogPlot.chart("training loss", "update step", "loss", series));
        byte[] second = LogPlot.png(LogPlot.chart("training loss", "update step", "loss", series));
        assertArrayEquals(first, second);
        // only the image: no time or text chunks
        ByteBuffer png = ByteBuffer.wrap(first);
        png.position(8);
        List<String> chunks = new ArrayList<>();
        while (png.remaining() >= 12) {
            int length = png.getInt();
            byte[] type = new byte[4];
            png.get(type);
            chunks.add(new String(type, StandardCharsets.US_ASCII));
            png.position(png.position() + length + 4);
        }
        chunks.removeIf("IDAT"::equals);
        assertEquals(List.of("IHDR", "IEND"), chunks);
    }

    @Test
    void aValueBetweenGapsAtTheEndsIsADot() {
        JFreeChart chart = chart(new double[] {0.5, NAN});
        assertTrue(shapes(chart).getItemShapeVisible(0, 0));
        assertNull(chart.getXYPlot().getDataset().getY(0, 1));
    }
}
