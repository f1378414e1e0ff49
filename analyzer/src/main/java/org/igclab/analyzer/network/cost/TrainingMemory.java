package org.igclab.analyzer.network.cost;

import java.util.Locale;
import org.igclab.rules.model.ExactCounts;

/**
 * The memory a network needs for one batch, in bytes, from its counts (float32 values, as torchinfo estimates it):
 * what training keeps and what inference needs at least. Framework workspaces and allocator caches come on top.
 *
 * @param input            the batch of inputs
 * @param forward          every operation's output for the batch, which training keeps for the backward pass
 * @param backward         the gradients of those outputs, counted at the same size (torchinfo's convention; an upper
 *                         bound, PyTorch frees them as the pass goes)
 * @param weights          the parameters
 * @param gradients        one gradient per parameter
 * @param optimizerState   the optimizer's state per parameter: none for plain SGD, one momentum buffer, Adam's two moments
 * @param buffers          BatchNorm's running mean and variance (float32) and its batch counter (int64)
 * @param inferencePeak    parameters, buffers, and the batch's largest input + output of one operation: a lower bound on
 *                         what a forward pass without gradients needs
 */
public record TrainingMemory(long input, long forward, long backward, long weights, long gradients, long optimizerState, long buffers,
                             long inferencePeak) {
    private static final long FLOAT = 4;
    private static final long COUNTER = 8;

    /** The optimizer whose state is counted. */
    public enum Optimizer {
        /** Plain SGD: no state. */
        SGD(0),
        /** SGD with momentum (the one {@code igc train} uses): one buffer per parameter. */
        MOMENTUM(1),
        /** Adam: two moments per parameter. */
        ADAM(2);

        private final int statesPerParameter;

        Optimizer(int statesPerParameter) {
            this.statesPerParameter = statesPerParameter;
        }

        public int statesPerParameter() {
            return statesPerParameter;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The memory of {@code cost} for {@code batch} images.
     *
     * @param bufferValues   float32 buffer values (BatchNorm's running mean and variance)
     * @param batchCounters  int64 buffer values (one per BatchNorm)
     */
    public static TrainingMemory of(NetworkCost cost, int batch, Optimizer optimizer, long bufferValues, long batchCounters) {
        long params = cost.params().total();
        long perImageInput = cost.network().spec().input().elements();
        long weights = ExactCounts.multiply(FLOAT, params);
        long buffers = ExactCounts.add(ExactCounts.multiply(FLOAT, bufferValues), ExactCounts.multiply(COUNTER, batchCounters));
        long forward = ExactCounts.multiply(ExactCounts.multiply(FLOAT, cost.activations()), batch);
        long peak = ExactCounts.multiply(ExactCounts.multiply(FLOAT, cost.peakActivation()), batch);
        return new TrainingMemory(ExactCounts.multiply(ExactCounts.multiply(FLOAT, perImageInput), batch), forward, forward, weights, weights,
                ExactCounts.multiply(weights, optimizer.statesPerParameter()), buffers, ExactCounts.add(ExactCounts.add(weights, buffers), peak));
    }

    /** Everything training holds at once: input, forward and backward activations, weights, gradients, optimizer state, buffers. */
    public long trainingTotal() {
        long sum = 0;
        for (long part : new long[] {input, forward, backward, weights, gradients, optimizerState, buffers}) {
            sum = ExactCounts.add(sum, part);
        }
        return sum;
    }
}
