package dev.trainax.evaluation;

import dev.trainax.api.RolloutMetric;
import dev.trainax.api.plugin.MetricProvider;
import dev.trainax.api.plugin.RecordProvider;
import java.lang.invoke.MethodHandles;
import java.util.function.Function;
import java.util.function.Supplier;

/** The {@link MetricProvider}s of this module, one small class per plugin id. */
public final class MetricProviders {

    private MetricProviders() {
    }

    /** The (empty) options of a metric without parameters. */
    private record NoOptions() {
    }

    /** A provider of a metric without parameters. */
    private abstract static class FixedProvider extends RecordProvider<NoOptions, RolloutMetric>
            implements MetricProvider {

        FixedProvider(String id, String description, Supplier<RolloutMetric> factory) {
            super(id, description, NoOptions.class, MethodHandles.lookup(), options -> factory.get());
        }
    }

    /** {@code mae}. */
    public static final class MaeProvider extends FixedProvider {
        /** Service constructor. */
        public MaeProvider() {
            super("mae", "mean absolute error over channels and space, per sample", PointwiseMetric::mae);
        }
    }

    /** {@code mse}. */
    public static final class MseProvider extends FixedProvider {
        /** Service constructor. */
        public MseProvider() {
            super("mse", "mean squared error over channels and space, per sample", PointwiseMetric::mse);
        }
    }

    /** {@code rmse}. */
    public static final class RmseProvider extends FixedProvider {
        /** Service constructor. */
        public RmseProvider() {
            super("rmse", "root mean squared error over channels and space, per sample", PointwiseMetric::rmse);
        }
    }

    /** {@code nmae}. */
    public static final class NmaeProvider extends FixedProvider {
        /** Service constructor. */
        public NmaeProvider() {
            super("nmae", "Σ|p − r| / Σ|r| per sample", PointwiseMetric::nmae);
        }
    }

    /** {@code nmse}. */
    public static final class NmseProvider extends FixedProvider {
        /** Service constructor. */
        public NmseProvider() {
            super("nmse", "‖p − r‖² / ‖r‖² per sample", PointwiseMetric::nmse);
        }
    }

    /** {@code nrmse}. */
    public static final class NrmseProvider extends FixedProvider {
        /** Service constructor. */
        public NrmseProvider() {
            super("nrmse", "‖p − r‖ / ‖r‖ per sample (APEBench's nRMSE)", PointwiseMetric::nrmse);
        }
    }

    /** {@code correlation}. */
    public static final class CorrelationProvider extends FixedProvider {
        /** Service constructor. */
        public CorrelationProvider() {
            super("correlation", "Pearson correlation over channels and space, per sample", Correlation::new);
        }
    }

    /** {@code fourier-nrmse}. */
    public static final class FourierNrmseProvider extends RecordProvider<FourierNrmse, RolloutMetric>
            implements MetricProvider {
        /** Service constructor. */
        public FourierNrmseProvider() {
            super("fourier-nrmse", "nRMSE over the Fourier modes low ≤ max|k_d| < high, optionally weighted by "
                    + "|k|^derivativeOrder", FourierNrmse.class, MethodHandles.lookup(), Function.identity());
        }
    }

    /** {@code h1-nrmse}. */
    public static final class H1NrmseProvider extends RecordProvider<H1Nrmse, RolloutMetric>
            implements MetricProvider {
        /** Service constructor. */
        public H1NrmseProvider() {
            super("h1-nrmse", "normalised H1 error √(‖e‖² + ‖∇e‖²) / √(‖r‖² + ‖∇r‖²), spectral gradient on the "
                    + "periodic domain of length domainExtent", H1Nrmse.class, MethodHandles.lookup(),
                    Function.identity());
        }
    }
}
