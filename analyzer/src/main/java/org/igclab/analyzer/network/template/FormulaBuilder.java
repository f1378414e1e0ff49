package org.igclab.analyzer.network.template;

import java.util.ArrayList;
import java.util.List;

/** Collects the terms of a {@link BlockFormula}; the value of a term is the product of its factors. */
final class FormulaBuilder {
    private final String label;
    private final List<BlockFormula.Term> terms = new ArrayList<>();

    FormulaBuilder(String label) {
        this.label = label;
    }

    /**
     * Adds {@code symbolic = f_1 * f_2 * ...} (a divisor written as a negative factor: {@code -L} means {@code / L}).
     */
    FormulaBuilder term(BlockFormula.Kind kind, String symbolic, long... factors) {
        long value = 1;
        StringBuilder substituted = new StringBuilder();
        long pendingDivisor = 1;
        for (long f : factors) {
            if (f < 0) {
                pendingDivisor *= -f;
                substituted.append(" / ").append(-f);
            } else {
                value = Math.multiplyExact(value, f);
                substituted.append(substituted.length() == 0 ? "" : " * ").append(f);
            }
        }
        terms.add(new BlockFormula.Term(kind, symbolic, substituted.toString(), value / pendingDivisor));
        return this;
    }

    FormulaBuilder weights(String symbolic, long... factors) {
        return term(BlockFormula.Kind.WEIGHTS, symbolic, factors);
    }

    FormulaBuilder bn(String symbolic, long... factors) {
        return term(BlockFormula.Kind.BN_AFFINE, symbolic, factors);
    }

    FormulaBuilder macs(String symbolic, long... factors) {
        return term(BlockFormula.Kind.MACS, symbolic, factors);
    }

    BlockFormula build() {
        return new BlockFormula(label, terms);
    }
}
