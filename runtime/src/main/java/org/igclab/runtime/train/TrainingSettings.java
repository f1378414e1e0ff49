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
     * The execution trained by default: the kernels as written. Measured here (benchmarks.md), a merged training step
     * of the CIFAR samples was about 10% slower than the designed one, unlike inference.
     */
    public static final Strategy DEFAULT_EXECUTION = Strategy.DESIGNED;

    public TrainingSettings withExecution(Strategy strategy) {
        return new TrainingSettings(dataset, epochs, batchSize, learningRate, momentum, weightDecay, seed, trainLimit, testLimit, strategy);
    }
}
