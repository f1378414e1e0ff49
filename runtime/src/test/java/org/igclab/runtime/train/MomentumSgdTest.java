package org.igclab.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The saveable SGD is DJL's SGD, bit for bit, and continues exactly from its saved state. */
class MomentumSgdTest {
    static final Tracker COSINE = Tracker.cosine().setBaseValue(0.1f).optFinalValue(0f).setMaxUpdates(8).build();

    /** A small two-layer network, trained on fixed random data; each step's inputs depend only on its index. */
    static final class Net implements AutoCloseable {
        final Model model = Model.newInstance("t");
        final Trainer trainer;
        final SequentialBlock block = new SequentialBlock().add(Linear.builder().setUnits(8).build()).add(Activation::relu)
                .add(Linear.builder().setUnits(3).build());

        Net(Optimizer optimizer) {
            model.setBlock(block);
            Engine.getInstance().setRandomSeed(7);
            trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(optimizer));
            trainer.initialize(new Shape(4, 5));
        }

        void steps(int from, int to) {
            for (int i = from; i < to; i++) {
                try (NDManager m = trainer.getManager().newSubManager()) {
                    float[] x = new float[20];
                    float[] y = new float[12];
                    for (int j = 0; j < x.length; j++) {
                        x[j] = (float) Math.sin(i * 31 + j);
                    }
                    for (int j = 0; j < y.length; j++) {
                        y[j] = (float) Math.cos(i * 17 + j);
                    }
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray out = trainer.forward(new NDList(m.create(x, new Shape(4, 5)))).singletonOrThrow();
                        gc.backward(trainer.getLoss().evaluate(new NDList(m.create(y, new Shape(4, 3))), new NDList(out)));
                    }
                    trainer.step();
                }
            }
        }

        List<float[]> parameters() {
            List<float[]> out = new ArrayList<>();
            for (Parameter p : block.getParameters().values()) {
                out.add(p.getArray().toFloatArray());
            }
            return out;
        }

        void copyParametersFrom(Net other) {
            List<Parameter> mine = block.getParameters().values();
            List<Parameter> theirs = other.block.getParameters().values();
            for (int i = 0; i < mine.size(); i++) {
                mine.get(i).getArray().set(theirs.get(i).getArray().toFloatArray());
            }
        }

        @Override
        public void close() {
            trainer.close();
            model.close();
        }
    }

    static Function<Integer, MomentumSgd> saveable() {
        return done -> new MomentumSgd(COSINE, 0.9f, 5e-4f, done);
    }

    @Test
    void itUpdatesExactlyAsDjlsSgd() {
        Optimizer djl = Optimizer.sgd().setLearningRateTracker(COSINE).optMomentum(0.9f).optWeightDecays(5e-4f).build();
        try (Net theirs = new Net(djl); Net ours = new Net(saveable().apply(0))) {
            assertThat(ours.parameters()).usingRecursiveComparison().isEqualTo(theirs.parameters());
            theirs.steps(0, 6);
            ours.steps(0, 6);
            assertThat(ours.parameters()).usingRecursiveComparison().isEqualTo(theirs.parameters());
        }
    }

    @Test
    void aSavedStateContinuesExactly() {
        MomentumSgd first = saveable().apply(0);
        try (Net straight = new Net(saveable().apply(0)); Net stopped = new Net(first)) {
            straight.steps(0, 7);
            stopped.steps(0, 3);
            assertThat(first.updates()).isEqualTo(3);
            NDList momentum = first.momentum(stopped.block, stopped.model.getNDManager());
            assertThat(momentum).extracting(NDArray::getName).containsExactlyElementsOf(stopped.block.getParameters().keys());

            MomentumSgd second = saveable().apply(3);
            try (Net resumed = new Net(second)) {
                resumed.copyParametersFrom(stopped);
                second.restore(resumed.block, NDList.decode(resumed.model.getNDManager(), momentum.encode()));
                resumed.steps(3, 7);
                assertThat(resumed.parameters()).usingRecursiveComparison().isEqualTo(straight.parameters());
            }
            // without the momentum, the same steps end elsewhere: the state matters
            try (Net forgetful = new Net(saveable().apply(3))) {
                forgetful.copyParametersFrom(stopped);
                forgetful.steps(3, 7);
                assertThat(forgetful.parameters()).usingRecursiveComparison().isNotEqualTo(straight.parameters());
            }
        }
    }

    @Test
    void withoutMomentumThereIsNoState() {
        MomentumSgd plain = new MomentumSgd(COSINE, 0f, 5e-4f, 0);
        try (Net net = new Net(plain)) {
            net.steps(0, 2);
            assertThat(plain.momentum(net.block, net.model.getNDManager())).isEmpty();
            new MomentumSgd(COSINE, 0f, 5e-4f, 2).restore(net.block, new NDList());
        }
    }

    @Test
    void momentumOfAnotherNetworkIsRefused() {
        try (Net net = new Net(saveable().apply(0)); NDManager m = NDManager.newBaseManager()) {
            NDArray stray = m.zeros(new Shape(2, 2));
            stray.setName("99Linear_weight");
            assertThatThrownBy(() -> saveable().apply(0).restore(net.block, new NDList(stray)))
                    .isInstanceOf(CheckpointException.class).hasMessageContaining("99Linear_weight");
        }
    }
}
