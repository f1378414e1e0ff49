package org.igclab.analyzer.report;

import java.math.BigInteger;
import java.util.stream.Collectors;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.condition.BalanceForm;
import org.igclab.rules.condition.BalanceReport;
import org.igclab.rules.condition.ComplementaryReport;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;

/** Text forms of a chain and its condition reports, as {@code igc check} prints them. */
public final class ChainText {

    private ChainText() {
    }

    /** The chain's name and its kernels and permutations, one step a line. */
    public static String header(ChainDocument doc, String source) {
        KernelChain chain = doc.chain();
        StringBuilder s = new StringBuilder();
        s.append("chain: ").append(doc.name().isEmpty() ? "(unnamed)" : doc.name()).append("  [").append(source).append("]\n");
        s.append("  ").append(chain.inChannels()).append(" -> ").append(chain.outChannels()).append(" channels, L = ")
                .append(chain.length()).append(", K = (").append(groupSizes(chain)).append(")\n");
        for (int l = 0; l < chain.length(); l++) {
            GroupConv k = chain.kernel(l);
            s.append(String.format("  W%-2d %dx%d  %d -> %d  groups %d  K = %d%s%n", l + 1, k.kernelSize(), k.kernelSize(),
                    k.inChannels(), k.outChannels(), k.groups(), k.groupSize(), k.stride() == 1 ? "" : "  stride " + k.stride()));
            int step = l + 1;
            chain.permutationAfter(l).ifPresent(p -> s.append(String.format("  P%-2d %s%n", step, p.description())));
        }
        return s.toString();
    }

    public static String complementary(ComplementaryReport r) {
        StringBuilder s = new StringBuilder();
        s.append("complementary: ").append(r.verdict().label()).append('\n');
        s.append("  ").append(r.explanation()).append('\n');
        int order = r.productOfGroupSizes().compareTo(BigInteger.valueOf(r.inChannels()));
        s.append(String.format("  necessary condition prod K_l = C_in: %d %s %d (%s)%n", r.productOfGroupSizes(),
                order == 0 ? "=" : order < 0 ? "<" : ">",
                r.inChannels(), r.necessaryConditionHolds() ? "holds" : "fails"));
        s.append(String.format("  path counts: min %s, max %s; connected pairs %s of %s (%.1f%%), redundant pairs %s%n",
                r.minPathCount().label(), r.maxPathCount().label(), TextTable.grouped(r.connectedPairs()),
                TextTable.grouped((long) r.outChannels() * r.inChannels()), 100 * r.connectedFraction(),
                TextTable.grouped(r.redundantPairs())));
        r.witness().ifPresent(w -> s.append("  witness: ").append(w.describe()).append('\n'));
        return s.toString();
    }

    public static String balance(BalanceReport r, double tolerance) {
        StringBuilder s = new StringBuilder();
        s.append("balance: ").append(r.isBalanced(tolerance) ? "balanced" : "not balanced")
                .append(" (").append(r.applicable().name()).append(", tolerance ").append(tolerance).append(")\n");
        s.append("  weights Q = C * sum S_l K_l = ").append(TextTable.grouped(r.weights())).append('\n');
        r.oneByOne().ifPresent(f -> form(s, f, tolerance, "1 + ln C", "S_1*C + e*C*ln C"));
        form(s, r.allKernels(), tolerance, "ln(C*S_1)", "e*C*ln(C*S_1)");
        return s.toString();
    }

    private static void form(StringBuilder s, BalanceForm f, double tolerance, String lengthFormula, String weightFormula) {
        s.append("  ").append(f.name()).append(": S_l*K_l = ")
                .append(f.terms().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .append(", imbalance ").append(TextTable.ratio(f.imbalance()))
                .append(f.isBalanced(tolerance) ? " (balanced)" : " (not balanced)").append('\n');
        if (!Double.isNaN(f.boundAtLength())) {
            s.append(String.format("    AM-GM bound at this L: Q >= %s%n", TextTable.grouped(Math.round(Math.ceil(f.boundAtLength() - 1e-9)))));
        }
        s.append(String.format("    closed form: L* = %s = %.2f, Q* = %s = %s%n", lengthFormula, f.optimalLength(), weightFormula,
                TextTable.grouped(Math.round(f.optimalWeights()))));
        s.append(String.format("    integer optimum: K = %s (L = %d), Q = %s%n", f.integerOptimum().groupSizes(),
                f.integerOptimum().length(), TextTable.grouped(f.integerOptimum().weights())));
    }

    private static String groupSizes(KernelChain chain) {
        return chain.kernels().stream().map(k -> String.valueOf(k.groupSize())).collect(Collectors.joining(","));
    }
}
