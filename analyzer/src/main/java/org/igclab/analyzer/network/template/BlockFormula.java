package org.igclab.analyzer.network.template;

import java.util.List;
import org.igclab.analyzer.network.ParamCount;

/**
 * Closed-form counts of a block: each term is a formula, the same formula with the numbers put in, and
 * its value.
 *
 * @param label the block's name on its input
 * @param terms the terms; their sums are the block's parameters and MACs
 */
public record BlockFormula(String label, List<Term> terms) {

    public BlockFormula {
        terms = List.copyOf(terms);
    }

    /** What a term counts. */
    public enum Kind { WEIGHTS, BIAS, BN_AFFINE, MACS }

    /**
     * @param kind        what it counts
     * @param symbolic    e.g. {@code S * C_out * C_in / L}
     * @param substituted e.g. {@code 9 * 96 * 48 / 24}
     * @param value       e.g. {@code 1728}
     */
    public record Term(Kind kind, String symbolic, String substituted, long value) {
    }

    public ParamCount params() {
        return new ParamCount(sum(Kind.WEIGHTS), sum(Kind.BIAS), sum(Kind.BN_AFFINE));
    }

    public long macs() {
        return sum(Kind.MACS);
    }

    private long sum(Kind kind) {
        return terms.stream().filter(t -> t.kind() == kind).mapToLong(Term::value).reduce(0, Math::addExact);
    }

    /** One line per kind: {@code weights = S*C_out*C_in/L + ... = 9*96*48/24 + ... = 4,032}. */
    public String render() {
        StringBuilder s = new StringBuilder(label).append('\n');
        for (Kind kind : Kind.values()) {
            List<Term> of = terms.stream().filter(t -> t.kind() == kind).toList();
            if (of.isEmpty()) {
                continue;
            }
            String name = switch (kind) {
                case WEIGHTS -> "weights";
                case BIAS -> "bias";
                case BN_AFFINE -> "BN affine";
                case MACS -> "MACs";
            };
            String symbolic = String.join(" + ", of.stream().map(Term::symbolic).toList());
            String substituted = String.join(" + ", of.stream().map(Term::substituted).toList());
            long total = of.stream().mapToLong(Term::value).reduce(0, Math::addExact);
            s.append(String.format("  %-9s = %s%n  %-9s = %s = %,d%n", name, symbolic, "", substituted, total));
        }
        return s.toString();
    }
}
