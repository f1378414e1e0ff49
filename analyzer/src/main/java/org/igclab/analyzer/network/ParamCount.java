package org.igclab.analyzer.network;

import org.igclab.rules.model.ExactCounts;
/**
 * Parameters split by kind, as the counting conventions require.
 *
 * @param weights  convolution and fully connected weights
 * @param bias     biases
 * @param bnAffine BatchNorm scale and shift (gamma, beta)
 */
public record ParamCount(long weights, long bias, long bnAffine) {
    public static final ParamCount ZERO = new ParamCount(0, 0, 0);

    /** The PyTorch total, {@code sum(p.numel() for p in model.parameters())}. */
    public long total() {
        return ExactCounts.add(ExactCounts.add(weights, bias), bnAffine);
    }

    public ParamCount plus(ParamCount other) {
        return new ParamCount(ExactCounts.add(weights, other.weights), ExactCounts.add(bias, other.bias),
                ExactCounts.add(bnAffine, other.bnAffine));
    }
}
