package dev.trainax.losses;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.testkit.LossKit;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** Every built-in loss against the loss compatibility kit. */
class LossKitTest {

    /** A loss whose value depends only on |p − t|: symmetric. */
    abstract static class SymmetricKit extends LossKit {
        @Override
        protected boolean symmetric() {
            return true;
        }
    }

    @Nested
    class MseKit extends SymmetricKit {
        @Override
        protected TimeLevelLoss loss() {
            return MeanPowerLoss.mse(BatchReduction.MEAN);
        }
    }

    @Nested
    class MseSumKit extends SymmetricKit {
        @Override
        protected TimeLevelLoss loss() {
            return MeanPowerLoss.mse(BatchReduction.SUM);
        }
    }

    @Nested
    class MaeKit extends SymmetricKit {
        @Override
        protected TimeLevelLoss loss() {
            return MeanPowerLoss.mae(BatchReduction.MEAN);
        }
    }

    @Nested
    class RmseKit extends SymmetricKit {
        @Override
        protected TimeLevelLoss loss() {
            return MeanPowerLoss.rmse(BatchReduction.MEAN);
        }
    }

    @Nested
    class LpKit extends SymmetricKit {
        @Override
        protected TimeLevelLoss loss() {
            return MeanPowerLoss.lp(3, false, BatchReduction.MEAN);
        }
    }

    @Nested
    class NmseKit extends LossKit {
        @Override
        protected TimeLevelLoss loss() {
            return MeanPowerLoss.nmse(BatchReduction.MEAN);
        }
    }

    @Nested
    class NmaeKit extends LossKit {
        @Override
        protected TimeLevelLoss loss() {
            return MeanPowerLoss.nmae(BatchReduction.MEAN);
        }
    }

    @Nested
    class NrmseKit extends LossKit {
        @Override
        protected TimeLevelLoss loss() {
            return MeanPowerLoss.nrmse(BatchReduction.MEAN);
        }
    }

    @Nested
    class NormalizedLpSumKit extends LossKit {
        @Override
        protected TimeLevelLoss loss() {
            return MeanPowerLoss.lp(1.5, true, BatchReduction.SUM);
        }
    }

    @Nested
    class CompositeKit extends SymmetricKit {
        @Override
        protected TimeLevelLoss loss() {
            return new CompositeLoss(List.of(MeanPowerLoss.mse(BatchReduction.MEAN),
                    MeanPowerLoss.mae(BatchReduction.MEAN)), new double[] {1.0, 0.5});
        }
    }

    @Nested
    class CompositeWithANormalizedPartKit extends LossKit {
        @Override
        protected TimeLevelLoss loss() {
            return new CompositeLoss(List.of(MeanPowerLoss.mse(BatchReduction.MEAN),
                    MeanPowerLoss.nmse(BatchReduction.MEAN)), new double[] {1.0, 2.0});
        }
    }

    @Nested
    class H1Kit extends SymmetricKit {
        @Override
        protected TimeLevelLoss loss() {
            return SobolevLoss.h1(1.0, false, BatchReduction.MEAN);
        }
    }

    @Nested
    class NormalizedH1SumKit extends LossKit {
        @Override
        protected TimeLevelLoss loss() {
            return SobolevLoss.h1(2.0, true, BatchReduction.SUM);
        }
    }

    @Nested
    class FourierBandKit extends SymmetricKit {
        @Override
        protected TimeLevelLoss loss() {
            return new FourierLoss(new FourierLoss.Options(1, 3, 1, 1.0, false, BatchReduction.MEAN));
        }
    }

    @Nested
    class NormalizedFourierKit extends LossKit {
        @Override
        protected TimeLevelLoss loss() {
            return new FourierLoss(new FourierLoss.Options(0, 2, 0, 1.0, true, BatchReduction.MEAN));
        }
    }
}
