package dev.trainax.sampledata;

import dev.trainax.api.Residuum;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.ParamGroup;
import dev.trainax.api.plugin.RecordProvider;
import dev.trainax.api.plugin.ResiduumProvider;
import dev.trainax.sampledata.FiniteDifferenceResiduum.Scheme;
import java.lang.invoke.MethodHandles;
import java.util.function.Function;

/**
 * The {@link ResiduumProvider}s of this module: one per PDE with a {@code scheme} parameter
 * (implicit Euler or Crank–Nicolson), and the fixed implicit-Euler ids of earlier releases. Grid
 * and physics are the PDE's record in {@code PdeGrids}, shared with the data source and reference
 * stepper of the same PDE. Each takes the {@link Param} components of a record as its parameters.
 */
public final class ResiduumProviders {

    private ResiduumProviders() {
    }

    /** A provider whose parameters are the components of {@code options}. */
    private abstract static class Base<R extends Record> extends RecordProvider<R, Residuum>
            implements ResiduumProvider {
        Base(String id, String description, Class<R> options, Function<R, Residuum> factory) {
            // the records are private, reachable from this nest
            super(id, description, options, MethodHandles.lookup(), factory);
        }
    }

    /** {@code diffusion-residuum}. */
    public static final class DiffusionProvider extends Base<DiffusionProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.Diffusion1d grid,
                @Param(value = "time discretisation", defaultValue = "crank-nicolson") Scheme scheme) {
        }

        /** Service constructor. */
        public DiffusionProvider() {
            super("diffusion-residuum", "θ-method residuum of periodic 1D diffusion (central differences)",
                    Options.class, o -> o.grid().residuum(o.scheme()));
        }
    }

    /** {@code burgers-residuum}. */
    public static final class BurgersProvider extends Base<BurgersProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.Burgers grid,
                @Param(value = "time discretisation", defaultValue = "crank-nicolson") Scheme scheme) {
        }

        /** Service constructor. */
        public BurgersProvider() {
            super("burgers-residuum", "θ-method residuum of viscous Burgers (central differences)",
                    Options.class, o -> o.grid().residuum(o.scheme()));
        }
    }

    /** {@code advection-1d-residuum}. */
    public static final class Advection1dProvider extends Base<Advection1dProvider.Options> {

        private record Options(
                @Param(value = "grid points (even)", defaultValue = "30", min = 4) int numPoints,
                @Param(value = "domain length", defaultValue = "" + 2 * Math.PI,
                        min = 0, minExclusive = true) double length,
                @Param(value = "time step", defaultValue = "" + 2 * Math.PI / 30 * 0.75,
                        min = 0, minExclusive = true) double dt,
                @Param(value = "advection velocity", defaultValue = "1.0") double velocity,
                @Param(value = "time discretisation", defaultValue = "crank-nicolson") Scheme scheme) {
        }

        /** Service constructor. */
        public Advection1dProvider() {
            super("advection-1d-residuum", "θ-method residuum of periodic 1D advection (central differences)",
                    Options.class, o -> FiniteDifferenceResiduum.advection(o.scheme(), o.numPoints(), o.length(),
                            o.dt(), o.velocity()));
        }
    }

    /** {@code kuramoto-sivashinsky-residuum}. */
    public static final class KuramotoSivashinskyProvider extends Base<KuramotoSivashinskyProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.KuramotoSivashinsky grid,
                @Param(value = "time discretisation", defaultValue = "crank-nicolson") Scheme scheme) {
        }

        /** Service constructor. */
        public KuramotoSivashinskyProvider() {
            super("kuramoto-sivashinsky-residuum", "θ-method residuum of Kuramoto-Sivashinsky (central differences)",
                    Options.class, o -> o.grid().residuum(o.scheme()));
        }
    }

    /** {@code diffusion-2d-residuum}. */
    public static final class Diffusion2dProvider extends Base<Diffusion2dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.Diffusion2d grid,
                @Param(value = "time discretisation", defaultValue = "crank-nicolson") Scheme scheme) {
        }

        /** Service constructor. */
        public Diffusion2dProvider() {
            super("diffusion-2d-residuum", "θ-method residuum of periodic 2D diffusion (central differences)",
                    Options.class, o -> o.grid().residuum(o.scheme()));
        }
    }

    /** {@code advection-2d-residuum}. */
    public static final class Advection2dProvider extends Base<Advection2dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.Advection2d grid,
                @Param(value = "time discretisation", defaultValue = "crank-nicolson") Scheme scheme) {
        }

        /** Service constructor. */
        public Advection2dProvider() {
            super("advection-2d-residuum", "θ-method residuum of periodic 2D advection (central differences)",
                    Options.class, o -> o.grid().residuum(o.scheme()));
        }
    }

    /** {@code diffusion-implicit-euler}: {@code diffusion-residuum} with the implicit-Euler scheme. */
    public static final class DiffusionImplicitEulerProvider extends Base<PdeGrids.Diffusion1d> {
        /** Service constructor. */
        public DiffusionImplicitEulerProvider() {
            super("diffusion-implicit-euler", "implicit-Euler residuum of periodic diffusion (central differences)",
                    PdeGrids.Diffusion1d.class, grid -> grid.residuum(Scheme.IMPLICIT_EULER));
        }
    }

    /** {@code burgers-implicit-euler}: {@code burgers-residuum} with the implicit-Euler scheme. */
    public static final class BurgersImplicitEulerProvider extends Base<PdeGrids.Burgers> {
        /** Service constructor. */
        public BurgersImplicitEulerProvider() {
            super("burgers-implicit-euler", "implicit-Euler residuum of viscous Burgers (central differences)",
                    PdeGrids.Burgers.class, grid -> grid.residuum(Scheme.IMPLICIT_EULER));
        }
    }
}
