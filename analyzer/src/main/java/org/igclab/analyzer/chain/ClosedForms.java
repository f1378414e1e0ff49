package org.igclab.analyzer.chain;

import org.igclab.rules.condition.BalanceCondition;
import org.igclab.rules.condition.IntegerOptimum;

/**
 * The balance optimum for a width, in both forms, as closed forms and as integer optima.
 *
 * @param channels                  {@code C}
 * @param firstKernelArea           {@code S_1}
 * @param optimalLength             {@code L* = ln(C S_1)}, all kernels weighted
 * @param optimalWeights            {@code Q* = e C ln(C S_1)}
 * @param integerOptimum            the best integer chain, any first kernel
 * @param channelWiseOptimalLength  {@code L* = 1 + ln C} with a channel-wise first kernel
 * @param channelWiseOptimalWeights {@code Q* = S_1 C + e C ln C}
 * @param channelWiseIntegerOptimum the best integer chain with {@code K_1 = 1}
 * @param paperRuleLength           the paper's practical rule {@code ceil(log_8 C) + 1} with {@code K = 8}
 */
public record ClosedForms(int channels, int firstKernelArea, double optimalLength, double optimalWeights,
                          IntegerOptimum integerOptimum, double channelWiseOptimalLength, double channelWiseOptimalWeights,
                          IntegerOptimum channelWiseIntegerOptimum, int paperRuleLength) {

    public static ClosedForms of(int channels, int firstKernelSize) {
        int area = firstKernelSize * firstKernelSize;
        return new ClosedForms(channels, area,
                BalanceCondition.optimalLength(channels, area),
                BalanceCondition.optimalWeights(channels, area),
                BalanceCondition.integerOptimum(channels, area, false),
                BalanceCondition.channelWiseOptimalLength(channels),
                BalanceCondition.channelWiseOptimalWeights(channels, area),
                BalanceCondition.integerOptimum(channels, area, true),
                ShapeNames.paperRuleLength(channels));
    }
}
