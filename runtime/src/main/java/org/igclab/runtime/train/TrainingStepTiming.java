package org.igclab.runtime.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.plan.Mode;
import org.igclab.analyzer.plan.Plan;
import org.igclab.runtime.engine.DjlNetwork;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.engine.LatencyBenchmark;
import org.igclab.runtime.latency.AdaptiveTiming;
import org.igclab.runtime.latency.InterferenceRule;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.TimingPolicy;
import org.igclab.runtime.plan.PlannedBlocks;

/**
 * The time of one training step of a design under its settings' execution, taken the way latency is
 * ({@link AdaptiveTiming}): forward pass, softmax cross-entropy, backward pass and the momentum SGD update
 * {@link Training} makes, on a fresh random batch per step, drawn before the clock starts.
 */
public final class TrainingStepTiming {

    private TrainingStepTiming() {
    }

    /**
     * @param classes the labels drawn, in {@code [0, classes)}: the network's output width
     * @return the step's timing, its execution named by the settings' strategy
     */
    public static LatencyStats measure(ResolvedNetwork network, TrainingSettings settings, TimingPolicy policy, InterferenceRule rule,
                                       DoubleConsumer progress, BooleanSupplier cancelled) {
        Engine.getInstance().setRandomSeed((int) settings.seed());
        int classes = network.root().out().channels();
        int batch = settings.batchSize();
        MomentumSgd sgd = new MomentumSgd(Tracker.fixed((float) settings.learningRate()), (float) settings.momentum(),
                (float) settings.weightDecay(), 0);
        try (Model model = Model.newInstance("igc-step")) {
            DjlNetwork djl = DjlNetwork.build(network);
            model.setBlock(PlannedBlocks.training(Plan.uniform(network, Mode.TRAINING, settings.execution()), djl));
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(sgd))) {
                Shape shape = Instantiation.batchShape(network.spec().input(), batch);
                trainer.initialize(shape);
                AdaptiveTiming.Passes step = () -> {
                    NDManager scope = trainer.getManager().newSubManager();
                    NDArray x = scope.randomNormal(shape);
                    NDArray y = scope.randomInteger(0, classes, new Shape(batch), DataType.INT64).toType(DataType.FLOAT32, false);
                    return LatencyBenchmark.timed(() -> {
                        try (scope; GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                            NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                            gc.backward(loss);
                            loss.getFloat();
                        }
                        // as Training does it: the update after the step's arrays are freed
                        trainer.step();
                    });
                };
                return LatencyBenchmark.time(settings.execution().label(), batch, step, policy, rule, progress, cancelled);
            }
        }
    }
}
