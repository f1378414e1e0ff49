package org.igclab.analyzer.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.template.BlockTemplate;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.condition.BalanceCondition;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.condition.Verdict;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.KernelChain;

/**
 * The complementary verdict of every block of a network, as {@code igc check NETWORK} prints it: a block that is a
 * chain of structured sparse kernels (or holds several, like a ResNet block of IGC pairs) gets its worst verdict and
 * imbalance; other blocks have none.
 *
 * @param blocks every block, in execution order
 */
public record NetworkVerdicts(List<BlockVerdict> blocks) {

    /**
     * One block's verdict.
     *
     * @param path      where the block is ({@code stages[1].blocks[0]})
     * @param type      its template ({@code igcv2})
     * @param label     its human name on its input
     * @param chains    how many chains of structured sparse kernels it holds
     * @param verdict   the worst verdict over its chains; empty when it holds none
     * @param imbalance the largest imbalance over its chains ({@code NaN} when it holds none)
     */
    public record BlockVerdict(String path, String type, String label, int chains, Optional<Verdict> verdict, double imbalance) {
    }

    public NetworkVerdicts {
        blocks = List.copyOf(blocks);
    }

    /** The verdicts of every block under {@code root}; blocks alike on the same input width are judged once. */
    public static NetworkVerdicts of(Layer root) {
        record Key(BlockTemplate template, int channels) {
        }
        Map<Key, BlockVerdict> judged = new HashMap<>();
        List<BlockVerdict> blocks = new ArrayList<>();
        for (Layer.BlockLayer b : root.blocks().toList()) {
            BlockVerdict v = judged.computeIfAbsent(new Key(b.template(), b.in().channels()), k -> judge(b));
            blocks.add(new BlockVerdict(b.path(), v.type(), v.label(), v.chains(), v.verdict(), v.imbalance()));
        }
        return new NetworkVerdicts(blocks);
    }

    private static BlockVerdict judge(Layer.BlockLayer b) {
        List<KernelChain> chains = b.template().chains(b.in());
        Optional<Verdict> worst = Optional.empty();
        double imbalance = chains.isEmpty() ? Double.NaN : 0;
        for (KernelChain c : chains) {
            Verdict v = ComplementaryCondition.check(c).verdict();
            worst = Optional.of(worst.filter(w -> w.compareTo(v) >= 0).orElse(v));
            imbalance = Math.max(imbalance, BalanceCondition.imbalance(c));
        }
        return new BlockVerdict(b.path(), b.template().type(), b.template().label(b.in()), chains.size(), worst, imbalance);
    }

    /** How many blocks have this verdict. */
    public long count(Verdict verdict) {
        return blocks.stream().filter(b -> b.verdict().equals(Optional.of(verdict))).count();
    }

    /** How many blocks hold no chain. */
    public long withoutChains() {
        return blocks.stream().filter(b -> b.verdict().isEmpty()).count();
    }

    /** True when at least one block is a chain and every chain is strictly complementary: {@code igc check} exits 0. */
    public boolean allStrict() {
        return withoutChains() < blocks.size() && count(Verdict.STRICT) == blocks.size() - withoutChains();
    }

    /** {@code 38 blocks: 36 strict, 2 dense, 0 neither, 0 without a chain}. */
    public String summary() {
        return TextTable.count(blocks.size(), "block") + ": " + count(Verdict.STRICT) + " strict, " + count(Verdict.DENSE) + " dense, "
                + count(Verdict.NEITHER) + " neither, " + withoutChains() + " without a chain";
    }

    /** One line a block (path, type, verdict, imbalance, label), then the summary. */
    public String text() {
        TextTable t = new TextTable("block", "type", "verdict", ">imbalance", "label");
        for (BlockVerdict b : blocks) {
            t.row(b.path(), b.type(), b.verdict().map(Verdict::label).orElse("-"),
                    b.verdict().isPresent() ? TextTable.ratio(b.imbalance()) : "-", b.label());
        }
        return t.render() + summary() + "\n";
    }

    /** The blocks and the counts as JSON. */
    public ObjectNode toJson() {
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        ArrayNode array = root.putArray("blocks");
        for (BlockVerdict b : blocks) {
            ObjectNode n = array.addObject().put("path", b.path()).put("type", b.type()).put("label", b.label()).put("chains", b.chains());
            if (b.verdict().isPresent()) {
                n.put("verdict", b.verdict().get().label()).put("imbalance", b.imbalance());
            } else {
                n.putNull("verdict");
            }
        }
        ObjectNode counts = root.putObject("summary").put("blocks", blocks.size());
        for (Verdict v : Verdict.values()) {
            counts.put(v.label(), count(v));
        }
        counts.put("withoutChain", withoutChains()).put("allStrict", allStrict());
        return root;
    }
}
