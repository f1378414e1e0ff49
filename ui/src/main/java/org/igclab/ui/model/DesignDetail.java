package org.igclab.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.analyzer.network.template.BlockFormula;
import org.igclab.analyzer.network.template.Igcv2Block;
import org.igclab.analyzer.network.template.Norm;
import org.igclab.analyzer.report.ChainCostView;
import org.igclab.analyzer.report.ChainText;
import org.igclab.analyzer.report.NetworkCostView;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.condition.BalanceCondition;
import org.igclab.rules.condition.BalanceReport;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.condition.ComplementaryReport;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;

/**
 * Everything the detail pane shows of one design, computed off the FX thread with the calls {@code igc check} and
 * {@code igc cost} make, so the pane and the command line say the same.
 *
 * @param subject        the design
 * @param complementary  the complementary verdict with its witnesses
 * @param balance        the balance report, or null when the chain changes width
 * @param tolerance      the tolerance the balance verdict uses
 * @param conditionsText both verdicts as {@code igc check} prints them
 * @param formulaText    the closed-form counts with the numbers put in
 * @param costs          the per-layer cost table
 * @param totals         the totals under the table
 * @param wiring         the channel drawing, or null when the chain is too wide to draw
 * @param heatMap        the path-count matrix image, when the chain is too wide to draw but not to count
 * @param wiringNote     why neither is shown, or empty
 */
public record DesignDetail(Subject subject, ComplementaryReport complementary, BalanceReport balance, double tolerance,
                           String conditionsText, String formulaText, List<CostLine> costs, String totals,
                           WiringLayout wiring, HeatMap heatMap, String wiringNote) {

    /** A row of the cost table: a chain's kernel, or a network's stem layer, block or head layer. */
    public record CostLine(String step, String op, String output, long params, long macs) {
    }

    public DesignDetail {
        costs = List.copyOf(costs);
    }

    public static DesignDetail of(Subject s, double tolerance) {
        KernelChain chain = s.chain();
        ComplementaryReport complementary = ComplementaryCondition.check(chain);
        BalanceReport balance = BalanceCondition.appliesTo(chain) ? BalanceCondition.analyze(chain) : null;
        String conditions = ChainText.complementary(complementary) + "\n"
                + (balance == null ? "balance: not applicable (the chain changes width)\n" : ChainText.balance(balance, tolerance));
        List<CostLine> costs = new ArrayList<>();
        String formula;
        String totals;
        if (s.network() == null) {
            ChainCostView.Costs chainCosts = ChainCostView.costs(chain, s.resolution());
            for (ChainCostView.Row r : chainCosts.rows()) {
                GroupConv k = r.kernel();
                costs.add(new CostLine(r.step(), k.kernelSize() + "x" + k.kernelSize() + " conv, " + k.groups() + " groups of K = " + k.groupSize(),
                        k.outChannels() + "x" + r.outSide() + "x" + r.outSide(), r.params(), r.macs()));
            }
            formula = chainFormula(s).render();
            long params = chainCosts.params();
            long macs = chainCosts.macs();
            totals = String.format("total: %s weights, %s MACs (%s FLOPs) on %dx%d; permutations cost 0", TextTable.grouped(params),
                    TextTable.grouped(macs), TextTable.grouped(2 * macs), s.resolution(), s.resolution());
        } else {
            NetworkCost cost = CostModel.of(s.network());
            for (NetworkCostView.Group g : NetworkCostView.groups(cost)) {
                costs.add(new CostLine(g.path(), g.op(), g.out().toString(), g.params().total(), g.macs()));
            }
            formula = NetworkCostView.formulas(cost);
            totals = String.format("total: %s parameters (PyTorch's count), %s MACs on %s", TextTable.grouped(cost.params().total()),
                    TextTable.grouped(cost.macs()), cost.network().spec().input());
        }
        WiringLayout wiring = WiringLayout.fits(chain) ? WiringLayout.of(chain) : null;
        HeatMap heat = wiring == null && HeatMap.fits(chain) ? HeatMap.of(chain) : null;
        String note = wiring != null || heat != null ? "" : "too wide to draw or to count path by path ("
                + chain.outChannels() + " x " + chain.inChannels() + " pairs)";
        return new DesignDetail(s, complementary, balance, tolerance, conditions, formula, costs, totals, wiring, heat, note);
    }

    /** The chain's closed form, from the IGCV2 template's formula for a written-out chain, named after the design. */
    private static BlockFormula chainFormula(Subject s) {
        KernelChain chain = s.chain();
        Igcv2Block block = new Igcv2Block(new Igcv2Block.Written(new ChainDocument(s.name(), chain)), Optional.empty(),
                chain.kernel(0).kernelSize(), chain.kernel(0).stride(), Norm.NONE);
        BlockFormula f = block.formula(new TensorShape(chain.inChannels(), s.resolution(), s.resolution()));
        return new BlockFormula(s.name(), f.terms());
    }

    public boolean balanced() {
        return balance != null && balance.isBalanced(tolerance);
    }

    /** The pair the wiring starts on: the witness of a failure, else the first input and the last output. */
    public int[] defaultPath() {
        return complementary.witness().map(w -> new int[] {w.input(), w.output()})
                .orElse(new int[] {0, subject.chain().outChannels() - 1});
    }
}
