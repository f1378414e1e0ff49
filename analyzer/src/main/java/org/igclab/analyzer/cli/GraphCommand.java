package org.igclab.analyzer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.igclab.rules.graph.ChannelEdge;
import org.igclab.rules.graph.ChannelGraph;
import org.igclab.rules.graph.ChannelNode;
import org.igclab.rules.graph.GraphExport;
import org.igclab.rules.io.ChainDocument;
import org.jgrapht.Graph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code igc graph FILE}: the channel graph of a chain as DOT or GraphML. */
@Task.Of(Task.EXPORT)
@Command(name = "graph",
        mixinStandardHelpOptions = true,
        header = "The channel graph of a chain, or of a network's block, as DOT or GraphML.",
        sortOptions = false,
        description = {
            "Write the channel graph of a chain (a vertex per channel per stage, an edge per connection, coloured by",
            "group) as Graphviz DOT or GraphML, for widths small enough to draw (at most "
                + ChannelGraph.MAX_EDGES + " edges). For a network file, --block names the block whose chain to draw."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc graph samples/chains/igcv1-l4m2.json | dot -Tsvg > wiring.svg",
            "  igc graph samples/chains/igcv2-c64.json --format graphml -o igcv2.graphml",
            "  igc graph samples/networks/cifar-igcv1-l24m2-d38.json --block 'stages[0].blocks[0]'"})
public final class GraphCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A chain or network file (JSON).")
    Path file;

    @Option(names = "--block", paramLabel = "PATH", description = "For a network: the block to draw, by its path (e.g. stages[0].blocks[1]).")
    String block;

    /** The file formats of a graph. */
    enum GraphFormat {
        DOT, GRAPHML;

        static final class Names extends Choice<GraphFormat> {
            Names() {
                super(values());
            }
        }
    }

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "dot", converter = GraphFormat.Names.class,
            completionCandidates = GraphFormat.Names.class, description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    GraphFormat graphFormat;

    @Mixin
    OutputTarget target;

    @Override
    public Integer call() throws IOException {
        target.checkBeforeWork();
        ChainDocument doc = DesignInputs.chain(file, block);
        long edges = ChannelGraph.edgeCount(doc.chain());
        if (edges > ChannelGraph.MAX_EDGES) {
            throw new InputException(file + ": the channel graph would have " + edges + " edges, more than "
                    + ChannelGraph.MAX_EDGES + "; draw a narrower chain");
        }
        Graph<ChannelNode, ChannelEdge> graph = ChannelGraph.of(doc.chain());
        String text = switch (graphFormat) {
            case DOT -> GraphExport.toDot(graph);
            case GRAPHML -> GraphExport.toGraphMl(graph);
        };
        target.emit(spec, text, graph.vertexSet().size() + " vertices, " + edges + " edges");
        return IgcCli.OK;
    }
}
