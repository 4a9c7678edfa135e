package dev.trainax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void pluginsListsEveryBuiltInProviderWithItsModule() {
        assertEquals(0, run("plugins"));
        String listing = out.toString(StandardCharsets.UTF_8);
        for (String id : new String[] {"supervised", "diverted-chain", "diverted-chain-branch-one",
            "mix-chain-post-physics", "residuum", "composite", "teacher-forcing", "pushforward", "noisy-supervised",
            "random-pushforward", "curriculum", "scheduled-sampling", "mse", "nrmse", "lp",
            "composite-loss", "mlp", "conv1d", "conv2d", "conv3d", "convnet", "resnet", "dilated-resnet",
            "modern-resnet", "unet", "fno",
            "first-order-upwind", "lorenz63-rk4",
            "diffusion-2d", "advection-2d", "diffusion-2d-exact", "advection-2d-exact", "advection-diffusion-1d",
            "dispersion-1d", "hyper-diffusion-1d", "advection-diffusion-2d", "dispersion-2d", "hyper-diffusion-2d",
            "advection-diffusion-1d-exact", "dispersion-1d-exact", "hyper-diffusion-1d-exact",
            "advection-diffusion-2d-exact", "dispersion-2d-exact", "hyper-diffusion-2d-exact",
            "korteweg-de-vries-1d", "fisher-kpp-1d", "korteweg-de-vries-etdrk2", "fisher-kpp-etdrk2", "burgers-residuum",
            "kuramoto-sivashinsky-etdrk4", "korteweg-de-vries-etdrk4", "navier-stokes-2d", "kolmogorov-2d",
            "navier-stokes-2d-etdrk", "kolmogorov-2d-etdrk", "gray-scott-2d", "gray-scott-2d-etdrk",
            "swift-hohenberg-2d", "swift-hohenberg-2d-etdrk",
            "diffusion-2d-residuum", "samediff", "save-network",
            "non-finite-guard", "early-stopping"}) {
            assertTrue(listing.contains("  " + id + " "), id + " missing from:\n" + listing);
        }
        assertTrue(listing.contains("[dev.trainax.configs]"), listing);
        assertTrue(listing.contains("numRolloutSteps (integer ≥ 1) = 1"), listing);
    }

    @Test
    void quickstartTrainsAndPrintsTheStencilDistances() {
        assertEquals(0, run("quickstart", "--steps", "30", "--rollouts", "1,2"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("r=1  learned stencil"), text);
        assertTrue(text.contains("r=2  learned stencil"), text);
        assertTrue(text.contains("stencil distances: ["), text);
    }

    @Test
    void badQuickstartOptionsExitWithTwo() {
        assertEquals(2, run("quickstart", "--steps", "-3"));
        assertEquals("error: Invalid value for option '--steps': must be a positive integer, got '-3' "
                + "(see 'trainax quickstart --help')", err.toString(StandardCharsets.UTF_8).strip());
        err.reset();
        assertEquals(2, run("quickstart", "--rollouts", "1,0"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(
                "Invalid value for option '--rollouts' (R): must be a positive integer, got '0'"), err.toString());
        assertEquals(2, run("quickstart", "--speed", "3"));
    }

    @Test
    void unknownCommandsAndKindsExitWithTwo() {
        assertEquals(2, run("fly"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'fly'; known: train, evaluate"));
        assertEquals(2, run("plugins", "--kind", "robot"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(
                "Invalid value for option '--kind': must be one of [loss, configuration"));
    }
}
