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
 * {@code kuramoto-sivashinsky-etdrk2} (the conservative form),
 * {@code korteweg-de-vries-etdrk2}, {@code fisher-kpp-etdrk2}, their ETDRK4 forms
 * {@code kuramoto-sivashinsky-etdrk4} and {@code korteweg-de-vries-etdrk4}, the 2D
 * {@code navier-stokes-2d-etdrk}, {@code kolmogorov-2d-etdrk}, {@code gray-scott-2d-etdrk} and
 * {@code swift-hohenberg-2d-etdrk} (parameter {@code scheme}),
 * {@code diffusion-2d-exact}, {@code advection-2d-exact} and the
 * exact linear {@code advection-diffusion-1d-exact}, {@code dispersion-1d-exact},
 * {@code hyper-diffusion-1d-exact} and their {@code -2d-exact} counterparts. Each
 * takes the {@link Param} components of a record as its parameters: its own {@code Options}, or
 * for the spectral steppers their PDE's record in {@code PdeGrids}.
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
                @Param(value = "time step", defaultValue = "0.01", min = 0, minExclusive = true) double dt,
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
    public static final class BurgersProvider extends Base<PdeGrids.Burgers> {
        /** Service constructor. */
        public BurgersProvider() {
            super("burgers-etdrk2", "viscous Burgers, ETDRK2 on real DFT matrices, states (batch, 1, N), differentiable",
                    PdeGrids.Burgers.class, PdeGrids.Burgers::stepper);
        }
    }

    /** {@code diffusion-etd}. */
    public static final class DiffusionProvider extends Base<PdeGrids.Diffusion1d> {
        /** Service constructor. */
        public DiffusionProvider() {
            super("diffusion-etd", "periodic diffusion, exact in time, states (batch, 1, N), differentiable",
                    PdeGrids.Diffusion1d.class, PdeGrids.Diffusion1d::stepper);
        }
    }

    /** {@code kuramoto-sivashinsky-etdrk2}. */
    public static final class KuramotoSivashinskyProvider extends Base<PdeGrids.KuramotoSivashinsky> {
        /** Service constructor. */
        public KuramotoSivashinskyProvider() {
            super("kuramoto-sivashinsky-etdrk2", "Kuramoto-Sivashinsky, ETDRK2, states (batch, 1, N), differentiable",
                    PdeGrids.KuramotoSivashinsky.class, PdeGrids.KuramotoSivashinsky::stepper);
        }
    }

    /** {@code korteweg-de-vries-etdrk2}. */
    public static final class KortewegDeVriesProvider extends Base<PdeGrids.KortewegDeVries> {
        /** Service constructor. */
        public KortewegDeVriesProvider() {
            super("korteweg-de-vries-etdrk2", "Korteweg-de Vries u_t + b(u^2/2)_x + ξ u_xxx = ν u_xx - ζ u_xxxx, "
                    + "ETDRK2, states (batch, 1, N), differentiable",
                    PdeGrids.KortewegDeVries.class, PdeGrids.KortewegDeVries::stepper);
        }
    }

    /** {@code fisher-kpp-etdrk2}. */
    public static final class FisherKppProvider extends Base<PdeGrids.FisherKpp> {
        /** Service constructor. */
        public FisherKppProvider() {
            super("fisher-kpp-etdrk2", "Fisher-KPP u_t = ν u_xx + r u(1 - u), ETDRK2, states (batch, 1, N), "
                    + "differentiable", PdeGrids.FisherKpp.class, PdeGrids.FisherKpp::stepper);
        }
    }

    /** {@code diffusion-2d-exact}. */
    public static final class Diffusion2dProvider extends Base<PdeGrids.Diffusion2d> {
        /** Service constructor. */
        public Diffusion2dProvider() {
            super("diffusion-2d-exact", "periodic 2D diffusion, exact in time, states (batch, 1, N, N), differentiable",
                    PdeGrids.Diffusion2d.class, PdeGrids.Diffusion2d::stepper);
        }
    }

    /** {@code advection-2d-exact}. */
    public static final class Advection2dProvider extends Base<PdeGrids.Advection2d> {
        /** Service constructor. */
        public Advection2dProvider() {
            super("advection-2d-exact", "periodic 2D advection, exact spectral shift, states (batch, 1, N, N), "
                    + "differentiable", PdeGrids.Advection2d.class, PdeGrids.Advection2d::stepper);
        }
    }

    /** {@code advection-diffusion-1d-exact}. */
    public static final class AdvectionDiffusion1dProvider extends Base<PdeGrids.AdvectionDiffusion1d> {
        /** Service constructor. */
        public AdvectionDiffusion1dProvider() {
            super("advection-diffusion-1d-exact", "periodic 1D advection-diffusion, exact in time, states (batch, 1, N), differentiable",
                    PdeGrids.AdvectionDiffusion1d.class, PdeGrids.AdvectionDiffusion1d::stepper);
        }
    }

    /** {@code dispersion-1d-exact}. */
    public static final class Dispersion1dProvider extends Base<PdeGrids.Dispersion1d> {
        /** Service constructor. */
        public Dispersion1dProvider() {
            super("dispersion-1d-exact", "periodic 1D dispersion u_t = ξ u_xxx, exact in time, states (batch, 1, N), differentiable",
                    PdeGrids.Dispersion1d.class, PdeGrids.Dispersion1d::stepper);
        }
    }

    /** {@code hyper-diffusion-1d-exact}. */
    public static final class HyperDiffusion1dProvider extends Base<PdeGrids.HyperDiffusion1d> {
        /** Service constructor. */
        public HyperDiffusion1dProvider() {
            super("hyper-diffusion-1d-exact", "periodic 1D hyper-diffusion u_t = -ζ u_xxxx, exact in time, states (batch, 1, N), differentiable",
                    PdeGrids.HyperDiffusion1d.class, PdeGrids.HyperDiffusion1d::stepper);
        }
    }

    /** {@code advection-diffusion-2d-exact}. */
    public static final class AdvectionDiffusion2dProvider extends Base<PdeGrids.AdvectionDiffusion2d> {
        /** Service constructor. */
        public AdvectionDiffusion2dProvider() {
            super("advection-diffusion-2d-exact", "periodic 2D advection-diffusion, exact in time, states (batch, 1, N, N), differentiable",
                    PdeGrids.AdvectionDiffusion2d.class, PdeGrids.AdvectionDiffusion2d::stepper);
        }
    }

    /** {@code dispersion-2d-exact}. */
    public static final class Dispersion2dProvider extends Base<PdeGrids.Dispersion2d> {
        /** Service constructor. */
        public Dispersion2dProvider() {
            super("dispersion-2d-exact", "periodic 2D dispersion u_t = ξ (u_xxx + u_yyy), exact in time, states (batch, 1, N, N), differentiable",
                    PdeGrids.Dispersion2d.class, PdeGrids.Dispersion2d::stepper);
        }
    }

    /** {@code hyper-diffusion-2d-exact}. */
    public static final class HyperDiffusion2dProvider extends Base<PdeGrids.HyperDiffusion2d> {
        /** Service constructor. */
        public HyperDiffusion2dProvider() {
            super("hyper-diffusion-2d-exact", "periodic 2D hyper-diffusion u_t = -ζ (u_xxxx + u_yyyy), exact in time, states (batch, 1, N, N), differentiable",
                    PdeGrids.HyperDiffusion2d.class, PdeGrids.HyperDiffusion2d::stepper);
        }
    }

    /** {@code kuramoto-sivashinsky-etdrk4}. */
    public static final class KuramotoSivashinskyEtdrk4Provider extends Base<PdeGrids.KuramotoSivashinsky> {
        /** Service constructor. */
        public KuramotoSivashinskyEtdrk4Provider() {
            super("kuramoto-sivashinsky-etdrk4", "Kuramoto-Sivashinsky, ETDRK4, states (batch, 1, N), differentiable",
                    PdeGrids.KuramotoSivashinsky.class, grid -> grid.stepper().withScheme(EtdScheme.ETDRK4));
        }
    }

    /** {@code korteweg-de-vries-etdrk4}. */
    public static final class KortewegDeVriesEtdrk4Provider extends Base<PdeGrids.KortewegDeVries> {
        /** Service constructor. */
        public KortewegDeVriesEtdrk4Provider() {
            super("korteweg-de-vries-etdrk4", "Korteweg-de Vries u_t + b(u^2/2)_x + ξ u_xxx = ν u_xx - ζ u_xxxx, "
                    + "ETDRK4, states (batch, 1, N), differentiable",
                    PdeGrids.KortewegDeVries.class, grid -> grid.stepper().withScheme(EtdScheme.ETDRK4));
        }
    }

    /** {@code navier-stokes-2d-etdrk}. */
    public static final class NavierStokes2dProvider extends Base<PdeGrids.NavierStokes2d> {
        /** Service constructor. */
        public NavierStokes2dProvider() {
            super("navier-stokes-2d-etdrk", "decaying 2D turbulence, Navier-Stokes in vorticity form, ETDRK2 or "
                    + "ETDRK4, states (batch, 1, N, N), differentiable",
                    PdeGrids.NavierStokes2d.class, PdeGrids.NavierStokes2d::stepper);
        }
    }

    /** {@code kolmogorov-2d-etdrk}. */
    public static final class Kolmogorov2dProvider extends Base<PdeGrids.Kolmogorov2d> {
        /** Service constructor. */
        public Kolmogorov2dProvider() {
            super("kolmogorov-2d-etdrk", "2D Kolmogorov flow, forced Navier-Stokes in vorticity form, ETDRK2 or "
                    + "ETDRK4, states (batch, 1, N, N), differentiable",
                    PdeGrids.Kolmogorov2d.class, PdeGrids.Kolmogorov2d::stepper);
        }
    }

    /** {@code gray-scott-2d-etdrk}. */
    public static final class GrayScott2dProvider extends Base<PdeGrids.GrayScott2d> {
        /** Service constructor. */
        public GrayScott2dProvider() {
            super("gray-scott-2d-etdrk", "2D Gray-Scott reaction-diffusion, ETDRK2 or ETDRK4, states (batch, 2, N, N), "
                    + "differentiable", PdeGrids.GrayScott2d.class, PdeGrids.GrayScott2d::stepper);
        }
    }

    /** {@code swift-hohenberg-2d-etdrk}. */
    public static final class SwiftHohenberg2dProvider extends Base<PdeGrids.SwiftHohenberg2d> {
        /** Service constructor. */
        public SwiftHohenberg2dProvider() {
            super("swift-hohenberg-2d-etdrk", "2D Swift-Hohenberg u_t = ru - (k + Δ)²u + c₂u² + c₃u³, ETDRK2 or ETDRK4, "
                    + "states (batch, 1, N, N), differentiable",
                    PdeGrids.SwiftHohenberg2d.class, PdeGrids.SwiftHohenberg2d::stepper);
        }
    }
}
