package org.igclab.runtime.train;

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
 */
public record TrainingSettings(String dataset, int epochs, int batchSize, double learningRate, double momentum, double weightDecay,
                               long seed, int trainLimit, int testLimit) {

    public static TrainingSettings defaults(String dataset) {
        return new TrainingSettings(dataset, 10, 128, 0.1, 0.9, 5e-4, 42, 0, 0);
    }
}
