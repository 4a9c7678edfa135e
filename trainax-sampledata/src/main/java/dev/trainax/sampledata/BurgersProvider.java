package dev.trainax.sampledata;

import dev.trainax.api.Stepper;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.ReferenceStepperProvider;
import dev.trainax.api.plugin.SimpleProvider;
import java.util.List;

/** {@code burgers-etdrk2}: the differentiable viscous Burgers stepper. */
public final class BurgersProvider extends SimpleProvider<Stepper> implements ReferenceStepperProvider {

    /** Service constructor. */
    public BurgersProvider() {
        super("burgers-etdrk2", "viscous Burgers, ETDRK2 in Fourier space with real DFT matrices, states (batch, 1, N)",
                List.of(PluginParameter.integer("numPoints", "grid points (even)", 160).atLeast(4),
                        PluginParameter.number("viscosity", "ν", 1.0 / 320).atLeast(0),
                        PluginParameter.number("dt", "time step", 3.0 / 320).atLeast(0),
                        PluginParameter.number("length", "domain length", 1.0).atLeast(0)),
                a -> new Burgers1d(a.integer("numPoints"), a.number("viscosity"), a.number("dt"), a.number("length")));
    }
}
