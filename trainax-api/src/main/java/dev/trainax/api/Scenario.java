package dev.trainax.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A named preset of a training run, as APEBench's scenarios are: the data (PDE, domain,
 * resolution, initial conditions, step size), the matching reference stepper and the default
 * training, written as the run-spec sections they fill. A spec that names a scenario
 * ({@code scenario: burgers-1d}) starts from these sections and overrides any part of them.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface Scenario {

    /**
     * The spec sections this scenario fills ({@code data}, {@code referenceStepper},
     * {@code optimizer}, {@code training}), each as a spec would write it: maps, lists, text,
     * numbers and booleans only. The returned map and its values are not modified by callers.
     */
    Map<String, Object> sections();
}
