package dev.trainax.sampledata;

import dev.trainax.api.Residuum;
import dev.trainax.api.plugin.PluginArguments;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.ResiduumProvider;
import dev.trainax.api.plugin.SimpleProvider;
import dev.trainax.sampledata.FiniteDifferenceResiduum.Scheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@link ResiduumProvider}s of this module: one per PDE with a {@code scheme} parameter
 * (implicit Euler or Crank–Nicolson), and the fixed implicit-Euler ids of earlier releases. Grid
 * and physics defaults match the data sources of the same PDE.
 */
public final class ResiduumProviders {

    private ResiduumProviders() {
    }

    private static final PluginParameter SCHEME = PluginParameter.string("scheme", "time discretisation",
            "crank-nicolson").oneOf("crank-nicolson", "implicit-euler");

    private static final PluginParameter DIFFUSIVITY = PluginParameter.number("viscosity", "ν", 0.01).atLeast(0);

    private static final PluginParameter BURGERS_VISCOSITY = PluginParameter.number("viscosity", "ν", 1.0 / 320)
            .atLeast(0);

    private static Scheme scheme(PluginArguments arguments) {
        return Scheme.valueOf(arguments.string("scheme").replace('-', '_').toUpperCase(Locale.ROOT));
    }

    /** The grid parameters, the scheme, then the physics ones. */
    private static List<PluginParameter> withScheme(int points, double length, double dt, PluginParameter... physics) {
        List<PluginParameter> parameters = new ArrayList<>(SpectralPdeProviders.grid(points, length, dt, physics));
        parameters.add(SCHEME);
        return parameters;
    }

    /** {@code diffusion-residuum}. */
    public static final class Diffusion extends SimpleProvider<Residuum> implements ResiduumProvider {
        /** Service constructor. */
        public Diffusion() {
            super("diffusion-residuum", "θ-method residuum of periodic 1D diffusion (central differences)",
                    withScheme(64, 1.0, 0.01, DIFFUSIVITY),
                    a -> FiniteDifferenceResiduum.diffusion(scheme(a), a.integer("numPoints"), a.number("length"),
                            a.number("dt"), a.number("viscosity")));
        }
    }

    /** {@code burgers-residuum}. */
    public static final class Burgers extends SimpleProvider<Residuum> implements ResiduumProvider {
        /** Service constructor. */
        public Burgers() {
            super("burgers-residuum", "θ-method residuum of viscous Burgers (central differences)",
                    withScheme(160, 1.0, 3.0 / 320, BURGERS_VISCOSITY),
                    a -> FiniteDifferenceResiduum.burgers(scheme(a), a.integer("numPoints"), a.number("length"),
                            a.number("dt"), a.number("viscosity"), 1.0));
        }
    }

    /** {@code advection-1d-residuum}. */
    public static final class Advection extends SimpleProvider<Residuum> implements ResiduumProvider {
        /** Service constructor. */
        public Advection() {
            super("advection-1d-residuum", "θ-method residuum of periodic 1D advection (central differences)",
                    withScheme(30, 2 * Math.PI, 2 * Math.PI / 30 * 0.75,
                            PluginParameter.number("velocity", "advection velocity", 1.0)),
                    a -> FiniteDifferenceResiduum.advection(scheme(a), a.integer("numPoints"), a.number("length"),
                            a.number("dt"), a.number("velocity")));
        }
    }

    /** {@code kuramoto-sivashinsky-residuum}. */
    public static final class KuramotoSivashinsky extends SimpleProvider<Residuum> implements ResiduumProvider {
        /** Service constructor. */
        public KuramotoSivashinsky() {
            super("kuramoto-sivashinsky-residuum", "θ-method residuum of Kuramoto-Sivashinsky (central differences)",
                    withScheme(128, 32 * Math.PI, 0.1),
                    a -> FiniteDifferenceResiduum.kuramotoSivashinsky(scheme(a), a.integer("numPoints"),
                            a.number("length"), a.number("dt")));
        }
    }

    /** {@code diffusion-2d-residuum}. */
    public static final class Diffusion2d extends SimpleProvider<Residuum> implements ResiduumProvider {
        /** Service constructor. */
        public Diffusion2d() {
            super("diffusion-2d-residuum", "θ-method residuum of periodic 2D diffusion (central differences)",
                    withScheme(32, 1.0, 0.01, DIFFUSIVITY),
                    a -> FiniteDifferenceResiduum.diffusion2d(scheme(a), a.integer("numPoints"), a.number("length"),
                            a.number("dt"), a.number("viscosity")));
        }
    }

    /** {@code advection-2d-residuum}. */
    public static final class Advection2d extends SimpleProvider<Residuum> implements ResiduumProvider {
        /** Service constructor. */
        public Advection2d() {
            super("advection-2d-residuum", "θ-method residuum of periodic 2D advection (central differences)",
                    withScheme(32, 1.0, 0.01, SpectralPdeProviders.VELOCITY_X, SpectralPdeProviders.VELOCITY_Y),
                    a -> FiniteDifferenceResiduum.advection2d(scheme(a), a.integer("numPoints"), a.number("length"),
                            a.number("dt"), a.number("velocityX"), a.number("velocityY")));
        }
    }

    /** {@code diffusion-implicit-euler}: {@code diffusion-residuum} with the implicit-Euler scheme. */
    public static final class DiffusionImplicitEuler extends SimpleProvider<Residuum> implements ResiduumProvider {
        /** Service constructor. */
        public DiffusionImplicitEuler() {
            super("diffusion-implicit-euler", "implicit-Euler residuum of periodic diffusion (central differences)",
                    SpectralPdeProviders.grid(64, 1.0, 0.01, DIFFUSIVITY),
                    a -> FiniteDifferenceResiduum.diffusion(Scheme.IMPLICIT_EULER, a.integer("numPoints"),
                            a.number("length"), a.number("dt"), a.number("viscosity")));
        }
    }

    /** {@code burgers-implicit-euler}: {@code burgers-residuum} with the implicit-Euler scheme. */
    public static final class BurgersImplicitEuler extends SimpleProvider<Residuum> implements ResiduumProvider {
        /** Service constructor. */
        public BurgersImplicitEuler() {
            super("burgers-implicit-euler", "implicit-Euler residuum of viscous Burgers (central differences)",
                    SpectralPdeProviders.grid(160, 1.0, 3.0 / 320, BURGERS_VISCOSITY),
                    a -> FiniteDifferenceResiduum.burgers(Scheme.IMPLICIT_EULER, a.integer("numPoints"),
                            a.number("length"), a.number("dt"), a.number("viscosity"), 1.0));
        }
    }
}
