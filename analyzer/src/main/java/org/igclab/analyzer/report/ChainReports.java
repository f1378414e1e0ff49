package org.igclab.analyzer.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.igclab.analyzer.chain.ClosedForms;
import org.igclab.analyzer.chain.EnumeratedDesign;
import org.igclab.rules.condition.BalanceForm;
import org.igclab.rules.condition.BalanceReport;
import org.igclab.rules.condition.ComplementaryReport;
import org.igclab.rules.condition.IntegerOptimum;
import org.igclab.rules.condition.PathCount;
import org.igclab.rules.condition.Witness;
import org.igclab.rules.io.JsonFields;

/** JSON forms of the condition reports and enumerated designs; field names are part of the documented output. */
public final class ChainReports {

    private ChainReports() {
    }

    public static ObjectNode complementary(ComplementaryReport r) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        n.put("verdict", r.verdict().label());
        n.put("strict", r.isStrict());
        n.put("dense", r.isDense());
        n.put("productOfGroupSizes", r.productOfGroupSizes());
        n.put("inChannels", r.inChannels());
        n.put("outChannels", r.outChannels());
        n.put("necessaryConditionHolds", r.necessaryConditionHolds());
        pathCount(n, "minPathCount", r.minPathCount());
        pathCount(n, "maxPathCount", r.maxPathCount());
        n.put("connectedPairs", r.connectedPairs());
        n.put("redundantPairs", r.redundantPairs());
        n.put("connectedFraction", r.connectedFraction());
        r.witness().ifPresent(w -> n.set("witness", witness(w)));
        r.missing().ifPresent(w -> n.set("missing", witness(w)));
        r.redundant().ifPresent(w -> n.set("redundant", witness(w)));
        n.put("explanation", r.explanation());
        return n;
    }

    /** {@code "maxPathCount": 2, "maxPathCountSaturated": true}: a count of 2 with the flag means two or more. */
    private static void pathCount(ObjectNode n, String field, PathCount count) {
        n.put(field, count.count());
        n.put(field + "Saturated", count.saturated());
    }

    private static ObjectNode witness(Witness w) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        n.put("output", w.output());
        n.put("input", w.input());
        n.put("paths", w.paths());
        n.put("text", w.describe());
        return n;
    }

    public static ObjectNode balance(BalanceReport r, double tolerance) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        n.put("channels", r.channels());
        n.put("weights", r.weights());
        n.put("tolerance", tolerance);
        n.put("balanced", r.isBalanced(tolerance));
        n.put("applicableForm", r.applicable().name());
        n.set("allKernels", form(r.allKernels(), tolerance));
        r.oneByOne().ifPresent(f -> n.set("oneByOneAfterChannelWise", form(f, tolerance)));
        return n;
    }

    private static ObjectNode form(BalanceForm f, double tolerance) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        n.put("name", f.name());
        ArrayNode terms = n.putArray("terms");
        f.terms().forEach(terms::add);
        n.put("imbalance", f.imbalance());
        n.put("balanced", f.isBalanced(tolerance));
        if (!Double.isNaN(f.boundAtLength())) {
            n.put("boundAtLength", f.boundAtLength());
        }
        n.put("optimalLength", f.optimalLength());
        n.put("optimalWeights", f.optimalWeights());
        n.set("integerOptimum", optimum(f.integerOptimum()));
        return n;
    }

    public static ObjectNode optimum(IntegerOptimum o) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        ArrayNode k = n.putArray("groupSizes");
        o.groupSizes().forEach(k::add);
        n.put("length", o.length());
        n.put("weights", o.weights());
        return n;
    }

    public static ObjectNode closedForms(ClosedForms c) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        n.put("channels", c.channels());
        n.put("firstKernelArea", c.firstKernelArea());
        n.put("optimalLength", c.optimalLength());
        n.put("optimalWeights", c.optimalWeights());
        n.set("integerOptimum", optimum(c.integerOptimum()));
        n.put("channelWiseOptimalLength", c.channelWiseOptimalLength());
        n.put("channelWiseOptimalWeights", c.channelWiseOptimalWeights());
        n.set("channelWiseIntegerOptimum", optimum(c.channelWiseIntegerOptimum()));
        n.put("paperRuleLength", c.paperRuleLength());
        return n;
    }

    public static ObjectNode design(EnumeratedDesign d) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        n.put("name", d.name());
        n.put("channels", d.shape().channels());
        n.put("length", d.shape().length());
        ArrayNode k = n.putArray("groupSizes");
        d.shape().groupSizes().forEach(k::add);
        ArrayNode s = n.putArray("kernelSizes");
        d.shape().kernelSizes().forEach(s::add);
        n.put("productOfGroupSizes", d.shape().product());
        n.put("verdict", d.complementary().verdict().label());
        pathCount(n, "maxPathCount", d.complementary().maxPathCount());
        n.put("imbalance", d.imbalance());
        n.put("params", d.params());
        n.put("macs", d.macs());
        n.put("flops", d.flops());
        return n;
    }

    /** The CSV columns of enumerated designs ({@code igc enumerate --csv}), matching {@link #csvCells}. */
    public static final List<String> CSV_HEADER = List.of("name", "channels", "layers", "group_sizes", "kernel_sizes", "product",
            "verdict", "max_paths", "max_paths_saturated", "imbalance", "params", "macs", "flops");

    /** One design's CSV cells, in the order of {@link #CSV_HEADER}. */
    public static List<Object> csvCells(EnumeratedDesign d) {
        return List.of(d.name(), d.shape().channels(), d.shape().length(), d.shape().groupSizeList(), d.shape().kernelSizeList(),
                d.shape().product(), d.complementary().verdict().label(), d.complementary().maxPathCount().count(),
                d.complementary().maxPathCount().saturated(), d.imbalance(), d.params(), d.macs(), d.flops());
    }

    public static ArrayNode designs(List<EnumeratedDesign> designs) {
        ArrayNode a = JsonFields.MAPPER.createArrayNode();
        designs.forEach(d -> a.add(design(d)));
        return a;
    }
}
