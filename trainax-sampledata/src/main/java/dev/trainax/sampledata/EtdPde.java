package dev.trainax.sampledata;

import dev.trainax.api.StepContext;
import dev.trainax.api.Stepper;
import dev.trainax.api.internal.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A semilinear PDE {@code u_t = L u + N(u)} on a periodic {@link FourierGrid}, {@code L} diagonal in
 * Fourier space (per channel and mode, exact in time) and {@code N} explicit, stepped with an
 * {@link EtdScheme} in {@code substeps} steps of {@code dt/substeps} per application. Every
 * operation is a SameDiff op, so the step is differentiable.
 */
abstract class EtdPde implements Stepper {

    /** The explicit term's graph: the spectrum of {@code N(u)} from that of {@code u}. */
    interface ExplicitTerm {
        /**
         * Adds the term's constants under {@code key} (distinct per parameterisation) and returns it.
         *
         * @return the term, or {@code null} for a linear PDE
         */
        UnaryOperator<Spectrum> in(StepContext context, FourierGrid grid, String key);
    }

    /** The PDE's id and a hash of its coefficients: the key of its constants, distinct per parameterisation. */
    private final String name;
    private final FourierGrid grid;
    private final List<double[]> coefficients;
    private final EtdScheme scheme;
    private final int substeps;
    private final ExplicitTerm explicitTerm;

    /**
     * Computes the scheme's coefficients for {@code Δt/substeps} in double, once.
     *
     * @param id           the PDE's id
     * @param grid         the grid; its points, Δt and length are checked here
     * @param symbol       {@code L} per mode: real parts, then imaginary parts, each for one channel or every channel
     * @param scheme       the time stepper
     * @param dt           the time of one application
     * @param substeps     steps per application ≥ 1
     * @param explicitTerm {@code N}
     * @param parameters   the explicit term's coefficients, part of the constants' key
     */
    EtdPde(String id, FourierGrid grid, double[][] symbol, EtdScheme scheme, double dt, int substeps,
           ExplicitTerm explicitTerm, double... parameters) {
        Require.that(scheme != null, "scheme", "must be one of " + Arrays.toString(EtdScheme.values()) + ", got null");
        Require.atLeast("substeps", substeps, 1);
        RealDft.requireGrid(grid.numPoints(), dt, grid.length());
        this.grid = grid;
        this.substeps = substeps;
        this.explicitTerm = explicitTerm;
        this.coefficients = scheme.coefficients(dt / substeps, symbol[0], symbol[1]);
        this.name = id + "." + Integer.toHexString(Arrays.deepHashCode(new Object[] {coefficients.toArray(),
            scheme.name(), substeps, parameters, grid.numPoints(), grid.channels()}));
        this.scheme = scheme;
    }

    /**
     * Accepts states {@code (channels, N…)}: any number of channels, each stepped alike, where the
     * grid has one channel, else exactly the grid's.
     */
    @Override
    public void checkState(long[] stateShape) {
        GridStates.check(grid.spatialDims(), grid.numPoints(), stateShape);
        Require.that(grid.channels() == 1 || stateShape[0] == grid.channels(), "stateShape",
                "must have " + grid.channels() + " channels, got " + Arrays.toString(stateShape));
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        List<Spectrum.Factor> factors = new ArrayList<>();
        for (int i = 0; i < coefficients.size(); i += 2) {
            factors.add(grid.factor(context, name + ".etd" + i, coefficients.get(i), coefficients.get(i + 1)));
        }
        UnaryOperator<Spectrum> explicit = explicitTerm.in(context, grid, name);
        Spectrum hat = grid.forward(context, state);
        for (int step = 0; step < substeps; step++) {
            hat = explicit == null ? hat.times(factors.get(0)) : scheme.step(hat, factors, explicit);
        }
        return context.graph().reshape(grid.inverse(context, hat), state.shape());
    }
}
