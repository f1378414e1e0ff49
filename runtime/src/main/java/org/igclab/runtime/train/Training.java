package org.igclab.runtime.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.runtime.engine.DjlNetwork;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.store.EpochRecord;

/**
 * Trains a network with SGD (momentum, weight decay) under a cosine learning-rate schedule, one checkpoint per
 * epoch. A run resumed from a checkpoint continues the schedule and the seeded data order where it stopped;
 * the optimizer's momentum buffers are not part of DJL's saved parameters and restart from zero.
 */
public final class Training {

    /**
     * What a training run produced.
     *
     * @param curve          one record per epoch, those of earlier sessions included when resumed
     * @param testAccuracy   test accuracy after the last epoch
     * @param engineParams   trainable parameters of the instantiated network
     * @param completed      whether every epoch ran (false when cancelled)
     */
    public record Result(List<EpochRecord> curve, double testAccuracy, long engineParams, boolean completed) {
    }

    private Training() {
    }

    /** Checks that the network reads the data set's images and has one output per class. */
    public static void requireCompatible(ResolvedNetwork network, ImageDataset data) {
        TensorShape in = network.spec().input();
        if (in.channels() != data.channels() || in.height() != data.height() || in.width() != data.width()) {
            throw new DatasetException("the network reads " + in + " images but " + data.name() + " images are " + data.shape()
                    + "; set the design's input to " + data.shape());
        }
        TensorShape out = network.output();
        if (out.channels() != data.classes() || out.height() != 1 || out.width() != 1) {
            throw new DatasetException("the network outputs " + out + " but " + data.name() + " has " + data.classes()
                    + " classes; end it with a linear layer of " + data.classes() + " outputs");
        }
    }

    /**
     * Trains from {@code previous.size()} finished epochs (0 for a new run) to {@code settings.epochs()}.
     *
     * @param previous   the curve of epochs already done (their parameters are in the checkpoint)
     * @param state      identifies the checkpoint; its {@code epochsDone} is advanced as epochs finish
     * @param cancelled  polled between steps; the current epoch is then abandoned, finished ones are kept
     */
    public static Result train(ResolvedNetwork network, ImageDataset data, TrainingSettings settings, Checkpoint checkpoint,
                               Checkpoint.State state, List<EpochRecord> previous, TrainingListener listener,
                               BooleanSupplier cancelled) throws IOException {
        requireCompatible(network, data);
        Engine.getInstance().setRandomSeed((int) settings.seed());
        Batches trainBatches = new Batches(data, data.train(), data.augment());
        Batches testBatches = new Batches(data, data.test(), false);
        int steps = trainBatches.count(settings.batchSize());
        int start = previous.size();
        Tracker cosine = Tracker.cosine().setBaseValue((float) settings.learningRate()).optFinalValue(0f)
                .setMaxUpdates(Math.max(1, settings.epochs() * steps)).build();
        int offset = start * steps;
        Tracker resumed = update -> cosine.getNewValue(update + offset);
        Optimizer sgd = Optimizer.sgd().setLearningRateTracker(resumed).optMomentum((float) settings.momentum())
                .optWeightDecays((float) settings.weightDecay()).build();
        List<EpochRecord> curve = new ArrayList<>(previous);
        try (Model model = Model.newInstance("igc")) {
            DjlNetwork djl = DjlNetwork.build(network, DjlNetwork.Execution.SPARSE);
            model.setBlock(djl.block());
            if (start > 0) {
                checkpoint.load(model, start);
            }
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(sgd);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(Instantiation.batchShape(network.spec().input(), settings.batchSize()));
                long params = Instantiation.trainableParameters(djl.block());
                for (int epoch = start + 1; epoch <= settings.epochs(); epoch++) {
                    long began = System.nanoTime();
                    double[] fit = trainEpoch(trainer, trainBatches, settings, epoch, steps, listener, cancelled, began);
                    if (fit == null) {
                        return new Result(curve, curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).testAccuracy(), params, false);
                    }
                    double test = accuracy(trainer, testBatches, settings.batchSize());
                    EpochRecord record = new EpochRecord(epoch, fit[0], fit[1], test, cosine.getNewValue(epoch * steps),
                            (System.nanoTime() - began) / 1e9);
                    checkpoint.save(model, new Checkpoint.State(state.designHash(), state.settingsHash(), state.runId(), epoch,
                            epoch == settings.epochs()));
                    curve.add(record);
                    listener.epoch(record, settings.epochs());
                }
                return new Result(curve, curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).testAccuracy(), params, true);
            }
        }
    }

    /** One epoch; returns {mean loss, accuracy}, or null when cancelled. */
    private static double[] trainEpoch(Trainer trainer, Batches batches, TrainingSettings settings, int epoch, int steps,
                                       TrainingListener listener, BooleanSupplier cancelled, long began) {
        int[] order = batches.order(settings.seed(), epoch, true);
        Random augmentation = new Random(settings.seed() * 7_919L + epoch);
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        for (int b = 0; b < steps; b++) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            int from = b * settings.batchSize();
            Batches.Batch batch = batches.batch(order, from, Math.min(order.length, from + settings.batchSize()), augmentation);
            try (NDManager step = trainer.getManager().newSubManager()) {
                NDArray x = step.create(batch.images(), batches.shape(batch.size()));
                NDArray y = step.create(batch.labels());
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                    NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                    gc.backward(loss);
                    lossSum += loss.getFloat() * batch.size();
                    correct += logits.argMax(1).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).eq(y).sum().getLong();
                }
                trainer.step();
            }
            seen += batch.size();
            listener.step(epoch, settings.epochs(), b + 1, steps, lossSum / seen, (double) correct / seen, (System.nanoTime() - began) / 1e9);
        }
        return new double[] {lossSum / seen, (double) correct / seen};
    }

    /** Test accuracy in inference mode (BatchNorm running statistics, no gradients). */
    static double accuracy(Trainer trainer, Batches batches, int batchSize) {
        return accuracy(trainer.getManager(), (pass, x) -> trainer.evaluate(x), batches, batchSize);
    }

    /** Test accuracy of an instantiated network (for example one loaded from a checkpoint). */
    public static double accuracyOf(Instantiation inst, ImageDataset data, int batchSize) {
        return accuracy(inst.manager(), (pass, x) -> inst.block().forward(new ai.djl.training.ParameterStore(pass, false), x, false),
                new Batches(data, data.test(), false), batchSize);
    }

    private static double accuracy(NDManager manager, java.util.function.BiFunction<NDManager, NDList, NDList> forward, Batches batches,
                                   int batchSize) {
        int[] order = batches.order(0, 0, false);
        long correct = 0;
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            for (int from = 0; from < order.length; from += batchSize) {
                Batches.Batch batch = batches.batch(order, from, Math.min(order.length, from + batchSize), null);
                try (NDManager pass = manager.newSubManager()) {
                    NDArray x = pass.create(batch.images(), batches.shape(batch.size()));
                    NDArray y = pass.create(batch.labels());
                    NDArray logits = forward.apply(pass, new NDList(x)).singletonOrThrow();
                    correct += logits.argMax(1).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).eq(y).sum().getLong();
                }
            }
        } finally {
            JniUtils.setGradMode(grad);
        }
        return order.length == 0 ? Double.NaN : (double) correct / order.length;
    }
}
