package org.igclab.runtime.train;

/**
 * Where a training run stands, exactly enough to continue it as if it had never stopped. The data order of an
 * epoch is not stored: it is a shuffle seeded by the settings' seed and the epoch, computed again on resume.
 *
 * @param epochsDone   epochs finished, test pass included
 * @param step         steps done in the next epoch; equal to its step count when only its test pass is left
 * @param updates      optimizer updates made so far: the learning-rate schedule's position (-1: not recorded, a
 *                     checkpoint of an earlier IGC Lab, whose epochs were all whole)
 * @param lossSum      the next epoch's training loss so far, summed over its images
 * @param correct      its training images classified correctly so far
 * @param seen         its training images so far
 * @param seconds      its wall time so far
 * @param augmentation its augmentation generator's state ({@link Batches#saved}), or null when none was drawn from
 */
public record Position(int epochsDone, int step, int updates, double lossSum, long correct, long seen, double seconds,
                       String augmentation) {

    /** The start of a new run. */
    public static final Position START = new Position(0, 0, 0, 0, 0, 0, 0, null);

    /** The start of the epoch after {@code epochsDone} finished ones. */
    public static Position afterEpoch(int epochsDone, int updates) {
        return new Position(epochsDone, 0, updates, 0, 0, 0, 0, null);
    }

    /** The epoch in progress (1-based). */
    public int epoch() {
        return epochsDone + 1;
    }
}
