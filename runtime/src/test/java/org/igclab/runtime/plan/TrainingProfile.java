package org.igclab.runtime.plan;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * Where a DJL training step's time goes, and training executions side by side: each variant's steps interleaved
 * (A, B, A, B, ...) in one process, batch 32, one thread; with a trace file, libtorch's profiler over the first
 * variant's timed steps (bench/profile_table.py sums it by operation). Not a test.
 *
 * <p>Arguments: the sample, the rounds, the trace file or {@code -}, then the variants: a strategy, or
 * {@code mixed} (merged where a run's input has at most 128 channels), each optionally with {@code +cl}: a planned
 * execution laid out channels last ({@link PlannedRoot}), as training runs it; without, in NCHW.
 */
public final class TrainingProfile {

    public static void main(String[] args) throws Exception {
        ResolvedNetwork network = ShapeInference.resolve(DesignFiles.read(Path.of(args[0])).network(32));
        int rounds = Integer.parseInt(args[1]);
        String trace = args[2];
        List<String> variants = Arrays.asList(args).subList(3, args.length);
        Threads.apply(1, 1);
        Engine.getInstance().setRandomSeed(42);
        int batch = 32;
        int classes = network.root().out().channels();
        Shape shape = Instantiation.batchShape(network.spec().input(), batch);
        List<Trainer> trainers = new ArrayList<>();
        List<Model> models = new ArrayList<>();
        for (String v : variants) {
            String name = v.replace("+cl", "");
            Plan plan = name.equals("mixed") ? Plan.choosing(network, Mode.TRAINING, r -> r.in().channels() <= 128 ? Strategy.MERGED : Strategy.DESIGNED)
                    : Plan.uniform(network, Mode.TRAINING, Strategy.named(name).orElseThrow());
            DjlNetwork djl = DjlNetwork.build(network);
            Block block = PlannedBlocks.training(plan, djl, v.endsWith("+cl"));
            if (block == djl.block() && v.endsWith("+cl")) {
                // the kernels as written, channels last: training runs the designed execution in NCHW
                block = new PlannedRoot(djl.block(), djl.block(), true);
            }
            Model model = Model.newInstance(v);
            model.setBlock(block);
            Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f)).optMomentum(0.9f).optWeightDecays(5e-4f).build();
            Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(sgd));
            trainer.initialize(shape);
            models.add(model);
            trainers.add(trainer);
        }
        double[][] ms = new double[variants.size()][rounds];
        for (int r = -2; r < rounds; r++) {
            for (int i = 0; i < trainers.size(); i++) {
                boolean profiled = r == 0 && i == 0 && !trace.equals("-");
                if (profiled) {
                    JniUtils.startProfile(false, true, false);
                }
                double t = step(trainers.get(i), shape, classes, batch);
                if (profiled) {
                    JniUtils.stopProfile(trace);
                }
                if (r >= 0) {
                    ms[i][r] = t;
                }
            }
        }
        for (int i = 0; i < variants.size(); i++) {
            double[] s = ms[i].clone();
            Arrays.sort(s);
            System.out.printf("%-16s median %7.1f ms  min %7.1f  max %7.1f%n", variants.get(i), s[s.length / 2], s[0], s[s.length - 1]);
        }
        trainers.forEach(Trainer::close);
        models.forEach(Model::close);
    }

    private static double step(Trainer trainer, Shape shape, int classes, int batch) {
        long t = System.nanoTime();
        try (NDManager scope = trainer.getManager().newSubManager(); GradientCollector gc = trainer.newGradientCollector()) {
            NDArray x = scope.randomNormal(shape);
            NDArray y = scope.randomInteger(0, classes, new Shape(batch), DataType.INT64).toType(DataType.FLOAT32, false);
            NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
            gc.backward(trainer.getLoss().evaluate(new NDList(y), new NDList(logits)));
        }
        trainer.step();
        return (System.nanoTime() - t) / 1e6;
    }

}
