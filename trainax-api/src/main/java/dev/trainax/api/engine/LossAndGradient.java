package dev.trainax.api.engine;

import dev.trainax.api.Parameters;

/**
 * A loss value and its gradient with respect to every network parameter.
 *
 * @param loss     the scalar loss of the batch
 * @param gradient one array per parameter, same names and shapes
 */
public record LossAndGradient(double loss, Parameters gradient) {
}
