package org.igclab.runtime.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.analyzer.plan.Mode;
import org.igclab.analyzer.plan.Plan;
import org.igclab.runtime.engine.DjlNetwork;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.engine.NoGrad;
import org.igclab.runtime.plan.PlannedBlocks;
import org.igclab.runtime.store.EpochRecord;

/**
 * Trains a network with SGD (momentum, weight decay) under a cosine learning-rate schedule, with a checkpoint after
 * every epoch and one wherever a stop was requested, between two steps. A run continued from a checkpoint goes on
 * exactly as if it had not stopped: same parameters, momentum, schedule, data order, augmentation and running sums.
 */
public final class Training {

    /**
     * What a training session produced.
     *
     * @param curve          one record per finished epoch, those of earlier sessions included
     * @param testAccuracy   test accuracy after the last finished epoch (NaN before the first)
     * @param engineParams   trainable parameters of the instantiated network
     * @param completed      whether every epoch ran (false when stopped)
     * @param reached        where the run stands now, as its checkpoint records it
     * @param seconds        wall time of this session's training
     */
    public record Result(List<EpochRecord> curve, double testAccuracy, long engineParams, boolean completed, Position reached,
                         double seconds) {

        /** Wall time of the whole run: the finished epochs and the part of the next one done. */
        public double runSeconds() {
            return curve.stream().mapToDouble(EpochRecord::seconds).sum() + (completed ? 0 : reached.seconds());
        }
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

    /** The learning rate at each update (1-based): cosine from the initial rate to 0 over every step of the run. */
    static Tracker schedule(TrainingSettings settings, int steps) {
        return Tracker.cosine().setBaseValue((float) settings.learningRate()).optFinalValue(0f)
                .setMaxUpdates(Math.max(1, settings.epochs() * steps)).build();
    }

    /**
     * Trains from {@code from} (a new run's {@link Checkpoint.State#start}, or a saved state) to the last epoch, or
     * until {@code stop} turns true: it is polled before every step and test batch, and the run then saves a
     * checkpoint where it stands.
     */
    public static Result train(ResolvedNetwork network, ImageDataset data, TrainingSettings settings, Checkpoint checkpoint,
                               Checkpoint.State from, TrainingListener listener, BooleanSupplier stop) throws IOException {
        requireCompatible(network, data);
        long began = System.nanoTime();
        Engine.getInstance().setRandomSeed((int) settings.seed());
        Batches trainBatches = new Batches(data, data.train(), data.augment());
        Batches testBatches = new Batches(data, data.test(), false);
        int steps = trainBatches.count(settings.batchSize());
        Position start = from.position().updates() >= 0 ? from.position() : Position.afterEpoch(from.epochsDone(), from.epochsDone() * steps);
        if (start.step() > steps) {
            throw new CheckpointException(checkpoint.dir() + " stopped at step " + start.step() + " of an epoch, but this data set has "
                    + steps + " steps per epoch; train with the data it was started with, or pass --restart");
        }
        Tracker cosine = schedule(settings, steps);
        MomentumSgd sgd = new MomentumSgd(cosine, (float) settings.momentum(), (float) settings.weightDecay(), start.updates());
        try (Model model = Model.newInstance("igc")) {
            DjlNetwork djl = DjlNetwork.build(network);
            model.setBlock(PlannedBlocks.training(Plan.uniform(network, Mode.TRAINING, settings.execution()), djl));
            if (from.snapshot() > 0) {
                checkpoint.load(model, from);
            }
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(sgd))) {
                trainer.initialize(Instantiation.batchShape(network.spec().input(), settings.batchSize()));
                if (from.snapshot() > 0) {
                    checkpoint.momentum(model.getNDManager(), from).ifPresent(m -> sgd.restore(djl.block(), m));
                }
                long params = Instantiation.trainableParameters(djl.block());
                listener.start(settings.epochs(), steps, testBatches.count(settings.batchSize()), start);
                Checkpoint.State state = from;
                List<EpochRecord> curve = new ArrayList<>(from.curve());
                Position at = start;
                while (at.epochsDone() < settings.epochs()) {
                    int epoch = at.epoch();
                    at = trainSteps(trainer, trainBatches, settings, at, steps, listener, stop, sgd);
                    long testBegan = System.nanoTime();
                    OptionalDouble test = at.step() < steps ? OptionalDouble.empty()
                            : accuracy(trainer.getManager(), (pass, x) -> trainer.evaluate(x), testBatches, settings.batchSize(), stop,
                                    b -> listener.testStep(epoch, settings.epochs(), b, testBatches.count(settings.batchSize())));
                    if (test.isEmpty()) {
                        if (state.snapshot() == 0 || !at.equals(state.position())) {
                            state = state.next(at, curve, false);
                            checkpoint.save(model, sgd.momentum(djl.block(), model.getNDManager()), state);
                        }
                        return new Result(curve, last(curve), params, false, at, (System.nanoTime() - began) / 1e9);
                    }
                    EpochRecord record = new EpochRecord(epoch, at.lossSum() / at.seen(), (double) at.correct() / at.seen(), test.getAsDouble(),
                            cosine.getNewValue(epoch * steps), at.seconds() + (System.nanoTime() - testBegan) / 1e9);
                    curve.add(record);
                    at = Position.afterEpoch(epoch, sgd.updates());
                    state = state.next(at, curve, epoch == settings.epochs());
                    checkpoint.save(model, sgd.momentum(djl.block(), model.getNDManager()), state);
                    listener.epoch(record, settings.epochs());
                }
                return new Result(curve, last(curve), params, true, at, (System.nanoTime() - began) / 1e9);
            }
        }
    }

    private static double last(List<EpochRecord> curve) {
        return curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).testAccuracy();
    }

    /** The steps of {@code at}'s epoch from where it stands, until the last or a stop; returns where they got to. */
    private static Position trainSteps(Trainer trainer, Batches batches, TrainingSettings settings, Position at, int steps,
                                       TrainingListener listener, BooleanSupplier stop, MomentumSgd sgd) {
        int epoch = at.epoch();
        int[] order = batches.order(settings.seed(), epoch, true);
        Random augmentation = at.augmentation() == null ? Batches.augmentation(settings.seed(), epoch) : Batches.restored(at.augmentation());
        double lossSum = at.lossSum();
        long correct = at.correct();
        long seen = at.seen();
        long began = System.nanoTime();
        int b = at.step();
        for (; b < steps && !stop.getAsBoolean(); b++) {
            int from = b * settings.batchSize();
            Batches.Batch batch = batches.batch(order, from, Math.min(order.length, from + settings.batchSize()), augmentation);
            try (NDManager step = trainer.getManager().newSubManager()) {
                NDArray x = step.create(batch.images(), batches.shape(batch.size()));
                NDArray y = step.create(batch.labels());
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                    NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                    float value = loss.getFloat();
                    if (!Float.isFinite(value)) {
                        throw new TrainingDivergedException(epoch, b + 1, value, settings.learningRate());
                    }
                    gc.backward(loss);
                    lossSum += value * batch.size();
                    correct += logits.argMax(1).toType(DataType.FLOAT32, false).eq(y).sum().getLong();
                }
            }
            // after the step's arrays are freed: a planned execution lends the parameters to them while it computes its
            // weights, and what the update creates from a parameter (momentum) must stay with the model
            trainer.step();
            seen += batch.size();
            listener.step(epoch, settings.epochs(), b + 1, steps, lossSum / seen, (double) correct / seen,
                    at.seconds() + (System.nanoTime() - began) / 1e9);
        }
        boolean moved = b > at.step();
        return new Position(at.epochsDone(), b, sgd.updates(), lossSum, correct, seen, at.seconds() + (moved ? (System.nanoTime() - began) / 1e9 : 0),
                b == 0 ? null : Batches.saved(augmentation));
    }

    /** Test accuracy of an instantiated network (for example one loaded from a checkpoint). */
    public static double accuracyOf(Instantiation inst, ImageDataset data, int batchSize) {
        return accuracy(inst.manager(), (pass, x) -> inst.block().forward(new ParameterStore(pass, false), x, false),
                new Batches(data, data.test(), false), batchSize, () -> false, b -> { }).orElseThrow();
    }

    /** Test accuracy in inference mode (BatchNorm running statistics, no gradients); empty when stopped first. */
    private static OptionalDouble accuracy(NDManager manager, BiFunction<NDManager, NDList, NDList> forward, Batches batches,
                                           int batchSize, BooleanSupplier stop, IntConsumer progress) {
        int[] order = batches.order(0, 0, false);
        long correct = 0;
        try (NoGrad off = NoGrad.enter()) {
            for (int from = 0, b = 1; from < order.length; from += batchSize, b++) {
                if (stop.getAsBoolean()) {
                    return OptionalDouble.empty();
                }
                Batches.Batch batch = batches.batch(order, from, Math.min(order.length, from + batchSize), null);
                try (NDManager pass = manager.newSubManager()) {
                    NDArray x = pass.create(batch.images(), batches.shape(batch.size()));
                    NDArray y = pass.create(batch.labels());
                    NDArray logits = forward.apply(pass, new NDList(x)).singletonOrThrow();
                    correct += logits.argMax(1).toType(DataType.FLOAT32, false).eq(y).sum().getLong();
                }
                progress.accept(b);
            }
        }
        return OptionalDouble.of(order.length == 0 ? Double.NaN : (double) correct / order.length);
    }
}
