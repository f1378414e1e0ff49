package org.igclab.runtime.train;

import org.igclab.analyzer.plan.Strategy;

/**
 * How a design is trained.
 *
 * @param dataset      {@code fashion-mnist} or {@code cifar10}
 * @param epochs       epochs
 * @param batchSize    images per step
 * @param learningRate initial learning rate (cosine schedule to 0)
 * @param momentum     SGD momentum
 * @param weightDecay  L2 weight decay
 * @param seed         seeds weights, data order and augmentation
 * @param trainLimit   use only the first N training images (0: all)
 * @param testLimit    use only the first N test images (0: all)
 * @param execution    how each run of linear operations is executed in training ({@link Strategy}); the parameters
 *                     trained are the design's under every strategy
 */
public record TrainingSettings(String dataset, int epochs, int batchSize, double learningRate, double momentum, double weightDecay,
                               long seed, int trainLimit, int testLimit, Strategy execution) {

    /** Executed as designed. */
    public TrainingSettings(String dataset, int epochs, int batchSize, double learningRate, double momentum, double weightDecay,
                            long seed, int trainLimit, int testLimit) {
        this(dataset, epochs, batchSize, learningRate, momentum, weightDecay, seed, trainLimit, testLimit, Strategy.DESIGNED);
    }

    public static TrainingSettings defaults(String dataset) {
        return new TrainingSettings(dataset, 10, 128, 0.1, 0.9, 5e-4, 42, 0, 0, DEFAULT_EXECUTION);
    }

    /**
     * The execution trained by default: the planner's merged form, channels last. Measured here (benchmarks.md), a
     * training step of the IGCV2 and IGCV1 CIFAR samples took about half and two thirds of the designed one's time; a
     * design with nothing to merge in training (no run of linear operations) trains as designed anyway.
     */
    public static final Strategy DEFAULT_EXECUTION = Strategy.MERGED;

    public TrainingSettings withExecution(Strategy strategy) {
        return new TrainingSettings(dataset, epochs, batchSize, learningRate, momentum, weightDecay, seed, trainLimit, testLimit, strategy);
    }
}
