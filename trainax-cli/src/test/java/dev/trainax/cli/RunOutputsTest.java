package dev.trainax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Plots of diverged runs: values a log scale cannot show become gaps, and plotting always ends. */
class RunOutputsTest {

    @Test
    void nonFiniteAndNonPositiveValuesAreGapsNotHangs() {
        double[][] series = {
            {1.0, Double.POSITIVE_INFINITY, 0.5, Double.NaN, 0.25},
            {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY},
            {Double.NaN},
            {0.0, -1.0, Double.NEGATIVE_INFINITY},
            {1e-300, 1e300}};
        for (double[] losses : series) {
            BufferedImage image = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> RunOutputs.plot(losses, 1, "loss", "update step"));
            assertEquals(800, image.getWidth());
            assertEquals(480, image.getHeight());
        }
    }
}
