package dev.trainax.losses;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The discrete Fourier transform of states {@code (batch, channels, *space)} with one to three
 * spatial axes, built from ops SameDiff differentiates (ND4J 1.0.0-M2.1 has no FFT op in SameDiff).
 *
 * <p>The state is reshaped to {@code (batch, channels, n1, n2, n3)}, missing axes of size 1; along
 * each axis of size {@code N} the real matrices {@code C[k][n] = cos(2πkn/N)} and
 * {@code S[k][n] = sin(2πkn/N)} are built in the graph from the run-time size (loss plugins do not
 * see static shapes) and applied with {@code mmul} on the axis moved last, so that
 * {@code X_k = Σ_n x_n e^{−2πi k·n/N}} (unnormalised; {@code re = Σ x C}, {@code im = −Σ x S},
 * per axis as a complex product). Cost per evaluation: {@code O(N_a²)} to build the matrices and
 * {@code O(M · Σ_a N_a)} multiply-adds for {@code M} state elements (2 matrix products on the first
 * axis, 4 on the others; the same again in the backward pass), instead of an FFT's
 * {@code O(M log M)}: fine for the grid sizes of neural PDE emulators (N up to a few hundred).
 */
final class Spectrum {

    /** The number of spatial axes supported. */
    static final int MAX_SPATIAL_AXES = 3;

    /** Real and imaginary parts {@code (batch, channels, K1, K2, K3)}, |k| per axis and the point count. */
    private final SDVariable re;
    private final SDVariable im;
    /** Per axis, the absolute wavenumber {@code min(k, N − k)} of each DFT index k, shape {@code [N_a]}. */
    private final SDVariable[] absoluteWavenumbers = new SDVariable[MAX_SPATIAL_AXES];
    /** {@code N1·N2·N3} in the state's data type. */
    private final SDVariable count;
    private final SameDiff graph;

    private Spectrum(SameDiff graph, SDVariable state) {
        this.graph = graph;
        DataType type = state.dataType();
        SDVariable padded = graph.concat(0, graph.shape(state).castTo(DataType.LONG),
                graph.constant(Nd4j.createFromArray(1L, 1L, 1L)));
        SDVariable x = graph.reshape(state, padded.get(SDIndex.interval(0L, 5L)));
        SDVariable real = x;
        SDVariable imaginary = null;
        SDVariable points = null;
        for (int a = 0; a < MAX_SPATIAL_AXES; a++) {
            SDVariable n = graph.sizeAt(x, 2 + a).castTo(DataType.LONG);
            SDVariable size = n.castTo(type);
            SDVariable k = graph.range(graph.constant(0L), n, graph.constant(1L), type);
            SDVariable angle = k.reshape(-1, 1).mul(k.reshape(1, -1)).mul(2 * Math.PI).div(size);
            SDVariable cos = graph.math().cos(angle);
            SDVariable sin = graph.math().sin(angle);
            // contract spatial axis 2 with the matrices' index n: the new axis k goes last
            SDVariable[] rows = rows(real, n);
            SDVariable realCos = product(rows, cos);
            SDVariable realSin = product(rows, sin);
            if (imaginary == null) {
                real = realCos;
                imaginary = realSin.neg();
            } else {
                SDVariable[] imaginaryRows = rows(imaginary, n);
                SDVariable imaginaryCos = product(imaginaryRows, cos);
                SDVariable imaginarySin = product(imaginaryRows, sin);
                real = realCos.add(imaginarySin);
                imaginary = imaginaryCos.sub(realSin);
            }
            absoluteWavenumbers[a] = graph.math().min(k, size.sub(k));
            points = points == null ? size : points.mul(size);
        }
        this.re = real;
        this.im = imaginary;
        this.count = points;
    }

    /**
     * Axis 2 of a rank-5 {@code x} moved last and flattened to rows {@code (-1, n)}, and the shape
     * of the moved array: {@code tensorMmul}'s backward pass fails on these shapes in
     * 1.0.0-M2.1, so the contraction is a permute, a reshape and a plain {@code mmul}.
     */
    private SDVariable[] rows(SDVariable x, SDVariable n) {
        SDVariable moved = x.permute(0, 1, 3, 4, 2);
        SDVariable flat = graph.reshape(moved, graph.concat(0, graph.constant(Nd4j.createFromArray(-1L)),
                n.reshape(1)));
        return new SDVariable[] {flat, graph.shape(moved).castTo(DataType.LONG)};
    }

    /** {@code rows · m} ({@code m} symmetric {@code (n, n)}) reshaped back: the new axis k last. */
    private SDVariable product(SDVariable[] rows, SDVariable m) {
        return graph.reshape(graph.mmul(rows[0], m), rows[1]);
    }

    /** The spectrum of {@code state}, {@code (batch, channels, *space)} with 1 to 3 spatial axes. */
    static Spectrum of(SameDiff graph, SDVariable state) {
        return new Spectrum(graph, state);
    }

    /** {@code |k_a|} broadcast along axis {@code a} of a {@code (K1, K2, K3)} grid. */
    private SDVariable along(int a) {
        long[] shape = {1, 1, 1};
        shape[a] = -1;
        return absoluteWavenumbers[a].reshape(shape);
    }

    /** {@code max_a |k_a|}, shape {@code (K1, K2, K3)}: the band coordinate of each mode. */
    SDVariable largestAbsoluteWavenumber() {
        return graph.math().max(graph.math().max(along(0), along(1)), along(2));
    }

    /** {@code |κ|² = Σ_a (2π |k_a| / L)²}, shape {@code (K1, K2, K3)}. */
    SDVariable squaredAngularWavenumber(double domainExtent) {
        double scale = 2 * Math.PI / domainExtent;
        SDVariable sum = null;
        for (int a = 0; a < MAX_SPATIAL_AXES; a++) {
            SDVariable term = graph.math().square(along(a).mul(scale));
            sum = sum == null ? term : sum.add(term);
        }
        return sum;
    }

    /**
     * Per sample, {@code (1 / (C · N²)) Σ_{c,k} w_k |X_{c,k}|²} with {@code N = N1·N2·N3}: for
     * {@code w ≡ 1} this is the mean of {@code x²} over channels and space (Parseval). {@code weights}
     * is {@code (K1, K2, K3)} or null for 1.
     */
    SDVariable weightedEnergy(SDVariable weights) {
        SDVariable power = graph.math().square(re).add(graph.math().square(im));
        if (weights != null) {
            power = power.mul(weights);
        }
        return power.mean(1, 2, 3, 4).div(count);
    }
}
