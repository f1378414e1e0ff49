package org.igclab.runtime.plan;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Random;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.NetworkJson;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.plan.LinearRun;
import org.igclab.analyzer.plan.LinearRuns;
import org.igclab.analyzer.plan.Mode;
import org.igclab.analyzer.plan.Plan;
import org.igclab.analyzer.plan.Step;
import org.igclab.analyzer.plan.Strategy;
import org.igclab.analyzer.plan.WeightAlgebra;
import org.igclab.runtime.engine.DjlNetwork;
import org.igclab.runtime.engine.Instantiation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every strategy computes what the design computes: in inference with BatchNorm statistics far from their initial
 * values (so a wrong fold shows), and in training with the same gradients reaching the design's parameters.
 */
class PlannedBlocksTest {

    static ResolvedNetwork network(String block) {
        return ShapeInference.resolve(NetworkJson.parse("{\"input\": {\"channels\": 16, \"size\": 8}, \"layers\": [" + block
                + ", {\"type\": \"gap\"}, {\"type\": \"linear\", \"out\": 5}]}"));
    }

    /** Random BatchNorm statistics and affine parameters, as a trained network has. */
    static void randomiseNorms(Instantiation inst, long seed) {
        Random r = new Random(seed);
        for (DjlNetwork.Mapped m : inst.djl().mapped()) {
            if (m.block() instanceof BatchNorm bn) {
                for (Pair<String, Parameter> p : bn.getParameters()) {
                    NDArray a = p.getValue().getArray();
                    float[] v = new float[(int) a.size()];
                    for (int i = 0; i < v.length; i++) {
                        // running variances positive; means, scales and shifts of either sign
                        v[i] = p.getKey().equals("runningVar") ? 0.2f + 2 * r.nextFloat() : (float) r.nextGaussian();
                    }
                    a.set(v);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"type\": \"igcv1\", \"L\": 4}",
        "{\"type\": \"igcv2\", \"groupSizes\": [1, 4, 4]}",
        "{\"type\": \"igcv2\", \"groupSizes\": [1, 4, 4], \"stride\": 2}",
        "{\"type\": \"dwsep\", \"out\": 32, \"norm\": \"end\"}",
        "{\"type\": \"igcv2\", \"groupSizes\": [1, 4, 4], \"norm\": \"each\"}",
    })
    void everyInferenceStrategyAgreesWithTheDesign(String block) {
        ResolvedNetwork network = network(block);
        try (Instantiation inst = Instantiation.of(network, 3); NDManager scope = inst.manager().newSubManager()) {
            randomiseNorms(inst, 5);
            for (Strategy s : Strategy.values()) {
                Block planned = PlannedBlocks.network(Plan.uniform(network, Mode.INFERENCE, s), inst.djl(), scope);
                Agreement a = Agreement.of(scope, inst.block(), planned, network.spec().input(), 7);
                assertThat(a.agrees()).as(s + ": " + a.describe()).isTrue();
                assertThat(a.scale()).as("a comparison of something").isPositive();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"type\": \"igcv1\", \"L\": 4}",
        "{\"type\": \"igcv2\", \"groupSizes\": [1, 4, 4]}",
        "{\"type\": \"igcv2\", \"groupSizes\": [1, 4, 4], \"stride\": 2}",
    })
    void aMergedOrDenseTrainingPassGivesTheDesignsParametersTheDesignsGradients(String block) {
        ResolvedNetwork network = network(block);
        for (Strategy s : new Strategy[] {Strategy.MERGED, Strategy.DENSE}) {
            try (Instantiation designed = Instantiation.of(network, 3); Instantiation planned = Instantiation.of(network, 3);
                 NDManager data = NDManager.newBaseManager()) {
                Block plannedBlock = PlannedBlocks.training(Plan.uniform(network, Mode.TRAINING, s), planned.djl());
                assertThat(plannedBlock).isNotSameAs(planned.block());
                assertThat(Instantiation.trainableParameters(plannedBlock)).as("the plan trains the design's parameters, no others")
                        .isEqualTo(Instantiation.trainableParameters(designed.block()));
                Engine.getInstance().setRandomSeed(9);
                NDArray x = data.randomNormal(Instantiation.batchShape(network.spec().input(), 4));
                NDArray mix = data.randomNormal(new ai.djl.ndarray.types.Shape(4, 5));
                backward(designed.block(), designed.manager(), x, mix);
                backward(plannedBlock, planned.manager(), x, mix);
                for (int i = 0; i < designed.djl().mapped().size(); i++) {
                    for (Pair<String, Parameter> p : designed.djl().mapped().get(i).block().getParameters()) {
                        if (!p.getValue().requiresGradient()) {
                            continue;
                        }
                        float[] g = p.getValue().getArray().getGradient().toFloatArray();
                        float[] h = planned.djl().mapped().get(i).block().getParameters().get(p.getKey()).getArray().getGradient().toFloatArray();
                        Agreement a = Agreement.of(g, h);
                        assertThat(a.agrees()).as(s + " " + designed.djl().mapped().get(i).layer().path() + "." + p.getKey() + ": " + a.describe())
                                .isTrue();
                        assertThat(a.scale()).as("a gradient that reached " + p.getKey()).isPositive();
                    }
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void channelsLastKeepsTheShapeAndEveryValue() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(2 * 3 * 4 * 5f).reshape(2, 3, 4, 5);
            NDArray y = PlannedRoot.channelsLast(x);
            assertThat(y.getShape()).isEqualTo(x.getShape());
            assertThat(y.toFloatArray()).containsExactly(x.toFloatArray());
            assertThat(y.get("1, 2, 3, 4").getFloat()).isEqualTo(x.get("1, 2, 3, 4").getFloat()).isEqualTo(119f);
        }
    }

    /** A training pass and the gradient of a fixed linear function of its output. */
    private static void backward(Block block, NDManager manager, NDArray x, NDArray mix) {
        try (NDManager pass = manager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = block.forward(new ParameterStore(pass, false), new NDList(x.duplicate()), true).singletonOrThrow();
            gc.backward(y.mul(mix).sum());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"type\": \"igcv1\", \"L\": 4}",
        "{\"type\": \"igcv2\", \"groupSizes\": [2, 2, 4], \"out\": 32, \"stride\": 2}",
    })
    void theEnginesComputedKernelsAreTheWeightAlgebras(String block) {
        ResolvedNetwork network = network(block);
        try (Instantiation inst = Instantiation.of(network, 3); NDManager scope = inst.manager().newSubManager()) {
            randomiseNorms(inst, 5);
            WeightAlgebra.Weights weights = new DesignWeights(inst.djl());
            for (LinearRun run : LinearRuns.of(network.root(), Mode.INFERENCE)) {
                for (LinearRun.Candidate c : run.candidates()) {
                    for (Step step : c.steps().stream().filter(s -> !(s instanceof Step.Keep)).toList()) {
                        WeightAlgebra.Kernel expected = WeightAlgebra.of(step, weights);
                        Composition.Affine actual = Composition.of(step, inst.djl(), new ParameterStore(scope, false), false, scope);
                        float[] w = actual.weight().toFloatArray();
                        assertThat(w).hasSize(expected.weight().length);
                        Agreement a = Agreement.of(floats(expected.weight()), w);
                        assertThat(a.agrees()).as(step.describe() + ": " + a.describe()).isTrue();
                        assertThat(actual.bias().isPresent()).isEqualTo(expected.bias().isPresent());
                        actual.bias().ifPresent(b -> assertThat(Agreement.of(floats(expected.bias().get()), b.toFloatArray()).agrees())
                                .as(step.describe() + " bias").isTrue());
                    }
                }
            }
        }
    }

    /** The design's DJL parameters as plain numbers. */
    record DesignWeights(DjlNetwork design) implements WeightAlgebra.Weights {
        @Override
        public WeightAlgebra.Kernel conv(Layer.OpLayer op) {
            Block b = design.blockOf(op);
            Op.Conv c = (Op.Conv) op.op();
            return new WeightAlgebra.Kernel(c.outChannels(), op.in().channels() / c.groups(), c.kernel(), values(b, "weight"),
                    c.bias() ? java.util.Optional.of(values(b, "bias")) : java.util.Optional.empty());
        }

        @Override
        public WeightAlgebra.Norm norm(Layer.OpLayer op) {
            Block b = design.blockOf(op);
            return new WeightAlgebra.Norm(values(b, "gamma"), values(b, "beta"), values(b, "runningMean"), values(b, "runningVar"),
                    DjlNetwork.BN_EPSILON);
        }

        private static double[] values(Block b, String name) {
            float[] f = b.getParameters().get(name).getArray().toFloatArray();
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
