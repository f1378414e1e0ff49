package org.igclab.runtime.plan;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.file.Path;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.plan.Mode;
import org.igclab.analyzer.plan.Plan;
import org.igclab.analyzer.plan.Strategy;
import org.igclab.runtime.engine.DjlNetwork;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.engine.Threads;

/**
 * Where a DJL training step's time goes: libtorch's own profiler over a few steps of a sample (batch 32, one thread),
 * written as a Chrome trace that bench/profile_table.py sums by operation. Not a test.
 *
 * <p>Arguments: the sample, the strategy ({@code designed}, {@code merged}, ...), the trace file, the steps profiled.
 */
public final class TrainingProfile {

    public static void main(String[] args) throws Exception {
        ResolvedNetwork network = ShapeInference.resolve(DesignFiles.read(Path.of(args[0])).network(32));
        Strategy strategy = Strategy.named(args[1]).orElseThrow();
        int steps = Integer.parseInt(args[3]);
        Threads.apply(1, 1);
        Engine.getInstance().setRandomSeed(42);
        int batch = 32;
        int classes = network.root().out().channels();
        try (Model model = Model.newInstance("igc-profile")) {
            DjlNetwork djl = DjlNetwork.build(network);
            model.setBlock(PlannedBlocks.training(Plan.uniform(network, Mode.TRAINING, strategy), djl));
            Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f)).optMomentum(0.9f).optWeightDecays(5e-4f).build();
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(sgd))) {
                Shape shape = Instantiation.batchShape(network.spec().input(), batch);
                trainer.initialize(shape);
                for (int i = 0; i < 3 + steps; i++) {
                    if (i == 3) {
                        JniUtils.startProfile(false, true, false);
                    }
                    long t = System.nanoTime();
                    try (NDManager scope = trainer.getManager().newSubManager(); GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray x = scope.randomNormal(shape);
                        NDArray y = scope.randomInteger(0, classes, new Shape(batch), DataType.INT64).toType(DataType.FLOAT32, false);
                        NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                        gc.backward(trainer.getLoss().evaluate(new NDList(y), new NDList(logits)));
                    }
                    trainer.step();
                    System.err.printf("step %d: %.1f ms%n", i, (System.nanoTime() - t) / 1e6);
                }
                JniUtils.stopProfile(args[2]);
            }
        }
    }
}
