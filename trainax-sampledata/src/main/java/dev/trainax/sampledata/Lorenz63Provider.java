package dev.trainax.sampledata;

import dev.trainax.api.Stepper;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.ReferenceStepperProvider;
import dev.trainax.api.plugin.SimpleProvider;
import java.util.List;

/** {@code lorenz63-rk4}: the Lorenz-63 system stepped with classic RK4. */
public final class Lorenz63Provider extends SimpleProvider<Stepper> implements ReferenceStepperProvider {

    /** Service constructor. */
    public Lorenz63Provider() {
        super("lorenz63-rk4", "Lorenz-63 system, classic fourth-order Runge-Kutta step, states (batch, 3)",
                List.of(PluginParameter.number("dt", "time step", 0.01).atLeast(0),
                        PluginParameter.number("sigma", "σ", 10.0),
                        PluginParameter.number("rho", "ρ", 28.0),
                        PluginParameter.number("beta", "β", 8.0 / 3.0)),
                a -> new Lorenz63(a.number("dt"), a.number("sigma"), a.number("rho"), a.number("beta")));
    }
}
