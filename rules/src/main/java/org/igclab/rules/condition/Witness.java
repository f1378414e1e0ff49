package org.igclab.rules.condition;

import java.math.BigInteger;

/**
 * A pair of channels that shows why a chain fails a condition, with its exact number of paths.
 *
 * @param output an output channel of the chain
 * @param input  an input channel of the chain
 * @param paths  the exact number of paths from {@code output} back to {@code input}: it can pass 64 bits
 */
public record Witness(int output, int input, BigInteger paths) {

    /** {@code output channel 17 reaches input channel 3 by 2 paths}, or that it does not reach it. */
    public String describe() {
        if (paths.signum() == 0) {
            return "output channel " + output + " does not reach input channel " + input + " (0 paths)";
        }
        return "output channel " + output + " reaches input channel " + input + " by " + paths
                + (paths.equals(BigInteger.ONE) ? " path" : " paths");
    }
}
