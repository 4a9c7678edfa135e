package dev.trainax.api.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.trainax.api.Parameters;
import org.apiguardian.api.API;

/**
 * A loss value and its gradient with respect to every network parameter.
 *
 * @param loss     the scalar loss of the batch
 * @param gradient one array per parameter, same names and shapes
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LossAndGradient(double loss, Parameters gradient) {
}
