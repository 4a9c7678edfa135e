package dev.trainax.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.LossContext;
import dev.trainax.api.MemberBatchedNetwork;
import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.Residuum;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.State;
import dev.trainax.api.StepContext;
import dev.trainax.api.Stepper;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.EnsembleObjective;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.Rollout;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.testkit.ConfigurationKit;
import dev.trainax.testkit.EngineKit;
import dev.trainax.testkit.LossKit;
import dev.trainax.testkit.NetworkKit;
import dev.trainax.testkit.ReferenceStepperKit;
import dev.trainax.testkit.ResiduumKit;
import dev.trainax.testkit.Tiny;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.opentest4j.AssertionFailedError;

/** The kits fail plugins that break what they check: each broken plugin here must fail its kit's check. */
class KitsCatchBrokenPluginsTest {

    private static void fails(Executable check) {
        assertThrows(AssertionFailedError.class, check);
    }

    /** A kit for one configuration. */
    private static ConfigurationKit kit(Configuration configuration) {
        return new ConfigurationKit() {
            @Override
            protected Configuration configuration() {
                return configuration;
            }
        };
    }

    /** A configuration from its requirement and program. */
    private record Program(DataRequirement dataRequirement, Function<RolloutOps, Scalar> body)
            implements Configuration {
        @Override
        public Scalar loss(RolloutOps ops) {
            return body.apply(ops);
        }
    }

    private static Scalar oneStep(RolloutOps ops, int target) {
        return ops.loss(null, ops.network(ops.data(0)), ops.data(target));
    }

    @Test
    void configurationKitCatchesBrokenConfigurations() {
        // reads level 2 but declares 2 levels
        fails(kit(new Program(new DataRequirement(2, false, false), ops -> oneStep(ops, 2)))
                ::readsOnlyTheDeclaredTimeLevels);
        // declares a reference stepper it never applies
        fails(kit(new Program(new DataRequirement(2, true, false), ops -> oneStep(ops, 1)))
                ::appliesTheReferenceStepperExactlyWhenDeclared);
        // applies a residuum it does not declare
        fails(kit(new Program(new DataRequirement(2, false, false),
                ops -> ops.loss(null, ops.residuum(ops.network(ops.data(0)), ops.data(1)))))
                ::evaluatesTheResiduumExactlyWhenDeclared);
        // writes one more step on every call
        int[] calls = {0};
        fails(kit(new Program(new DataRequirement(3, false, false), ops -> {
            State state = ops.data(0);
            for (int t = 0; t <= calls[0] % 2; t++) {
                state = ops.network(state);
            }
            calls[0]++;
            return ops.loss(null, state, ops.data(1));
        }))::theProgramIsTheSameEveryTime);
        // sums over the batch while the kit is told it averages
        fails(kit(new Program(new DataRequirement(2, false, false),
                ops -> ops.loss(Tiny.mse(BatchReduction.SUM), ops.network(ops.data(0)), ops.data(1))))
                ::identicalWindowsActLikeOne);
    }

    /** A kit for one network on the tiny state shape. */
    private static NetworkKit kit(Network network) {
        return new NetworkKit() {
            @Override
            protected Network network() {
                return network;
            }

            @Override
            protected long[] stateShape() {
                return Tiny.STATE_SHAPE.clone();
            }
        };
    }

    /** The tiny network with a twist in {@code apply}; member-batched evaluation left as it is. */
    private abstract static class Twisted implements MemberBatchedNetwork {
        final MemberBatchedNetwork tiny = Tiny.network();

        @Override
        public Parameters initialParameters(long seed) {
            return tiny.initialParameters(seed);
        }

        @Override
        public SDVariable applyMembers(StepContext context, SDVariable states, int members, long[] stateShape) {
            return tiny.applyMembers(context, states, members, stateShape);
        }
    }

    @Test
    void networkKitCatchesBrokenNetworks() {
        // adds the batch mean: samples see each other
        fails(kit(new Twisted() {
            @Override
            public SDVariable apply(StepContext context, SDVariable state) {
                return tiny.apply(context, state).add(state.mean(true, 0));
            }
        })::samplesAreIndependent);
        // blocks the gradient of one parameter
        fails(kit(new Twisted() {
            @Override
            public SDVariable apply(StepContext context, SDVariable state) {
                SDVariable c = new StopGradient(context.graph(), context.parameter("c")).outputVariable();
                return tiny.apply(context, state).add(state.mul(c));
            }
        })::gradientMatchesFiniteDifferences);
        // member-batched evaluation scales every member's step
        fails(kit(new Twisted() {
            @Override
            public SDVariable apply(StepContext context, SDVariable state) {
                return tiny.apply(context, state);
            }

            @Override
            public SDVariable applyMembers(StepContext context, SDVariable states, int members, long[] stateShape) {
                return tiny.applyMembers(context, states, members, stateShape).mul(1.01);
            }
        })::ensembleMembersEqualSeparateEvaluations);
        // ignores the seed
        fails(kit(new Twisted() {
            @Override
            public Parameters initialParameters(long seed) {
                return tiny.initialParameters(0);
            }

            @Override
            public SDVariable apply(StepContext context, SDVariable state) {
                return tiny.apply(context, state);
            }
        })::initialParametersAreReproducible);
    }

    /** A kit for one loss, declared symmetric. */
    private static LossKit symmetricKit(TimeLevelLoss loss) {
        return new LossKit() {
            @Override
            protected TimeLevelLoss loss() {
                return loss;
            }

            @Override
            protected boolean symmetric() {
                return true;
            }
        };
    }

    @Test
    void lossKitCatchesBrokenLosses() {
        TimeLevelLoss mse = Tiny.mse();
        // batchLoss sums although batchReduction says mean
        fails(symmetricKit(new TimeLevelLoss() {
            @Override
            public SDVariable perSample(LossContext context, SDVariable prediction, SDVariable target) {
                return mse.perSample(context, prediction, target);
            }

            @Override
            public BatchReduction batchReduction() {
                return BatchReduction.MEAN;
            }

            @Override
            public SDVariable batchLoss(LossContext context, SDVariable prediction, SDVariable target) {
                return perSample(context, prediction, target).sum();
            }
        })::batchLossReducesThePerSampleValues);
        // declared symmetric, normalised by the target
        TimeLevelLoss normalized = new TimeLevelLoss() {
            @Override
            public SDVariable perSample(LossContext context, SDVariable prediction, SDVariable target) {
                return mse.perSample(context, prediction, target).div(context.meanPerSample(target.mul(target)));
            }

            @Override
            public BatchReduction batchReduction() {
                return BatchReduction.MEAN;
            }

            @Override
            public boolean acceptsSingleInput() {
                return false;
            }
        };
        fails(symmetricKit(normalized)::isSymmetric);
        // refuses the single input, yet its perSample(prediction, null) fails with a NullPointerException
        fails(symmetricKit(normalized)::singleInputFormExactlyWhenAccepted);
        // the mean over the whole batch as every sample's value
        fails(symmetricKit(new TimeLevelLoss() {
            @Override
            public SDVariable perSample(LossContext context, SDVariable prediction, SDVariable target) {
                SDVariable perSample = mse.perSample(context, prediction, target);
                return perSample.mul(0).add(perSample.mean());
            }

            @Override
            public BatchReduction batchReduction() {
                return BatchReduction.MEAN;
            }
        })::perSampleValuesBelongToTheirSamples);
    }

    @Test
    void stepperAndResiduumKitsCatchSamplesThatSeeEachOther() {
        Stepper mixing = (context, state) -> state.add(state.mean(true, 0));
        fails(new ReferenceStepperKit() {
            @Override
            protected Stepper stepper() {
                return mixing;
            }

            @Override
            protected long[] stateShape() {
                return Tiny.STATE_SHAPE.clone();
            }
        }::samplesAreIndependent);
        Residuum residuum = (context, next, previous) -> next.sub(previous.mean(true, 0));
        fails(new ResiduumKit() {
            @Override
            protected Residuum residuum() {
                return residuum;
            }

            @Override
            protected long[] stateShape() {
                return Tiny.STATE_SHAPE.clone();
            }
        }::samplesAreIndependent);
        // a stepper whose gradient is cut off
        fails(new ReferenceStepperKit() {
            @Override
            protected Stepper stepper() {
                return (context, state) -> new StopGradient(context.graph(), state).outputVariable().mul(2);
            }

            @Override
            protected long[] stateShape() {
                return Tiny.STATE_SHAPE.clone();
            }
        }::stateGradientMatchesFiniteDifferences);
    }

    /** The SameDiff engine with every cut of every program ignored. */
    private static final class CutIgnoringEngine implements Engine {
        private final Engine engine = new SameDiffEngine();

        private static TrainingProblem withoutCuts(TrainingProblem problem) {
            Configuration configuration = problem.configuration();
            Configuration uncut = new Program(configuration.dataRequirement(),
                    ops -> configuration.loss(new WithoutCuts(ops)));
            return TrainingProblem.builder().configuration(uncut).network(problem.network(), problem.parameterTemplate())
                    .referenceStepper(problem.referenceStepper().orElse(null)).residuum(problem.residuum().orElse(null))
                    .defaultLoss(problem.defaultLoss().orElse(null)).stateShape(problem.stateShape())
                    .dataType(problem.dataType()).build();
        }

        @Override
        public Objective compile(TrainingProblem problem) {
            return engine.compile(withoutCuts(problem));
        }

        @Override
        public EnsembleObjective compileEnsemble(TrainingProblem problem, int members) {
            return engine.compileEnsemble(withoutCuts(problem), members);
        }

        @Override
        public Rollout compileRollout(Stepper stepper, Parameters parameters, long[] stateShape, DataType dataType) {
            return engine.compileRollout(stepper, parameters, stateShape, dataType);
        }
    }

    /** Forwards every operation but {@code stopGradient}, which passes the state on with its gradient. */
    private record WithoutCuts(RolloutOps ops) implements RolloutOps {
        @Override
        public State data(int timeLevel) {
            return ops.data(timeLevel);
        }

        @Override
        public State network(State state) {
            return ops.network(state);
        }

        @Override
        public State reference(State state) {
            return ops.reference(state);
        }

        @Override
        public State residuum(State next, State previous) {
            return ops.residuum(next, previous);
        }

        @Override
        public State stopGradient(State state) {
            return state;
        }

        @Override
        public Scalar loss(TimeLevelLoss loss, State prediction, State target) {
            return ops.loss(loss, prediction, target);
        }

        @Override
        public Scalar loss(TimeLevelLoss loss, State residuum) {
            return ops.loss(loss, residuum);
        }

        @Override
        public Scalar weightedSum(double[] weights, List<Scalar> terms) {
            return ops.weightedSum(weights, terms);
        }
    }

    @Test
    void engineKitCatchesAnEngineThatIgnoresCuts() {
        EngineKit kit = new EngineKit() {
            @Override
            protected Engine engine() {
                return new CutIgnoringEngine();
            }
        };
        fails(kit::cutsEqualHandUnrolledPrograms);
        fails(kit::aLossBehindACutHasNoGradient);
        // without cuts in its programs, the same engine passes the equalities
        kit.fullBranchDivertedChainEqualsSupervisedRollout();
    }
}
