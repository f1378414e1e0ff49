package org.igclab.analyzer.network;

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
        return Math.addExact(Math.addExact(weights, bias), bnAffine);
    }

    public ParamCount plus(ParamCount other) {
        return new ParamCount(Math.addExact(weights, other.weights), Math.addExact(bias, other.bias),
                Math.addExact(bnAffine, other.bnAffine));
    }
}
