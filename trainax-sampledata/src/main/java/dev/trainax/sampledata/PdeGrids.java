package dev.trainax.sampledata;

import dev.trainax.api.Residuum;
import dev.trainax.api.Stepper;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.ParamGroup;
import dev.trainax.sampledata.FiniteDifferenceResiduum.Scheme;

/**
 * The grid, time-step and physics parameters of each spectral PDE, declared once for its data
 * source, reference stepper and residua, whose defaults agree; they are {@link ParamGroup}s of the
 * sources and residua and the whole parameter record of the steppers.
 */
final class PdeGrids {

    private PdeGrids() {
    }

    /** A periodic grid with its PDE and the spectral stepper on it. */
    interface PdeGrid {
        /** Grid points per axis. */
        int numPoints();

        /** The exact or ETDRK spectral step. */
        Stepper stepper();

        /** Channels of a state: 1 unless the PDE couples several fields. */
        default int channels() {
            return 1;
        }
    }

    /** A PDE grid that also has a finite-difference residuum. */
    interface PdeGridWithResiduum extends PdeGrid {
        /** The θ-method residuum of the same PDE. */
        Residuum residuum(Scheme scheme);
    }

    /** Periodic 1D diffusion. */
    record Diffusion1d(
            @Param(value = "grid points (even)", defaultValue = "64", min = 4) int numPoints,
            @Param(value = "domain length", defaultValue = "1.0", min = 0, minExclusive = true) double length,
            @Param(value = "time step", defaultValue = "0.01", min = 0, minExclusive = true) double dt,
            @Param(value = "ν", defaultValue = "0.01", min = 0) double viscosity) implements PdeGridWithResiduum {

        @Override
        public Stepper stepper() {
            return SpectralPde1d.diffusion(numPoints, viscosity, dt, length);
        }

        @Override
        public Residuum residuum(Scheme scheme) {
            return FiniteDifferenceResiduum.diffusion(scheme, numPoints, length, dt, viscosity);
        }
    }

    /** Viscous Burgers, by default the peer's APEBench-like workload. */
    record Burgers(
            @Param(value = "grid points (even)", defaultValue = "160", min = 4) int numPoints,
            @Param(value = "domain length", defaultValue = "1.0", min = 0, minExclusive = true) double length,
            @Param(value = "time step", defaultValue = "" + 3.0 / 320, min = 0, minExclusive = true) double dt,
            @Param(value = "ν", defaultValue = "" + 1.0 / 320, min = 0) double viscosity) implements PdeGridWithResiduum {

        @Override
        public Stepper stepper() {
            return SpectralPde1d.burgers(numPoints, viscosity, dt, length);
        }

        @Override
        public Residuum residuum(Scheme scheme) {
            return FiniteDifferenceResiduum.burgers(scheme, numPoints, length, dt, viscosity, 1.0);
        }
    }

    /** The chaotic Kuramoto–Sivashinsky equation. */
    record KuramotoSivashinsky(
            @Param(value = "grid points (even)", defaultValue = "128", min = 4) int numPoints,
            @Param(value = "domain length", defaultValue = "" + 32 * Math.PI,
                    min = 0, minExclusive = true) double length,
            @Param(value = "time step", defaultValue = "0.1",
                    min = 0, minExclusive = true) double dt) implements PdeGridWithResiduum {

        @Override
        public SpectralPde1d stepper() {
            return SpectralPde1d.kuramotoSivashinsky(numPoints, dt, length);
        }

        @Override
        public Residuum residuum(Scheme scheme) {
            return FiniteDifferenceResiduum.kuramotoSivashinsky(scheme, numPoints, length, dt);
        }
    }

    /**
     * Korteweg–de Vries {@code u_t + b·(u²/2)_x + ξ u_xxx = ν u_xx − ζ u_xxxx}: exponax's
     * convection b = −6 and dispersivity ξ = 1 without diffusion, a small hyper-diffusion ζ against
     * the build-up of the highest modes, on a domain of length 20.
     */
    record KortewegDeVries(
            @Param(value = "grid points (even)", defaultValue = "64", min = 4) int numPoints,
            @Param(value = "domain length", defaultValue = "20.0", min = 0, minExclusive = true) double length,
            @Param(value = "time step", defaultValue = "0.01", min = 0, minExclusive = true) double dt,
            @Param(value = "convection scale b of b·(u²/2)_x", defaultValue = "-6.0") double convection,
            @Param(value = "dispersivity ξ of ξ u_xxx", defaultValue = "1.0") double dispersivity,
            @Param(value = "ν", defaultValue = "0.0", min = 0) double viscosity,
            @Param(value = "hyper-diffusivity ζ", defaultValue = "0.0001", min = 0) double hyperDiffusivity)
            implements PdeGrid {

        @Override
        public SpectralPde1d stepper() {
            return SpectralPde1d.kortewegDeVries(numPoints, convection, dispersivity, viscosity, hyperDiffusivity,
                    dt, length);
        }
    }

    /** Fisher–KPP {@code u_t = ν u_xx + r u(1 − u)} with exponax's ν = 0.01, r = 1. */
    record FisherKpp(
            @Param(value = "grid points (even)", defaultValue = "64", min = 4) int numPoints,
            @Param(value = "domain length", defaultValue = "1.0", min = 0, minExclusive = true) double length,
            @Param(value = "time step", defaultValue = "0.01", min = 0, minExclusive = true) double dt,
            @Param(value = "ν", defaultValue = "0.01", min = 0) double viscosity,
            @Param(value = "reactivity r", defaultValue = "1.0", min = 0) double reactivity) implements PdeGrid {

        @Override
        public Stepper stepper() {
            return SpectralPde1d.fisherKpp(numPoints, viscosity, reactivity, dt, length);
        }
    }

    /** Periodic diffusion on a square. */
    record Diffusion2d(
            @Param(value = "grid points (even)", defaultValue = "32", min = 4) int numPoints,
            @Param(value = "domain length", defaultValue = "1.0", min = 0, minExclusive = true) double length,
            @Param(value = "time step", defaultValue = "0.01", min = 0, minExclusive = true) double dt,
            @Param(value = "ν", defaultValue = "0.01", min = 0) double viscosity) implements PdeGridWithResiduum {

        @Override
        public Stepper stepper() {
            return SpectralLinear.diffusion2d(numPoints, viscosity, dt, length);
        }

        @Override
        public Residuum residuum(Scheme scheme) {
            return FiniteDifferenceResiduum.diffusion2d(scheme, numPoints, length, dt, viscosity);
        }
    }

    /** Periodic advection on a square. */
    record Advection2d(
            @Param(value = "grid points (even)", defaultValue = "32", min = 4) int numPoints,
            @Param(value = "domain length", defaultValue = "1.0", min = 0, minExclusive = true) double length,
            @Param(value = "time step", defaultValue = "0.01", min = 0, minExclusive = true) double dt,
            @Param(value = "advection velocity along x", defaultValue = "1.0") double velocityX,
            @Param(value = "advection velocity along y", defaultValue = "0.5") double velocityY) implements PdeGridWithResiduum {

        @Override
        public Stepper stepper() {
            return SpectralLinear.advection2d(numPoints, velocityX, velocityY, dt, length);
        }

        @Override
        public Residuum residuum(Scheme scheme) {
            return FiniteDifferenceResiduum.advection2d(scheme, numPoints, length, dt, velocityX, velocityY);
        }
    }

    /** Periodic 1D advection–diffusion {@code u_t + c u_x = ν u_xx} (exponax's defaults c = 1, ν = 0.01). */
    record AdvectionDiffusion1d(
            @Param(value = "grid points (even)", defaultValue = "64", min = 4) int numPoints,
            @Param(value = "domain length", defaultValue = "1.0", min = 0, minExclusive = true) double length,
            @Param(value = "time step", defaultValue = "0.01", min = 0, minExclusive = true) double dt,
            @Param(value = "advection velocity c", defaultValue = "1.0") double velocity,
            @Param(value = "ν", defaultValue = "0.01", min = 0) double viscosity) implements PdeGrid {

        @Override
        public Stepper stepper() {
            return SpectralLinear.advectionDiffusion1d(numPoints, velocity, viscosity, dt, length);
        }
    }

    /** Periodic 1D dispersion {@code u_t = ξ u_xxx}. */
    record Dispersion1d(
            @Param(value = "grid points (even)", defaultValue = "64", min = 4) int numPoints,
            @Param(value = "domain length", defaultValue = "1.0", min = 0, minExclusive = true) double length,
            @Param(value = "time step", defaultValue = "0.01", min = 0, minExclusive = true) double dt,
            @Param(value = "dispersivity ξ (its sign sets the direction)", defaultValue = "0.001") double dispersivity)
            implements PdeGrid {

        @Override
        public Stepper stepper() {
            return SpectralLinear.dispersion1d(numPoints, dispersivity, dt, length);
        }
    }

    /** Periodic 1D hyper-diffusion {@code u_t = −ζ u_xxxx}. */
    record HyperDiffusion1d(
            @Param(value = "grid points (even)", defaultValue = "64", min = 4) int numPoints,
            @Param(value = "domain length", defaultValue = "1.0", min = 0, minExclusive = true) double length,
            @Param(value = "time step", defaultValue = "0.01", min = 0, minExclusive = true) double dt,
            @Param(value = "hyper-diffusivity ζ", defaultValue = "0.00001", min = 0) double hyperDiffusivity)
            implements PdeGrid {

        @Override
        public Stepper stepper() {
            return SpectralLinear.hyperDiffusion1d(numPoints, hyperDiffusivity, dt, length);
        }
    }

    /** Periodic advection–diffusion {@code u_t + c·∇u = ν Δu} on a square. */
    record AdvectionDiffusion2d(
            @Param(value = "grid points (even)", defaultValue = "32", min = 4) int numPoints,
            @Param(value = "domain length", defaultValue = "1.0", min = 0, minExclusive = true) double length,
            @Param(value = "time step", defaultValue = "0.01", min = 0, minExclusive = true) double dt,
            @Param(value = "advection velocity along x", defaultValue = "1.0") double velocityX,
            @Param(value = "advection velocity along y", defaultValue = "0.5") double velocityY,
            @Param(value = "ν", defaultValue = "0.01", min = 0) double viscosity) implements PdeGrid {

        @Override
        public Stepper stepper() {
            return SpectralLinear.advectionDiffusion2d(numPoints, velocityX, velocityY, viscosity, dt, length);
        }
    }

    /** Periodic dispersion {@code u_t = ξ (u_xxx + u_yyy)} on a square. */
    record Dispersion2d(
            @Param(value = "grid points (even)", defaultValue = "32", min = 4) int numPoints,
            @Param(value = "domain length", defaultValue = "1.0", min = 0, minExclusive = true) double length,
            @Param(value = "time step", defaultValue = "0.01", min = 0, minExclusive = true) double dt,
            @Param(value = "dispersivity ξ (its sign sets the direction)", defaultValue = "0.001") double dispersivity)
            implements PdeGrid {

        @Override
        public Stepper stepper() {
            return SpectralLinear.dispersion2d(numPoints, dispersivity, dt, length);
        }
    }

    /** Periodic hyper-diffusion {@code u_t = −ζ (u_xxxx + u_yyyy)} on a square. */
    record HyperDiffusion2d(
            @Param(value = "grid points (even)", defaultValue = "32", min = 4) int numPoints,
            @Param(value = "domain length", defaultValue = "1.0", min = 0, minExclusive = true) double length,
            @Param(value = "time step", defaultValue = "0.01", min = 0, minExclusive = true) double dt,
            @Param(value = "hyper-diffusivity ζ", defaultValue = "0.00001", min = 0) double hyperDiffusivity)
            implements PdeGrid {

        @Override
        public Stepper stepper() {
            return SpectralLinear.hyperDiffusion2d(numPoints, hyperDiffusivity, dt, length);
        }
    }

    /**
     * Decaying turbulence, 2D Navier–Stokes in vorticity form, with APEBench's L = 1, Δt = 0.1,
     * ν = 10⁻⁴ (on a coarser default grid).
     */
    record NavierStokes2d(
            @Param(value = "grid points (even)", defaultValue = "32", min = 4) int numPoints,
            @Param(value = "domain length", defaultValue = "1.0", min = 0, minExclusive = true) double length,
            @Param(value = "time step", defaultValue = "0.1", min = 0, minExclusive = true) double dt,
            @Param(value = "ETD steps per time step", defaultValue = "1", min = 1) int substeps,
            @Param(value = "ν", defaultValue = "0.0001", min = 0) double viscosity,
            @Param(value = "drag λ of λω", defaultValue = "0.0") double drag,
            @Param(value = "scale b of the convection", defaultValue = "1.0") double convection,
            @Param(value = "time stepper", defaultValue = "etdrk2") EtdScheme scheme) implements PdeGrid {

        @Override
        public Stepper stepper() {
            return SpectralPde2d.navierStokes(numPoints, length, dt, substeps, viscosity, drag, convection, scheme);
        }
    }

    /**
     * Kolmogorov flow with exponax's forcing (mode 4, scale 1) and drag −0.1 and APEBench's
     * L = 2π, ν = 0.01 (Re = 100), Δt = 0.1 in 20 substeps.
     */
    record Kolmogorov2d(
            @Param(value = "grid points (even)", defaultValue = "32", min = 4) int numPoints,
            @Param(value = "domain length", defaultValue = "" + 2 * Math.PI, min = 0, minExclusive = true)
            double length,
            @Param(value = "time step", defaultValue = "0.1", min = 0, minExclusive = true) double dt,
            @Param(value = "ETD steps per time step", defaultValue = "20", min = 1) int substeps,
            @Param(value = "ν", defaultValue = "0.01", min = 0) double viscosity,
            @Param(value = "drag λ of λω", defaultValue = "-0.1") double drag,
            @Param(value = "scale b of the convection", defaultValue = "1.0") double convection,
            @Param(value = "forced mode n of the vorticity forcing -nγ cos(2πn x/L)", defaultValue = "4", min = 0)
            int injectionMode,
            @Param(value = "forcing amplitude γ", defaultValue = "1.0") double injectionScale,
            @Param(value = "time stepper", defaultValue = "etdrk2") EtdScheme scheme) implements PdeGrid {

        @Override
        public Stepper stepper() {
            return SpectralPde2d.kolmogorov(numPoints, length, dt, substeps, viscosity, drag, convection,
                    injectionMode, injectionScale, scheme);
        }
    }

    /**
     * Gray–Scott with exponax's ν₁ = 2·10⁻⁵, ν₂ = 10⁻⁵, f = 0.04, k = 0.06 and APEBench's L = 1,
     * Δt = 10 in 10 substeps; two channels.
     */
    record GrayScott2d(
            @Param(value = "grid points (even)", defaultValue = "32", min = 4) int numPoints,
            @Param(value = "domain length", defaultValue = "1.0", min = 0, minExclusive = true) double length,
            @Param(value = "time step", defaultValue = "10.0", min = 0, minExclusive = true) double dt,
            @Param(value = "ETD steps per time step", defaultValue = "10", min = 1) int substeps,
            @Param(value = "diffusivity ν₁ of u", defaultValue = "0.00002", min = 0) double diffusivityU,
            @Param(value = "diffusivity ν₂ of v", defaultValue = "0.00001", min = 0) double diffusivityV,
            @Param(value = "feed rate f", defaultValue = "0.04") double feedRate,
            @Param(value = "kill rate k", defaultValue = "0.06") double killRate,
            @Param(value = "time stepper", defaultValue = "etdrk2") EtdScheme scheme) implements PdeGrid {

        @Override
        public Stepper stepper() {
            return SpectralPde2d.grayScott(numPoints, length, dt, substeps, diffusivityU, diffusivityV, feedRate,
                    killRate, scheme);
        }

        @Override
        public int channels() {
            return 2;
        }
    }

    /**
     * Swift–Hohenberg with exponax's r = 0.7, k = 1, g(u) = u² − u³ and APEBench's L = 10π, Δt = 0.1
     * in 5 substeps.
     */
    record SwiftHohenberg2d(
            @Param(value = "grid points (even)", defaultValue = "32", min = 4) int numPoints,
            @Param(value = "domain length", defaultValue = "" + 10 * Math.PI, min = 0, minExclusive = true)
            double length,
            @Param(value = "time step", defaultValue = "0.1", min = 0, minExclusive = true) double dt,
            @Param(value = "ETD steps per time step", defaultValue = "5", min = 1) int substeps,
            @Param(value = "reactivity r", defaultValue = "0.7") double reactivity,
            @Param(value = "critical number k of (k + Δ)²", defaultValue = "1.0") double criticalNumber,
            @Param(value = "coefficient c₂ of u² in g(u)", defaultValue = "1.0") double quadratic,
            @Param(value = "coefficient c₃ of u³ in g(u)", defaultValue = "-1.0") double cubic,
            @Param(value = "time stepper", defaultValue = "etdrk2") EtdScheme scheme) implements PdeGrid {

        @Override
        public Stepper stepper() {
            return SpectralPde2d.swiftHohenberg(numPoints, length, dt, substeps, reactivity, criticalNumber, quadratic,
                    cubic, scheme);
        }
    }
}
