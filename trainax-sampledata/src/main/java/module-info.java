/**
 * Reference physics and sample data: the exact Fourier-spectral periodic advection generator, the
 * first-order-upwind advection stepper, Lorenz-63 with RK4, diffusion, viscous Burgers and
 * Kuramoto–Sivashinsky with ETDRK2, exact 2D diffusion and advection, and implicit-Euler and
 * Crank–Nicolson residua. Exported for plain-Java users; the steppers are also
 * {@link dev.trainax.api.plugin.ReferenceStepperProvider} plugins.
 */
module dev.trainax.sampledata {
    requires dev.trainax.api;
    requires jdk.unsupported;

    exports dev.trainax.sampledata;

    provides dev.trainax.api.plugin.ReferenceStepperProvider with
            dev.trainax.sampledata.FirstOrderUpwindProvider,
            dev.trainax.sampledata.Lorenz63Provider,
            dev.trainax.sampledata.SpectralPdeProviders.Burgers,
            dev.trainax.sampledata.SpectralPdeProviders.Diffusion,
            dev.trainax.sampledata.SpectralPdeProviders.KuramotoSivashinsky,
            dev.trainax.sampledata.SpectralPdeProviders.Diffusion2d,
            dev.trainax.sampledata.SpectralPdeProviders.Advection2d;
    provides dev.trainax.api.plugin.ResiduumProvider with
            dev.trainax.sampledata.ResiduumProviders.Diffusion,
            dev.trainax.sampledata.ResiduumProviders.Burgers,
            dev.trainax.sampledata.ResiduumProviders.Advection,
            dev.trainax.sampledata.ResiduumProviders.KuramotoSivashinsky,
            dev.trainax.sampledata.ResiduumProviders.Diffusion2d,
            dev.trainax.sampledata.ResiduumProviders.Advection2d,
            dev.trainax.sampledata.ResiduumProviders.DiffusionImplicitEuler,
            dev.trainax.sampledata.ResiduumProviders.BurgersImplicitEuler;
    provides dev.trainax.api.plugin.DataSourceProvider with
            dev.trainax.sampledata.DataSourceProviders.Advection1dProvider,
            dev.trainax.sampledata.DataSourceProviders.Lorenz63DataProvider,
            dev.trainax.sampledata.DataSourceProviders.Burgers1dDataProvider,
            dev.trainax.sampledata.DataSourceProviders.Diffusion1dDataProvider,
            dev.trainax.sampledata.DataSourceProviders.KuramotoSivashinskyDataProvider,
            dev.trainax.sampledata.DataSourceProviders.Diffusion2dDataProvider,
            dev.trainax.sampledata.DataSourceProviders.Advection2dDataProvider,
            dev.trainax.sampledata.DataSourceProviders.NpyFileProvider;
}
