/**
 * Training callbacks and Micrometer metrics. The module is laid out in the reactor; its callbacks
 * arrive with the callbacks issue and will be found through
 * {@link dev.trainax.api.plugin.CallbackProvider}.
 */
module dev.trainax.callbacks {
    requires dev.trainax.api;
    requires micrometer.core;
    requires jdk.unsupported;
}
