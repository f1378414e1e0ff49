package org.igclab.analyzer.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.igclab.analyzer.chain.ChainEnumerator;
import org.igclab.analyzer.chain.ClosedForms;
import org.igclab.analyzer.chain.EnumeratedDesign;
import org.igclab.analyzer.chain.EnumerationOptions;
import org.igclab.analyzer.chain.FirstKernel;
import org.igclab.analyzer.plot.Charts;
import org.igclab.analyzer.report.ChainReports;
import org.igclab.analyzer.report.Conventions;
import org.igclab.analyzer.text.Csv;
import org.igclab.analyzer.text.Progress;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.io.JsonFields;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code igc enumerate}: every factorization of a kernel of width C, checked and costed. */
@Task.Of(Task.ANALYSE)
@Command(name = "enumerate",
        mixinStandardHelpOptions = true,
        header = "Every factorization of a kernel of width C, checked and costed.",
        sortOptions = false,
        description = {
            "List every chain K_1..K_L with prod K_l = C for a width C: the first kernel is spatial (3x3 by default),",
            "the others 1x1, with canonical interleaving permutations. Each chain is checked (complementary verdict,",
            "balance) and costed, and the list is sorted by parameters."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc enumerate --channels 64",
            "  igc enumerate -c 256 --first channel-wise --layers 3..4 --group-size 4..16",
            "  igc enumerate -c 64 --include-loose --resolution 56 --csv > c64.csv",
            "  igc enumerate -c 1024 --top 10 --json",
            "  igc enumerate -c 64 --plot c64.png       parameters against L, with the balance optimum",
            "",
            "Columns: K = group sizes K_1..K_L (channels per group; 1 = channel-wise), imbalance = max/min of S_l*K_l",
            "over the kernels the balance condition weighs (the 1x1 ones after a channel-wise first kernel)."})
public final class EnumerateCommand implements Callable<Integer> {
    /** Widest C enumerated: every chain is checked, and highly composite widths near it already take a minute. */
    static final int MAX_CHANNELS = 4096;

    @Spec
    CommandSpec spec;

    // its absence is checked in call(), not by picocli, so that a mistyped option is what gets reported
    @Option(names = {"-c", "--channels"}, paramLabel = "C", converter = WholeNumbers.Positive.class,
            description = "Width C (input = output channels); required.")
    Integer channels;

    @Option(names = {"-l", "--layers"}, paramLabel = "L|MIN..MAX", converter = IntRange.Converter.class,
            description = "Number of kernels L, or a range (default: any).")
    IntRange layers;

    @Option(names = "--first", paramLabel = "KIND", converter = FirstKernelConverter.class, defaultValue = "any",
            completionCandidates = FirstKernelConverter.class,
            description = "First kernel: channel-wise (K_1 = 1), grouped (K_1 >= 2) or any (default: ${DEFAULT-VALUE}).")
    FirstKernel first;

    @Option(names = {"-k", "--group-size"}, paramLabel = "K|MIN..MAX", converter = IntRange.Converter.class,
            description = "Bounds on the group sizes K_l (a channel-wise first kernel is exempt).")
    IntRange groupSize;

    @Option(names = "--kernel", paramLabel = "SIDE", defaultValue = "3", converter = WholeNumbers.Positive.class,
            description = "Side of the first kernel, odd (default: ${DEFAULT-VALUE}).")
    int kernel;

    @Option(names = {"-r", "--resolution"}, paramLabel = "SIDE", defaultValue = "32", converter = WholeNumbers.Positive.class,
            description = "Input height = width for MACs (default: ${DEFAULT-VALUE}).")
    int resolution;

    @Option(names = "--include-loose", description = "Also list dense chains with prod K_l > C (redundant paths) in which every kernel is needed.")
    boolean includeLoose;

    @Option(names = "--top", paramLabel = "N", converter = WholeNumbers.Positive.class, description = "Show only the first N designs.")
    Integer top;

    @Mixin
    OutputFormat format;

    @Mixin
    OutputTarget target;

    @Mixin
    PlotOption plot;

    @Override
    public Integer call() throws IOException {
        target.checkBeforeWork();
        plot.checkBeforeWork(spec);
        OutputFormat.Format chosen = format.chosen();
        EnumerationOptions options = options();
        List<EnumeratedDesign> designs;
        try (Progress progress = Progress.onConsole("checking chains")) {
            designs = ChainEnumerator.enumerate(options, progress);
        }
        List<EnumeratedDesign> shown = top == null ? designs : designs.subList(0, Math.min(top, designs.size()));
        ClosedForms closed = ClosedForms.of(channels, kernel);
        String text = switch (chosen) {
            case JSON -> JsonFields.pretty(json(options, closed, designs.size(), shown));
            case CSV -> csv(shown);
            case TABLE -> table(options, closed, designs.size(), shown);
        };
        if (plot.requested()) {
            plot.write(spec, Charts.enumeration(designs, closed, kernel));
        }
        target.emit(spec, text, "");
        return IgcCli.OK;
    }

    private EnumerationOptions options() {
        if (channels == null) {
            throw new InputException("--channels C is required, e.g. igc enumerate --channels 64");
        }
        if (channels > MAX_CHANNELS) {
            throw new InputException("--channels = " + channels + ": enumerate checks every chain exactly, for widths up to "
                    + MAX_CHANNELS + " (check one wider chain with 'igc check FILE', up to 32,768)");
        }
        if (kernel % 2 == 0) {
            throw new InputException("--kernel = " + kernel + " must be a positive odd side (1, 3, 5, ...)");
        }
        IntRange l = layers == null ? new IntRange(1, Integer.MAX_VALUE) : layers;
        IntRange k = groupSize == null ? new IntRange(1, Integer.MAX_VALUE) : groupSize;
        return new EnumerationOptions(channels, l.min(), l.max(), first, k.min(), k.max(), kernel, resolution, includeLoose);
    }

    private static String table(EnumerationOptions o, ClosedForms closed, int total, List<EnumeratedDesign> shown) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("# C = %d, first kernel %dx%d then 1x1, input %dx%d, canonical permutations%n",
                o.channels(), o.firstKernelSize(), o.firstKernelSize(), o.resolution(), o.resolution()));
        s.append(Conventions.textBlock());
        s.append(String.format("# balance optimum, all kernels: L* = ln(C*S_1) = %.2f, Q* = e*C*ln(C*S_1) = %s; integer optimum K = %s, Q = %s%n",
                closed.optimalLength(), TextTable.grouped(Math.round(closed.optimalWeights())),
                closed.integerOptimum().groupSizes(), TextTable.grouped(closed.integerOptimum().weights())));
        s.append(String.format("# balance optimum, channel-wise first: L* = 1 + ln C = %.2f, Q* = S_1*C + e*C*ln C = %s; integer optimum K = %s, Q = %s%n",
                closed.channelWiseOptimalLength(), TextTable.grouped(Math.round(closed.channelWiseOptimalWeights())),
                closed.channelWiseIntegerOptimum().groupSizes(), TextTable.grouped(closed.channelWiseIntegerOptimum().weights())));
        s.append(String.format("# paper's rule: K = 8, L = ceil(log_8 C) + 1 = %d%n", closed.paperRuleLength()));
        TextTable t = new TextTable(">#", "name", ">L", "K", "verdict", ">max paths", ">imbalance", ">params", ">MACs");
        int i = 1;
        for (EnumeratedDesign d : shown) {
            t.row(i++, d.name(), d.shape().length(), d.shape().groupSizeList(), d.complementary().verdict().label(),
                    d.complementary().maxPathCount().label(), TextTable.ratio(d.imbalance()),
                    TextTable.grouped(d.params()), TextTable.grouped(d.macs()));
        }
        s.append(t.render());
        s.append(shown.size() < total ? String.format("(%d of %s shown)%n", shown.size(), TextTable.count(total, "design"))
                : "(" + TextTable.count(total, "design") + ")\n");
        return s.toString();
    }

    private static ObjectNode json(EnumerationOptions o, ClosedForms closed, int total, List<EnumeratedDesign> shown) {
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("format", org.igclab.rules.io.EnumerationJson.FORMAT);
        root.put("channels", o.channels());
        root.put("firstKernelSize", o.firstKernelSize());
        root.put("resolution", o.resolution());
        root.set("conventions", Conventions.json());
        root.set("balanceOptimum", ChainReports.closedForms(closed));
        root.put("total", total);
        root.set("designs", ChainReports.designs(shown));
        return root;
    }

    private static String csv(List<EnumeratedDesign> shown) {
        return Csv.of(ChainReports.CSV_HEADER, shown.stream().map(ChainReports::csvCells).toList());
    }
}
