package dev.trainax.sampledata;

import dev.trainax.api.Stepper;
import dev.trainax.api.plugin.PluginArguments;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.ReferenceStepperProvider;
import java.util.List;

/** {@code lorenz63-rk4}: the Lorenz-63 system stepped with classic RK4. */
public final class Lorenz63Provider implements ReferenceStepperProvider {

    @Override
    public String id() {
        return "lorenz63-rk4";
    }

    @Override
    public String description() {
        return "Lorenz-63 system, classic fourth-order Runge-Kutta step, states (batch, 3)";
    }

    @Override
    public List<PluginParameter> parameters() {
        return List.of(PluginParameter.number("dt", "time step", 0.01).atLeast(0),
                PluginParameter.number("sigma", "σ", 10.0),
                PluginParameter.number("rho", "ρ", 28.0),
                PluginParameter.number("beta", "β", 8.0 / 3.0));
    }

    @Override
    public Stepper create(PluginArguments arguments) {
        return new Lorenz63(arguments.number("dt"), arguments.number("sigma"), arguments.number("rho"),
                arguments.number("beta"));
    }
}
