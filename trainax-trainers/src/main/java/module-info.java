/**
 * Trainers and the Guice wiring of the plugin registry. Applications install
 * {@link dev.trainax.trainers.TrainaxModule} to get every discovered provider injected as
 * {@code Map<String, XxxProvider>} keyed by id; the library stays usable without Guice.
 */
module dev.trainax.trainers {
    requires transitive dev.trainax.api;
    requires static com.google.guice;
    requires jdk.unsupported;

    exports dev.trainax.trainers;

    opens dev.trainax.trainers to com.google.guice;
}
