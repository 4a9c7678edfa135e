package dev.trainax.sampledata;

import dev.trainax.api.Residuum;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.ResiduumProvider;
import dev.trainax.api.plugin.SimpleProvider;
import java.util.List;

/** The {@link ResiduumProvider}s of this module. */
public final class ResiduumProviders {

    private ResiduumProviders() {
    }

    /** {@code diffusion-implicit-euler}. */
    public static final class DiffusionImplicitEuler extends SimpleProvider<Residuum> implements ResiduumProvider {
        /** Service constructor. */
        public DiffusionImplicitEuler() {
            super("diffusion-implicit-euler", "implicit-Euler residuum of periodic diffusion (central differences)",
                    SpectralPdeProviders.grid(64, 1.0, 0.01, PluginParameter.number("viscosity", "ν", 0.01).atLeast(0)),
                    a -> new ImplicitEulerResiduum(a.integer("numPoints"), a.number("length"), a.number("dt"),
                            a.number("viscosity"), 0.0));
        }
    }

    /** {@code burgers-implicit-euler}. */
    public static final class BurgersImplicitEuler extends SimpleProvider<Residuum> implements ResiduumProvider {
        /** Service constructor. */
        public BurgersImplicitEuler() {
            super("burgers-implicit-euler", "implicit-Euler residuum of viscous Burgers (central differences)",
                    SpectralPdeProviders.grid(160, 1.0, 3.0 / 320,
                            PluginParameter.number("viscosity", "ν", 1.0 / 320).atLeast(0)),
                    a -> new ImplicitEulerResiduum(a.integer("numPoints"), a.number("length"), a.number("dt"),
                            a.number("viscosity"), 1.0));
        }
    }
}
