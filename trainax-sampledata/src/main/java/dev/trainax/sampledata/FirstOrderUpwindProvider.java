package dev.trainax.sampledata;

import dev.trainax.api.Stepper;
import dev.trainax.api.plugin.PluginArguments;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.ReferenceStepperProvider;
import java.util.List;

/** {@code first-order-upwind}: the periodic FOU advection stepper. */
public final class FirstOrderUpwindProvider implements ReferenceStepperProvider {

    @Override
    public String id() {
        return "first-order-upwind";
    }

    @Override
    public String description() {
        return "first-order upwind step of periodic 1D advection";
    }

    @Override
    public List<PluginParameter> parameters() {
        return List.of(PluginParameter.number("cfl", "Courant number", -0.75).atLeast(-1).atMost(1));
    }

    @Override
    public Stepper create(PluginArguments arguments) {
        return new FirstOrderUpwind(arguments.number("cfl"));
    }
}
