package dev.trainax.sampledata;

import dev.trainax.api.Residuum;
import dev.trainax.api.Stepper;
import dev.trainax.sampledata.FiniteDifferenceResiduum.Scheme;
import dev.trainax.testkit.ReferenceStepperKit;
import dev.trainax.testkit.ResiduumKit;
import org.junit.jupiter.api.Nested;

/** Every reference stepper and residuum of this module, on small grids, against its compatibility kit. */
class SampleDataKitTest {

    private static final long[] LINE = {1, 8};
    private static final long[] SQUARE = {1, 6, 6};

    @Nested
    class FirstOrderUpwindKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return new FirstOrderUpwind(-0.75);
        }

        @Override
        protected long[] stateShape() {
            return LINE;
        }
    }

    @Nested
    class FirstOrderUpwindDirichletKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return new FirstOrderUpwind(0.5, FirstOrderUpwind.Boundary.DIRICHLET);
        }

        @Override
        protected long[] stateShape() {
            return LINE;
        }
    }

    @Nested
    class Lorenz63Kit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return Lorenz63.classic(0.01);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {3};
        }
    }

    @Nested
    class BurgersKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return SpectralPde1d.burgers(8, 0.01, 0.01, 1.0);
        }

        @Override
        protected long[] stateShape() {
            return LINE;
        }
    }

    @Nested
    class DiffusionKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return SpectralPde1d.diffusion(8, 0.01, 0.01, 1.0);
        }

        @Override
        protected long[] stateShape() {
            return LINE;
        }
    }

    @Nested
    class KuramotoSivashinskyKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return SpectralPde1d.kuramotoSivashinsky(8, 0.1, 22.0);
        }

        @Override
        protected long[] stateShape() {
            return LINE;
        }
    }

    @Nested
    class KortewegDeVriesKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return SpectralPde1d.kortewegDeVries(8, -6.0, 1.0, 0.0, 1e-4, 0.01, 20.0);
        }

        @Override
        protected long[] stateShape() {
            return LINE;
        }
    }

    @Nested
    class FisherKppKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return SpectralPde1d.fisherKpp(8, 0.01, 1.0, 0.01, 1.0);
        }

        @Override
        protected long[] stateShape() {
            return LINE;
        }
    }

    @Nested
    class Diffusion2dKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return SpectralLinear.diffusion2d(6, 0.01, 0.01, 1.0);
        }

        @Override
        protected long[] stateShape() {
            return SQUARE;
        }
    }

    @Nested
    class Advection2dKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return SpectralLinear.advection2d(6, 1.0, -0.5, 0.01, 1.0);
        }

        @Override
        protected long[] stateShape() {
            return SQUARE;
        }
    }

    @Nested
    class BurgersResiduumKit extends ResiduumKit {
        @Override
        protected Residuum residuum() {
            return FiniteDifferenceResiduum.burgers(Scheme.CRANK_NICOLSON, 8, 1.0, 0.01, 0.01, 1.0);
        }

        @Override
        protected long[] stateShape() {
            return LINE;
        }
    }

    @Nested
    class DiffusionResiduumKit extends ResiduumKit {
        @Override
        protected Residuum residuum() {
            return FiniteDifferenceResiduum.diffusion(Scheme.IMPLICIT_EULER, 8, 1.0, 0.01, 0.01);
        }

        @Override
        protected long[] stateShape() {
            return LINE;
        }
    }

    @Nested
    class AdvectionResiduumKit extends ResiduumKit {
        @Override
        protected Residuum residuum() {
            return FiniteDifferenceResiduum.advection(Scheme.CRANK_NICOLSON, 8, 1.0, 0.01, 1.0);
        }

        @Override
        protected long[] stateShape() {
            return LINE;
        }
    }

    @Nested
    class KuramotoSivashinskyResiduumKit extends ResiduumKit {
        @Override
        protected Residuum residuum() {
            return FiniteDifferenceResiduum.kuramotoSivashinsky(Scheme.IMPLICIT_EULER, 8, 22.0, 0.1);
        }

        @Override
        protected long[] stateShape() {
            return LINE;
        }
    }

    @Nested
    class Diffusion2dResiduumKit extends ResiduumKit {
        @Override
        protected Residuum residuum() {
            return FiniteDifferenceResiduum.diffusion2d(Scheme.CRANK_NICOLSON, 6, 1.0, 0.01, 0.01);
        }

        @Override
        protected long[] stateShape() {
            return SQUARE;
        }
    }

    @Nested
    class Advection2dResiduumKit extends ResiduumKit {
        @Override
        protected Residuum residuum() {
            return FiniteDifferenceResiduum.advection2d(Scheme.IMPLICIT_EULER, 6, 1.0, 0.01, 1.0, 0.5);
        }

        @Override
        protected long[] stateShape() {
            return SQUARE;
        }
    }

    @Nested
    class AdvectionDiffusion1dKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return SpectralLinear.advectionDiffusion1d(8, 1.0, 0.01, 0.01, 1.0);
        }

        @Override
        protected long[] stateShape() {
            return LINE;
        }
    }

    @Nested
    class Dispersion1dKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return SpectralLinear.dispersion1d(8, 0.001, 0.01, 1.0);
        }

        @Override
        protected long[] stateShape() {
            return LINE;
        }
    }

    @Nested
    class HyperDiffusion1dKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return SpectralLinear.hyperDiffusion1d(8, 1e-4, 0.01, 1.0);
        }

        @Override
        protected long[] stateShape() {
            return LINE;
        }
    }

    @Nested
    class AdvectionDiffusion2dKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return SpectralLinear.advectionDiffusion2d(6, 1.0, -0.5, 0.01, 0.01, 1.0);
        }

        @Override
        protected long[] stateShape() {
            return SQUARE;
        }
    }

    @Nested
    class Dispersion2dKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return SpectralLinear.dispersion2d(6, 0.001, 0.01, 1.0);
        }

        @Override
        protected long[] stateShape() {
            return SQUARE;
        }
    }

    @Nested
    class HyperDiffusion2dKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return SpectralLinear.hyperDiffusion2d(6, 1e-4, 0.01, 1.0);
        }

        @Override
        protected long[] stateShape() {
            return SQUARE;
        }
    }

    @Nested
    class KuramotoSivashinskyEtdrk4Kit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return SpectralPde1d.kuramotoSivashinsky(8, 0.1, 22.0).withScheme(EtdScheme.ETDRK4);
        }

        @Override
        protected long[] stateShape() {
            return LINE;
        }
    }

    @Nested
    class NavierStokes2dKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return SpectralPde2d.navierStokes(6, 1.0, 0.01, 1, 0.01, 0.0, 1.0, EtdScheme.ETDRK2);
        }

        @Override
        protected long[] stateShape() {
            return SQUARE;
        }
    }

    @Nested
    class Kolmogorov2dKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return SpectralPde2d.kolmogorov(6, 2 * Math.PI, 0.02, 1, 0.01, -0.1, 1.0, 1, 1.0, EtdScheme.ETDRK2);
        }

        @Override
        protected long[] stateShape() {
            return SQUARE;
        }
    }

    @Nested
    class GrayScott2dKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return SpectralPde2d.grayScott(6, 1.0, 1.0, 1, 2e-5, 1e-5, 0.04, 0.06, EtdScheme.ETDRK2);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {2, 6, 6};
        }
    }

    @Nested
    class SwiftHohenberg2dKit extends ReferenceStepperKit {
        @Override
        protected Stepper stepper() {
            return SpectralPde2d.swiftHohenberg(6, 10.0, 0.1, 1, 0.7, 1.0, 1.0, -1.0, EtdScheme.ETDRK2);
        }

        @Override
        protected long[] stateShape() {
            return SQUARE;
        }
    }
}
