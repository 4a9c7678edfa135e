package dev.trainax.nn;

import org.nd4j.linalg.factory.Nd4j;

/**
 * What the loaded ND4J native build offers. Its oneDNN builds ({@code linux-x86_64-onednn*}, see
 * README "Native builds") run convolutions and their backward passes in oneDNN, an order of
 * magnitude faster than the generic build, which favours other formulations (see {@link ConvStack}).
 */
final class NativeBuild {

    private static final boolean ONE_DNN = Nd4j.getBackend().buildInfo().contains("HAVE_ONEDNN");

    private NativeBuild() {
    }

    /** Whether ND4J's ops run through oneDNN: a oneDNN build with its platform helpers allowed. */
    static boolean oneDnn() {
        return ONE_DNN && Nd4j.getEnvironment().helpersAllowed();
    }
}
