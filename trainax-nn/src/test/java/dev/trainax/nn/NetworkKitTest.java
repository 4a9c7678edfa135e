package dev.trainax.nn;

import dev.trainax.api.Network;
import dev.trainax.testkit.NetworkKit;
import org.junit.jupiter.api.Nested;

/** Every built-in architecture, at a tiny size, against the network compatibility kit. */
class NetworkKitTest {

    @Nested
    class MlpKit extends NetworkKit {
        @Override
        protected Network network() {
            return new Mlp(4, 5, 2, Activation.TANH);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {4};
        }
    }

    @Nested
    class Conv1dKit extends NetworkKit {
        @Override
        protected Network network() {
            return new Conv1d(2, 2, 3, true, Padding.CIRCULAR);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {2, 7};
        }
    }

    @Nested
    class Conv1dKernelTwoKit extends NetworkKit {
        @Override
        protected Network network() {
            return new Conv1d(1, 1, 2, false);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {1, 6};
        }
    }

    @Nested
    class Conv2dKit extends NetworkKit {
        @Override
        protected Network network() {
            return new Conv2d(1, 1, 3, true, Padding.REFLECT);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {1, 4, 5};
        }
    }

    @Nested
    class ConvNetKit extends NetworkKit {
        @Override
        protected Network network() {
            return new ConvNet(1, 3, 1, 3, Activation.TANH, Padding.ZERO);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {1, 8};
        }
    }

    @Nested
    class ConvNet2dKit extends NetworkKit {
        @Override
        protected Network network() {
            return new ConvNet(2, 1, 2, 1, 3, Activation.TANH, Padding.CIRCULAR);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {1, 4, 4};
        }
    }

    @Nested
    class ResNetKit extends NetworkKit {
        @Override
        protected Network network() {
            return new ResNet(1, 2, 3, 1, 3, Activation.TANH, Padding.REFLECT);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {2, 6};
        }
    }

    @Nested
    class DilatedResNetKit extends NetworkKit {
        @Override
        protected Network network() {
            return new DilatedResNet(1, 1, 2, 1, 3, new int[] {1, 2}, Activation.TANH, Padding.CIRCULAR, true);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {1, 5};
        }
    }

    @Nested
    class DilatedResNetZeroKit extends NetworkKit {
        @Override
        protected Network network() {
            return new DilatedResNet(1, 2, 2, 2, 3, new int[] {3}, Activation.TANH, Padding.ZERO, false);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {2, 4};
        }
    }

    @Nested
    class DilatedResNet2dKit extends NetworkKit {
        @Override
        protected Network network() {
            return new DilatedResNet(2, 1, 2, 1, 3, new int[] {1, 2}, Activation.TANH, Padding.REFLECT, true);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {1, 4, 4};
        }
    }

    @Nested
    class ModernResNetKit extends NetworkKit {
        @Override
        protected Network network() {
            return new ModernResNet(1, 2, 2, 2, 3, Activation.TANH, Padding.CIRCULAR, true);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {2, 5};
        }
    }

    @Nested
    class ModernResNet2dKit extends NetworkKit {
        @Override
        protected Network network() {
            return new ModernResNet(2, 1, 2, 1, 3, Activation.TANH, Padding.REFLECT, true);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {1, 4, 3};
        }
    }

    @Nested
    class UNetKit extends NetworkKit {
        @Override
        protected Network network() {
            return new UNet(1, 1, 1, 1, Activation.TANH, Padding.CIRCULAR, true);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {1, 4};
        }
    }

    @Nested
    class UNetZeroKit extends NetworkKit {
        @Override
        protected Network network() {
            return new UNet(1, 2, 1, 2, Activation.TANH, Padding.ZERO, false);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {2, 8};
        }
    }

    @Nested
    class UNet2dKit extends NetworkKit {
        @Override
        protected Network network() {
            return new UNet(2, 1, 1, 1, Activation.TANH, Padding.REFLECT, true);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {1, 4, 4};
        }
    }

    @Nested
    class FnoKit extends NetworkKit {
        @Override
        protected Network network() {
            return new Fno(1, 1, 2, 2, 2, Activation.GELU);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {1, 5};
        }
    }

    @Nested
    class Fno2dKit extends NetworkKit {
        @Override
        protected Network network() {
            return new Fno(2, 2, 2, 2, 1, Activation.GELU);
        }

        @Override
        protected long[] stateShape() {
            return new long[] {2, 4, 5};
        }
    }
}
