package dev.trainax.evaluation;

import dev.trainax.api.RolloutMetric;
import dev.trainax.testkit.MetricKit;
import org.junit.jupiter.api.Nested;

/** Every built-in metric against the metric compatibility kit. */
class MetricKitTest {

    @Nested
    class MaeKit extends MetricKit {
        @Override
        protected RolloutMetric metric() {
            return PointwiseMetric.mae();
        }

        @Override
        protected boolean symmetric() {
            return true;
        }

        @Override
        protected boolean homogeneous() {
            return true;
        }
    }

    @Nested
    class MseKit extends MetricKit {
        @Override
        protected RolloutMetric metric() {
            return PointwiseMetric.mse();
        }

        @Override
        protected boolean symmetric() {
            return true;
        }
    }

    @Nested
    class RmseKit extends MetricKit {
        @Override
        protected RolloutMetric metric() {
            return PointwiseMetric.rmse();
        }

        @Override
        protected boolean symmetric() {
            return true;
        }

        @Override
        protected boolean homogeneous() {
            return true;
        }
    }

    /** A metric normalised by the reference: unchanged by a common scaling, not symmetric. */
    abstract static class NormalisedKit extends MetricKit {
        @Override
        protected boolean scaleInvariant() {
            return true;
        }
    }

    @Nested
    class NmaeKit extends NormalisedKit {
        @Override
        protected RolloutMetric metric() {
            return PointwiseMetric.nmae();
        }
    }

    @Nested
    class NmseKit extends NormalisedKit {
        @Override
        protected RolloutMetric metric() {
            return PointwiseMetric.nmse();
        }
    }

    @Nested
    class NrmseKit extends NormalisedKit {
        @Override
        protected RolloutMetric metric() {
            return PointwiseMetric.nrmse();
        }
    }

    @Nested
    class CorrelationKit extends MetricKit {
        @Override
        protected RolloutMetric metric() {
            return new Correlation();
        }

        @Override
        protected boolean isError() {
            return false;
        }

        @Override
        protected boolean symmetric() {
            return true;
        }

        @Override
        protected boolean scaleInvariant() {
            return true;
        }
    }

    @Nested
    class FourierNrmseKit extends NormalisedKit {
        @Override
        protected RolloutMetric metric() {
            return new FourierNrmse();
        }
    }

    @Nested
    class FourierNrmseBandKit extends NormalisedKit {
        @Override
        protected RolloutMetric metric() {
            return new FourierNrmse(1, 3, 1.5);
        }
    }

    @Nested
    class H1NrmseKit extends NormalisedKit {
        @Override
        protected RolloutMetric metric() {
            return new H1Nrmse(2.5);
        }
    }
}
