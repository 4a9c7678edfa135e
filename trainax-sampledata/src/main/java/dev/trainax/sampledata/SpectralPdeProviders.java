package dev.trainax.sampledata;

import dev.trainax.api.Stepper;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.ReferenceStepperProvider;
import dev.trainax.api.plugin.SimpleProvider;
import java.util.List;

/**
 * The spectral PDE reference steppers: {@code burgers-etdrk2}, {@code diffusion-etd},
 * {@code kuramoto-sivashinsky-etdrk2}, {@code diffusion-2d-exact}, {@code advection-2d-exact}.
 */
public final class SpectralPdeProviders {

    private SpectralPdeProviders() {
    }

    /** Grid, domain and time step parameters, then the physics ones. */
    static List<PluginParameter> grid(int points, double length, double dt, PluginParameter... physics) {
        List<PluginParameter> parameters = new java.util.ArrayList<>(List.of(
                PluginParameter.integer("numPoints", "grid points (even)", points).atLeast(4),
                PluginParameter.number("length", "domain length", length).atLeast(0),
                PluginParameter.number("dt", "time step", dt).atLeast(0)));
        parameters.addAll(List.of(physics));
        return parameters;
    }

    /** {@code burgers-etdrk2}. */
    public static final class Burgers extends SimpleProvider<Stepper> implements ReferenceStepperProvider {
        /** Service constructor. */
        public Burgers() {
            super("burgers-etdrk2", "viscous Burgers, ETDRK2 on real DFT matrices, states (batch, 1, N), differentiable",
                    grid(160, 1.0, 3.0 / 320, PluginParameter.number("viscosity", "ν", 1.0 / 320).atLeast(0)),
                    a -> SpectralPde1d.burgers(a.integer("numPoints"), a.number("viscosity"), a.number("dt"),
                            a.number("length")));
        }
    }

    /** {@code diffusion-etd}. */
    public static final class Diffusion extends SimpleProvider<Stepper> implements ReferenceStepperProvider {
        /** Service constructor. */
        public Diffusion() {
            super("diffusion-etd", "periodic diffusion, exact in time, states (batch, 1, N), differentiable",
                    grid(64, 1.0, 0.01, PluginParameter.number("viscosity", "ν", 0.01).atLeast(0)),
                    a -> SpectralPde1d.diffusion(a.integer("numPoints"), a.number("viscosity"), a.number("dt"),
                            a.number("length")));
        }
    }

    /** {@code kuramoto-sivashinsky-etdrk2}. */
    public static final class KuramotoSivashinsky extends SimpleProvider<Stepper> implements ReferenceStepperProvider {
        /** Service constructor. */
        public KuramotoSivashinsky() {
            super("kuramoto-sivashinsky-etdrk2", "Kuramoto-Sivashinsky, ETDRK2, states (batch, 1, N), differentiable",
                    grid(128, 32 * Math.PI, 0.1),
                    a -> SpectralPde1d.kuramotoSivashinsky(a.integer("numPoints"), a.number("dt"), a.number("length")));
        }
    }

    static final PluginParameter VELOCITY_X = PluginParameter.number("velocityX", "advection velocity along x", 1.0);
    static final PluginParameter VELOCITY_Y = PluginParameter.number("velocityY", "advection velocity along y", 0.5);

    /** {@code diffusion-2d-exact}. */
    public static final class Diffusion2d extends SimpleProvider<Stepper> implements ReferenceStepperProvider {
        /** Service constructor. */
        public Diffusion2d() {
            super("diffusion-2d-exact", "periodic 2D diffusion, exact in time, states (batch, 1, N, N), differentiable",
                    grid(32, 1.0, 0.01, PluginParameter.number("viscosity", "ν", 0.01).atLeast(0)),
                    a -> SpectralLinear2d.diffusion(a.integer("numPoints"), a.number("viscosity"), a.number("dt"),
                            a.number("length")));
        }
    }

    /** {@code advection-2d-exact}. */
    public static final class Advection2d extends SimpleProvider<Stepper> implements ReferenceStepperProvider {
        /** Service constructor. */
        public Advection2d() {
            super("advection-2d-exact", "periodic 2D advection, exact spectral shift, states (batch, 1, N, N), "
                    + "differentiable", grid(32, 1.0, 0.01, VELOCITY_X, VELOCITY_Y),
                    a -> SpectralLinear2d.advection(a.integer("numPoints"), a.number("velocityX"),
                            a.number("velocityY"), a.number("dt"), a.number("length")));
        }
    }
}
