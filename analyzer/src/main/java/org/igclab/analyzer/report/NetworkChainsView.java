package org.igclab.analyzer.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.igclab.analyzer.network.GroupConvChains;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.condition.ComplementaryReport;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.GroupConv;

/** The complementary verdict of every chain of group convolutions found in a network ({@code igc check model.onnx}). */
public final class NetworkChainsView {
    private NetworkChainsView() {
    }

    /** A chain with its verdict. */
    public record Checked(GroupConvChains.Found found, ComplementaryReport report) {
    }

    public static List<Checked> check(List<GroupConvChains.Found> chains) {
        return chains.stream().map(f -> new Checked(f, ComplementaryCondition.check(f.chain().chain()))).toList();
    }

    /** One line per chain, then a summary line. */
    public static String text(String file, List<Checked> checked) {
        StringBuilder s = new StringBuilder("# " + file + ": " + checked.size() + " chain" + (checked.size() == 1 ? "" : "s")
                + " of group convolutions (two or more convolutions, one grouped, with only BN and permutations between)\n");
        for (Checked c : checked) {
            s.append(c.found().chain().name()).append(": ").append(shape(c)).append(", ").append(c.report().verdict().label())
                    .append(c.report().isStrict() ? "" : " (" + c.report().explanation() + ")").append('\n');
        }
        s.append(summary(checked)).append('\n');
        return s.toString();
    }

    private static String shape(Checked c) {
        List<GroupConv> k = c.found().chain().chain().kernels();
        return "C = " + k.get(0).inChannels() + (k.get(0).inChannels() == k.get(k.size() - 1).outChannels() ? "" : " -> "
                + k.get(k.size() - 1).outChannels()) + ", K = (" + Arrays.stream(c.found().chain().chain().groupSizes())
                .mapToObj(Integer::toString).collect(Collectors.joining(", ")) + ")";
    }

    /** {@code 17 chains: 0 strict, 17 dense, 0 neither}. */
    public static String summary(List<Checked> checked) {
        long strict = checked.stream().filter(c -> c.report().isStrict()).count();
        long dense = checked.stream().filter(c -> c.report().isDense() && !c.report().isStrict()).count();
        return checked.size() + (checked.size() == 1 ? " chain: " : " chains: ") + strict + " strict, " + dense + " dense, " + (checked.size() - strict - dense) + " neither";
    }

    public static ObjectNode json(String file, List<Checked> checked) {
        ObjectNode root = JsonFields.MAPPER.createObjectNode().put("file", file);
        ArrayNode chains = root.putArray("chains");
        for (Checked c : checked) {
            ObjectNode n = chains.addObject().put("first", c.found().first()).put("last", c.found().last()).put("shape", shape(c));
            n.set("complementary", ChainReports.complementary(c.report()));
        }
        return root.put("summary", summary(checked));
    }
}
