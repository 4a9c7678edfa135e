package dev.trainax.cli;

import dev.trainax.api.internal.AtomicFiles;
import dev.trainax.trainers.TrainingResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Writes a run's results, each file atomically ({@link AtomicFiles}). */
final class RunOutputs {

    private RunOutputs() {
    }

    static void write(Path folder, TrainingResult result, int recordEvery, Map<String, Object> resolvedSpec) {
        result.parameters().save(folder.resolve("parameters.params"));
        StringBuilder csv = new StringBuilder("step,loss\n");
        double[] losses = result.lossHistory();
        for (int i = 0; i < losses.length; i++) {
            csv.append(i * recordEvery).append(',').append(losses[i]).append('\n');
        }
        AtomicFiles.write(folder.resolve("loss.csv"), file -> Files.writeString(file, csv, StandardCharsets.UTF_8));
        AtomicFiles.write(folder.resolve("loss.png"), file -> ImageIO.write(plot(losses, recordEvery,
                "training loss (minibatch, before each update)", "update step"), "png", file.toFile()));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        String yaml = new Yaml(options).dump(resolvedSpec);
        AtomicFiles.write(folder.resolve("spec.resolved.yaml"), file -> Files.writeString(file, yaml, StandardCharsets.UTF_8));
    }

    /**
     * A positive series on a log scale, sample i at x = i · xStep. Values that cannot be drawn on
     * it (NaN, ±∞, zero, negative) are left out as gaps in the line, and their number is written
     * under the title.
     */
    static BufferedImage plot(double[] losses, int recordEvery, String title, String xLabel) {
        int width = 800;
        int height = 480;
        int left = 80;
        int right = 20;
        int top = 40;
        int bottom = 50;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int undrawable = 0;
        for (double loss : losses) {
            if (!drawable(loss)) {
                undrawable++;
            } else {
                min = Math.min(min, Math.log10(loss));
                max = Math.max(max, Math.log10(loss));
            }
        }
        if (!(max > min)) {
            min = Double.isFinite(min) ? min - 1 : -1;
            max = min + 2;
        }
        double lo = Math.floor(min);
        double hi = Math.ceil(max);
        g.setColor(new Color(230, 230, 230));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double decade = lo; decade <= hi; decade++) {
            int y = top + (int) ((hi - decade) / (hi - lo) * (height - top - bottom));
            g.setColor(new Color(225, 225, 225));
            g.drawLine(left, y, width - right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString("1e" + (int) decade, 10, y + 4);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(left, top, width - left - right, height - top - bottom);
        g.drawString(xLabel, width / 2 - 30, height - 15);
        g.drawString("0", left - 4, height - bottom + 16);
        String last = Integer.toString(Math.max(0, (losses.length - 1) * recordEvery));
        g.drawString(last, width - right - 8 * last.length(), height - bottom + 16);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, left, 25);
        if (undrawable > 0) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(new Color(200, 40, 40));
            g.drawString(undrawable + " of " + losses.length + " values are NaN, infinite or not positive: gaps",
                    left + 8, top + 16);
        }
        g.setColor(new Color(31, 119, 180));
        g.setStroke(new BasicStroke(1.5f));
        int previousX = -1;
        int previousY = -1;
        for (int i = 0; i < losses.length; i++) {
            if (!drawable(losses[i])) {
                previousX = -1;
                continue;
            }
            int x = left + (int) ((double) i / Math.max(1, losses.length - 1) * (width - left - right));
            int y = top + (int) ((hi - Math.log10(losses[i])) / (hi - lo) * (height - top - bottom));
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, x, y);
            }
            previousX = x;
            previousY = y;
        }
        g.dispose();
        return image;
    }

    private static boolean drawable(double value) {
        return value > 0 && Double.isFinite(value);
    }
}
