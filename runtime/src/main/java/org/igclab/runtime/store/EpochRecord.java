package org.igclab.runtime.store;

/**
 * One epoch of a training run: a point of the learning curve.
 *
 * @param epoch         1-based
 * @param trainLoss     mean training loss
 * @param trainAccuracy training accuracy in [0, 1]
 * @param testAccuracy  test accuracy in [0, 1]
 * @param learningRate  learning rate at the end of the epoch
 * @param seconds       wall time of the epoch
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double testAccuracy, double learningRate, double seconds) {
}
