package org.igclab.rules.graph;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;

/** Writes a channel graph as DOT (Graphviz) or GraphML, with stage, channel, step and group as attributes. */
public final class GraphExport {

    private GraphExport() {
    }

    /** Graphviz DOT, laid out left to right (inputs on the left). */
    public static String toDot(Graph<ChannelNode, ChannelEdge> graph) {
        DOTExporter<ChannelNode, ChannelEdge> exporter = new DOTExporter<>(ChannelNode::id);
        exporter.setGraphIdProvider(() -> "channels");
        exporter.setGraphAttributeProvider(() -> {
            Map<String, Attribute> attrs = new LinkedHashMap<>();
            attrs.put("rankdir", DefaultAttribute.createAttribute("LR"));
            attrs.put("ranksep", DefaultAttribute.createAttribute("1.5"));
            return attrs;
        });
        exporter.setVertexAttributeProvider(GraphExport::vertexAttributes);
        exporter.setEdgeAttributeProvider(e -> {
            Map<String, Attribute> attrs = new LinkedHashMap<>();
            attrs.put("label", DefaultAttribute.createAttribute(e.step()));
            if (e.group() >= 0) {
                attrs.put("colorscheme", DefaultAttribute.createAttribute("set19"));
                attrs.put("color", DefaultAttribute.createAttribute(Integer.toString(e.group() % 9 + 1)));
            }
            return attrs;
        });
        StringWriter out = new StringWriter();
        exporter.exportGraph(graph, out);
        return out.toString();
    }

    /** GraphML with typed attributes: vertices carry {@code stage}, {@code channel}; edges {@code step}, {@code group}. */
    public static String toGraphMl(Graph<ChannelNode, ChannelEdge> graph) {
        GraphMLExporter<ChannelNode, ChannelEdge> exporter = new GraphMLExporter<>(ChannelNode::id);
        exporter.registerAttribute("stage", GraphMLExporter.AttributeCategory.NODE, AttributeType.INT);
        exporter.registerAttribute("channel", GraphMLExporter.AttributeCategory.NODE, AttributeType.INT);
        exporter.registerAttribute("step", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
        exporter.registerAttribute("group", GraphMLExporter.AttributeCategory.EDGE, AttributeType.INT);
        exporter.setVertexAttributeProvider(v -> {
            Map<String, Attribute> attrs = new LinkedHashMap<>();
            attrs.put("stage", DefaultAttribute.createAttribute(v.stage()));
            attrs.put("channel", DefaultAttribute.createAttribute(v.channel()));
            return attrs;
        });
        exporter.setEdgeAttributeProvider(e -> {
            Map<String, Attribute> attrs = new LinkedHashMap<>();
            attrs.put("step", DefaultAttribute.createAttribute(e.step()));
            attrs.put("group", DefaultAttribute.createAttribute(e.group()));
            return attrs;
        });
        StringWriter out = new StringWriter();
        exporter.exportGraph(graph, out);
        return out.toString();
    }

    private static Map<String, Attribute> vertexAttributes(ChannelNode v) {
        Map<String, Attribute> attrs = new LinkedHashMap<>();
        attrs.put("label", DefaultAttribute.createAttribute(Integer.toString(v.channel())));
        attrs.put("shape", DefaultAttribute.createAttribute("circle"));
        return attrs;
    }
}
