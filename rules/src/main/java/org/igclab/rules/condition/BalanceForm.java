package org.igclab.rules.condition;

import java.util.List;

/**
 * One form of the balance condition applied to a chain of width {@code C}.
 *
 * @param name            which kernels are balanced
 * @param terms           {@code S_l * K_l} of the kernels this form balances
 * @param imbalance       {@code max(terms) / min(terms)}; 1 when balanced
 * @param boundAtLength   the AM-GM lower bound on the weights {@code Q} for the chain's own length (NaN when {@code prod K_l != C})
 * @param optimalLength   the closed-form optimum {@code L*}
 * @param optimalWeights  the closed-form lower bound {@code Q*} at {@code L*}
 * @param integerOptimum  the best chain over all integer factorizations of {@code C}, of the same block shape
 */
public record BalanceForm(
        String name,
        List<Long> terms,
        double imbalance,
        double boundAtLength,
        double optimalLength,
        double optimalWeights,
        IntegerOptimum integerOptimum) {

    public BalanceForm {
        terms = List.copyOf(terms);
    }

    /** Balanced when the imbalance is at most {@code 1 + tolerance} ({@code tolerance = 0}: all terms equal). */
    public boolean isBalanced(double tolerance) {
        return imbalance <= 1 + tolerance + 1e-12;
    }
}
