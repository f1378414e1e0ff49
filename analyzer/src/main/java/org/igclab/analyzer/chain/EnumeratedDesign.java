package org.igclab.analyzer.chain;

import org.igclab.rules.condition.ComplementaryReport;

/**
 * One enumerated chain with its verdicts and costs.
 *
 * @param shape         group sizes and kernel sides
 * @param name          the known name of the shape
 * @param complementary the complementary verdict of its canonical chain, checked
 * @param imbalance     the balance ratio in the applicable form (1 = balanced)
 * @param params        kernel weights (no bias, no BatchNorm)
 * @param macs          multiply-accumulates at the enumeration's resolution
 */
public record EnumeratedDesign(ChainShape shape, String name, ComplementaryReport complementary, double imbalance,
                               long params, long macs) {

    public long flops() {
        return 2 * macs;
    }

    public boolean isBalanced(double tolerance) {
        return imbalance <= 1 + tolerance + 1e-12;
    }
}
