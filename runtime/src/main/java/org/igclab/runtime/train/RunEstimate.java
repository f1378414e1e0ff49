package org.igclab.runtime.train;

/**
 * The time a whole training run has left: its remaining training steps at the mean step time seen so far, plus its
 * remaining test passes at the mean test-batch time. Until a test batch was timed, one is taken as a third of a
 * step (a forward pass, without the backward pass and the update, on a batch of the same size), and the other way
 * round for a session that resumed at a test pass.
 *
 * @param epochs      epochs of the run
 * @param steps       training steps per epoch
 * @param testBatches test batches per epoch
 */
public record RunEstimate(int epochs, int steps, int testBatches) {
    static final double TEST_BATCH_PER_STEP = 1.0 / 3;

    /**
     * Seconds left, or NaN before any step or test batch was timed.
     *
     * @param epoch          the epoch in progress (1-based)
     * @param step           its steps done
     * @param testBatch      its test batches done (0 until its test pass starts)
     * @param perStep        mean seconds per training step (NaN or 0 when none was timed)
     * @param perTestBatch   mean seconds per test batch (NaN or 0 when none was timed)
     */
    public double secondsLeft(int epoch, int step, int testBatch, double perStep, double perTestBatch) {
        if (!(perStep > 0) && !(perTestBatch > 0)) {
            return Double.NaN;
        }
        // a session resumed at a test pass has timed test batches before any step
        double perStepNow = perStep > 0 ? perStep : perTestBatch / TEST_BATCH_PER_STEP;
        double perTest = perTestBatch > 0 ? perTestBatch : perStepNow * TEST_BATCH_PER_STEP;
        long stepsLeft = (long) (epochs - epoch) * steps + (steps - step);
        long testLeft = (long) (epochs - epoch + 1) * testBatches - testBatch;
        return stepsLeft * perStepNow + testLeft * perTest;
    }

    /** {@code h:mm:ss} (hours grow past 99 as needed); {@code -:--:--} when unknown. */
    public static String hms(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "-:--:--";
        }
        long s = Math.round(seconds);
        return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
