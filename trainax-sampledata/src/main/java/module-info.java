/**
 * Reference physics and sample data: the exact Fourier-spectral periodic advection generator, the
 * first-order-upwind advection stepper, Lorenz-63 with RK4, diffusion, viscous Burgers,
 * Kuramoto–Sivashinsky, Korteweg–de Vries and Fisher–KPP with ETDRK2 or ETDRK4, 2D Navier–Stokes in
 * vorticity form (decaying turbulence, Kolmogorov flow), 2D Gray–Scott and Swift–Hohenberg, exact linear PDEs in 1D and 2D (diffusion, advection,
 * advection–diffusion, dispersion, hyper-diffusion), and implicit-Euler and
 * Crank–Nicolson residua, and APEBench-like scenario presets per PDE. Exported for plain-Java users; the steppers are also
 * {@link dev.trainax.api.plugin.ReferenceStepperProvider} plugins.
 */
module dev.trainax.sampledata {
    requires dev.trainax.api;
    requires jdk.unsupported;

    exports dev.trainax.sampledata;

    provides dev.trainax.api.plugin.ReferenceStepperProvider with
            dev.trainax.sampledata.ReferenceStepperProviders.FirstOrderUpwindProvider,
            dev.trainax.sampledata.ReferenceStepperProviders.Lorenz63Provider,
            dev.trainax.sampledata.ReferenceStepperProviders.BurgersProvider,
            dev.trainax.sampledata.ReferenceStepperProviders.DiffusionProvider,
            dev.trainax.sampledata.ReferenceStepperProviders.KuramotoSivashinskyProvider,
            dev.trainax.sampledata.ReferenceStepperProviders.KortewegDeVriesProvider,
            dev.trainax.sampledata.ReferenceStepperProviders.FisherKppProvider,
            dev.trainax.sampledata.ReferenceStepperProviders.Diffusion2dProvider,
            dev.trainax.sampledata.ReferenceStepperProviders.Advection2dProvider,
            dev.trainax.sampledata.ReferenceStepperProviders.AdvectionDiffusion1dProvider,
            dev.trainax.sampledata.ReferenceStepperProviders.Dispersion1dProvider,
            dev.trainax.sampledata.ReferenceStepperProviders.HyperDiffusion1dProvider,
            dev.trainax.sampledata.ReferenceStepperProviders.AdvectionDiffusion2dProvider,
            dev.trainax.sampledata.ReferenceStepperProviders.Dispersion2dProvider,
            dev.trainax.sampledata.ReferenceStepperProviders.HyperDiffusion2dProvider,
            dev.trainax.sampledata.ReferenceStepperProviders.KuramotoSivashinskyEtdrk4Provider,
            dev.trainax.sampledata.ReferenceStepperProviders.KortewegDeVriesEtdrk4Provider,
            dev.trainax.sampledata.ReferenceStepperProviders.NavierStokes2dProvider,
            dev.trainax.sampledata.ReferenceStepperProviders.Kolmogorov2dProvider,
            dev.trainax.sampledata.ReferenceStepperProviders.GrayScott2dProvider,
            dev.trainax.sampledata.ReferenceStepperProviders.SwiftHohenberg2dProvider;
    provides dev.trainax.api.plugin.ResiduumProvider with
            dev.trainax.sampledata.ResiduumProviders.DiffusionProvider,
            dev.trainax.sampledata.ResiduumProviders.BurgersProvider,
            dev.trainax.sampledata.ResiduumProviders.Advection1dProvider,
            dev.trainax.sampledata.ResiduumProviders.KuramotoSivashinskyProvider,
            dev.trainax.sampledata.ResiduumProviders.Diffusion2dProvider,
            dev.trainax.sampledata.ResiduumProviders.Advection2dProvider,
            dev.trainax.sampledata.ResiduumProviders.DiffusionImplicitEulerProvider,
            dev.trainax.sampledata.ResiduumProviders.BurgersImplicitEulerProvider;
    provides dev.trainax.api.plugin.DataSourceProvider with
            dev.trainax.sampledata.DataSourceProviders.Advection1dProvider,
            dev.trainax.sampledata.DataSourceProviders.Lorenz63Provider,
            dev.trainax.sampledata.DataSourceProviders.Burgers1dProvider,
            dev.trainax.sampledata.DataSourceProviders.Diffusion1dProvider,
            dev.trainax.sampledata.DataSourceProviders.KuramotoSivashinsky1dProvider,
            dev.trainax.sampledata.DataSourceProviders.KortewegDeVries1dProvider,
            dev.trainax.sampledata.DataSourceProviders.FisherKpp1dProvider,
            dev.trainax.sampledata.DataSourceProviders.Diffusion2dProvider,
            dev.trainax.sampledata.DataSourceProviders.Advection2dProvider,
            dev.trainax.sampledata.DataSourceProviders.AdvectionDiffusion1dProvider,
            dev.trainax.sampledata.DataSourceProviders.Dispersion1dProvider,
            dev.trainax.sampledata.DataSourceProviders.HyperDiffusion1dProvider,
            dev.trainax.sampledata.DataSourceProviders.AdvectionDiffusion2dProvider,
            dev.trainax.sampledata.DataSourceProviders.Dispersion2dProvider,
            dev.trainax.sampledata.DataSourceProviders.HyperDiffusion2dProvider,
            dev.trainax.sampledata.DataSourceProviders.NavierStokes2dProvider,
            dev.trainax.sampledata.DataSourceProviders.Kolmogorov2dProvider,
            dev.trainax.sampledata.DataSourceProviders.GrayScott2dProvider,
            dev.trainax.sampledata.DataSourceProviders.SwiftHohenberg2dProvider,
            dev.trainax.sampledata.DataSourceProviders.NpyFileProvider;
    provides dev.trainax.api.plugin.ScenarioProvider with
            dev.trainax.sampledata.ScenarioProviders.Burgers1d,
            dev.trainax.sampledata.ScenarioProviders.Diffusion1d,
            dev.trainax.sampledata.ScenarioProviders.KuramotoSivashinsky1d,
            dev.trainax.sampledata.ScenarioProviders.KortewegDeVries1d,
            dev.trainax.sampledata.ScenarioProviders.FisherKpp1d,
            dev.trainax.sampledata.ScenarioProviders.AdvectionDiffusion1d,
            dev.trainax.sampledata.ScenarioProviders.Dispersion1d,
            dev.trainax.sampledata.ScenarioProviders.HyperDiffusion1d,
            dev.trainax.sampledata.ScenarioProviders.Diffusion2d,
            dev.trainax.sampledata.ScenarioProviders.Advection2d,
            dev.trainax.sampledata.ScenarioProviders.AdvectionDiffusion2d,
            dev.trainax.sampledata.ScenarioProviders.Dispersion2d,
            dev.trainax.sampledata.ScenarioProviders.HyperDiffusion2d,
            dev.trainax.sampledata.ScenarioProviders.NavierStokes2d,
            dev.trainax.sampledata.ScenarioProviders.Kolmogorov2d,
            dev.trainax.sampledata.ScenarioProviders.GrayScott2d,
            dev.trainax.sampledata.ScenarioProviders.SwiftHohenberg2d;
}
