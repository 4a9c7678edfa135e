package dev.trainax.engine;

import dev.trainax.api.engine.Engine;
import dev.trainax.testkit.EngineKit;

/** The SameDiff engine against the engine compatibility kit. */
class SameDiffEngineKitTest extends EngineKit {

    @Override
    protected Engine engine() {
        return new SameDiffEngine();
    }
}
