package dev.trainax.sampledata;

import dev.trainax.api.Stepper;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.ReferenceStepperProvider;
import dev.trainax.api.plugin.SimpleProvider;
import java.util.List;

/** {@code first-order-upwind}: the periodic FOU advection stepper. */
public final class FirstOrderUpwindProvider extends SimpleProvider<Stepper> implements ReferenceStepperProvider {

    /** Service constructor. */
    public FirstOrderUpwindProvider() {
        super("first-order-upwind", "first-order upwind step of 1D advection, periodic or zero Dirichlet",
                List.of(PluginParameter.number("cfl", "Courant number", -0.75).atLeast(-1).atMost(1),
                        PluginParameter.string("boundary", "beyond the inflow end", "periodic")
                                .oneOf("periodic", "dirichlet")),
                a -> new FirstOrderUpwind(a.number("cfl"), FirstOrderUpwind.Boundary.valueOf(
                        a.string("boundary").toUpperCase(java.util.Locale.ROOT))));
    }
}
