package dev.trainax.sampledata;

import dev.trainax.api.Stepper;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordProvider;
import dev.trainax.api.plugin.ReferenceStepperProvider;
import java.lang.invoke.MethodHandles;
import java.util.function.Function;

/**
 * The {@link ReferenceStepperProvider}s of this module: {@code first-order-upwind},
 * {@code lorenz63-rk4} and the spectral PDE steppers {@code burgers-etdrk2}, {@code diffusion-etd},
 * {@code kuramoto-sivashinsky-etdrk2}, {@code diffusion-2d-exact}, {@code advection-2d-exact}. Each
 * takes the {@link Param} components of its own {@code Options} record as its parameters.
 */
public final class ReferenceStepperProviders {

    private ReferenceStepperProviders() {
    }

    /** A provider whose parameters are the components of {@code options}. */
    private abstract static class Base<R extends Record> extends RecordProvider<R, Stepper>
            implements ReferenceStepperProvider {
        Base(String id, String description, Class<R> options, Function<R, Stepper> factory) {
            // the records are private, reachable from this nest
            super(id, description, options, MethodHandles.lookup(), factory);
        }
    }

    /** {@code first-order-upwind}: the periodic FOU advection stepper. */
    public static final class FirstOrderUpwindProvider extends Base<FirstOrderUpwindProvider.Options> {

        private record Options(
                @Param(value = "Courant number", defaultValue = "-0.75", min = -1, max = 1) double cfl,
                @Param(value = "beyond the inflow end", defaultValue = "periodic") FirstOrderUpwind.Boundary boundary) {
        }

        /** Service constructor. */
        public FirstOrderUpwindProvider() {
            super("first-order-upwind", "first-order upwind step of 1D advection, periodic or zero Dirichlet",
                    Options.class, o -> new FirstOrderUpwind(o.cfl(), o.boundary()));
        }
    }

    /** {@code lorenz63-rk4}: the Lorenz-63 system stepped with classic RK4. */
    public static final class Lorenz63Provider extends Base<Lorenz63Provider.Options> {

        private record Options(
                @Param(value = "time step", defaultValue = "0.01", min = 0) double dt,
                @Param(value = "σ", defaultValue = "10.0") double sigma,
                @Param(value = "ρ", defaultValue = "28.0") double rho,
                @Param(value = "β", defaultValue = "" + 8.0 / 3.0) double beta) {
        }

        /** Service constructor. */
        public Lorenz63Provider() {
            super("lorenz63-rk4", "Lorenz-63 system, classic fourth-order Runge-Kutta step, states (batch, 3)",
                    Options.class, o -> new Lorenz63(o.dt(), o.sigma(), o.rho(), o.beta()));
        }
    }

    /** {@code burgers-etdrk2}. */
    public static final class BurgersProvider extends Base<BurgersProvider.Options> {

        private record Options(
                @Param(value = "grid points (even)", defaultValue = "160", min = 4) int numPoints,
                @Param(value = "domain length", defaultValue = "1.0", min = 0) double length,
                @Param(value = "time step", defaultValue = "" + 3.0 / 320, min = 0) double dt,
                @Param(value = "ν", defaultValue = "" + 1.0 / 320, min = 0) double viscosity) {
        }

        /** Service constructor. */
        public BurgersProvider() {
            super("burgers-etdrk2", "viscous Burgers, ETDRK2 on real DFT matrices, states (batch, 1, N), differentiable",
                    Options.class, o -> SpectralPde1d.burgers(o.numPoints(), o.viscosity(), o.dt(), o.length()));
        }
    }

    /** {@code diffusion-etd}. */
    public static final class DiffusionProvider extends Base<DiffusionProvider.Options> {

        private record Options(
                @Param(value = "grid points (even)", defaultValue = "64", min = 4) int numPoints,
                @Param(value = "domain length", defaultValue = "1.0", min = 0) double length,
                @Param(value = "time step", defaultValue = "0.01", min = 0) double dt,
                @Param(value = "ν", defaultValue = "0.01", min = 0) double viscosity) {
        }

        /** Service constructor. */
        public DiffusionProvider() {
            super("diffusion-etd", "periodic diffusion, exact in time, states (batch, 1, N), differentiable",
                    Options.class, o -> SpectralPde1d.diffusion(o.numPoints(), o.viscosity(), o.dt(), o.length()));
        }
    }

    /** {@code kuramoto-sivashinsky-etdrk2}. */
    public static final class KuramotoSivashinskyProvider extends Base<KuramotoSivashinskyProvider.Options> {

        private record Options(
                @Param(value = "grid points (even)", defaultValue = "128", min = 4) int numPoints,
                @Param(value = "domain length", defaultValue = "" + 32 * Math.PI, min = 0) double length,
                @Param(value = "time step", defaultValue = "0.1", min = 0) double dt) {
        }

        /** Service constructor. */
        public KuramotoSivashinskyProvider() {
            super("kuramoto-sivashinsky-etdrk2", "Kuramoto-Sivashinsky, ETDRK2, states (batch, 1, N), differentiable",
                    Options.class, o -> SpectralPde1d.kuramotoSivashinsky(o.numPoints(), o.dt(), o.length()));
        }
    }

    /** {@code diffusion-2d-exact}. */
    public static final class Diffusion2dProvider extends Base<Diffusion2dProvider.Options> {

        private record Options(
                @Param(value = "grid points (even)", defaultValue = "32", min = 4) int numPoints,
                @Param(value = "domain length", defaultValue = "1.0", min = 0) double length,
                @Param(value = "time step", defaultValue = "0.01", min = 0) double dt,
                @Param(value = "ν", defaultValue = "0.01", min = 0) double viscosity) {
        }

        /** Service constructor. */
        public Diffusion2dProvider() {
            super("diffusion-2d-exact", "periodic 2D diffusion, exact in time, states (batch, 1, N, N), differentiable",
                    Options.class, o -> SpectralLinear2d.diffusion(o.numPoints(), o.viscosity(), o.dt(), o.length()));
        }
    }

    /** {@code advection-2d-exact}. */
    public static final class Advection2dProvider extends Base<Advection2dProvider.Options> {

        private record Options(
                @Param(value = "grid points (even)", defaultValue = "32", min = 4) int numPoints,
                @Param(value = "domain length", defaultValue = "1.0", min = 0) double length,
                @Param(value = "time step", defaultValue = "0.01", min = 0) double dt,
                @Param(value = "advection velocity along x", defaultValue = "1.0") double velocityX,
                @Param(value = "advection velocity along y", defaultValue = "0.5") double velocityY) {
        }

        /** Service constructor. */
        public Advection2dProvider() {
            super("advection-2d-exact", "periodic 2D advection, exact spectral shift, states (batch, 1, N, N), "
                    + "differentiable", Options.class,
                    o -> SpectralLinear2d.advection(o.numPoints(), o.velocityX(), o.velocityY(), o.dt(), o.length()));
        }
    }
}
