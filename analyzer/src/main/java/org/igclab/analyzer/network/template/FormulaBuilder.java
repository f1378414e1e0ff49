package org.igclab.analyzer.network.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.igclab.rules.model.ExactCounts;

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
        // exact: the product may pass 2^63 before the divisors bring it back; only the value itself must fit
        BigInteger value = BigInteger.ONE;
        StringBuilder substituted = new StringBuilder();
        BigInteger pendingDivisor = BigInteger.ONE;
        for (long f : factors) {
            if (f < 0) {
                pendingDivisor = pendingDivisor.multiply(BigInteger.valueOf(-f));
                substituted.append(" / ").append(-f);
            } else {
                value = value.multiply(BigInteger.valueOf(f));
                substituted.append(substituted.length() == 0 ? "" : " * ").append(f);
            }
        }
        terms.add(new BlockFormula.Term(kind, symbolic, substituted.toString(), ExactCounts.toLong(value.divide(pendingDivisor))));
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

    FormulaBuilder bias(String symbolic, long... factors) {
        return term(BlockFormula.Kind.BIAS, symbolic, factors);
    }

    /** Every term of a nested block's formula (a squeeze-and-excitation inside an inverted residual). */
    FormulaBuilder include(BlockFormula nested) {
        terms.addAll(nested.terms());
        return this;
    }

    BlockFormula build() {
        return new BlockFormula(label, terms);
    }
}
