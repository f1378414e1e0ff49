package org.igclab.rules.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.igclab.rules.model.KernelChain;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.dot.DOTImporter;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The exported files load back with JGraphT's importers and an XML parser. */
class GraphExportTest {

    private static final KernelChain CHAIN = KernelChain.interleaved(8, 3, 2, 4);

    private static Graph<String, DefaultEdge> emptyGraph() {
        return new DefaultDirectedGraph<>(SupplierUtil.createStringSupplier(), SupplierUtil.createDefaultEdgeSupplier(), false);
    }

    private static Set<String> ids(Graph<ChannelNode, ChannelEdge> graph) {
        return graph.vertexSet().stream().map(ChannelNode::id).collect(Collectors.toSet());
    }

    private static Set<String> edgeIds(Graph<ChannelNode, ChannelEdge> graph) {
        return graph.edgeSet().stream().map(e -> graph.getEdgeSource(e).id() + "->" + graph.getEdgeTarget(e).id()).collect(Collectors.toSet());
    }

    private static <V> Set<String> edgeIdsOf(Graph<V, DefaultEdge> graph) {
        Set<String> out = new HashSet<>();
        for (DefaultEdge e : graph.edgeSet()) {
            out.add(graph.getEdgeSource(e) + "->" + graph.getEdgeTarget(e));
        }
        return out;
    }

    @Test
    void dotLoadsBackWithTheSameVerticesAndEdges() {
        Graph<ChannelNode, ChannelEdge> graph = ChannelGraph.of(CHAIN);
        String dot = GraphExport.toDot(graph);
        assertThat(dot).contains("digraph channels");

        Graph<String, DefaultEdge> loaded = emptyGraph();
        DOTImporter<String, DefaultEdge> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> id);
        Map<String, String> labels = new HashMap<>();
        importer.addVertexAttributeConsumer((pair, attribute) -> {
            if (pair.getSecond().equals("label")) {
                labels.put(pair.getFirst(), attribute.getValue());
            }
        });
        Map<String, Attribute> graphAttributes = new HashMap<>();
        importer.addGraphAttributeConsumer(graphAttributes::put);
        Map<String, String> edgeSteps = new HashMap<>();
        importer.addEdgeAttributeConsumer((pair, attribute) -> {
            if (pair.getSecond().equals("label")) {
                edgeSteps.merge(attribute.getValue(), "x", String::concat);
            }
        });
        importer.importGraph(loaded, new StringReader(dot));

        assertThat(loaded.vertexSet()).hasSize(32).isEqualTo(ids(graph));
        assertThat(edgeIdsOf(loaded)).hasSize(56).isEqualTo(edgeIds(graph));
        assertThat(labels).containsEntry("s0_c5", "5").containsEntry("s3_c7", "7").hasSize(32);
        assertThat(graphAttributes.get("rankdir").getValue()).isEqualTo("LR");
        // 16 W1 edges, 8 P1 edges, 32 W2 edges
        assertThat(edgeSteps.get("W1")).hasSize(16);
        assertThat(edgeSteps.get("P1")).hasSize(8);
        assertThat(edgeSteps.get("W2")).hasSize(32);
    }

    @Test
    void graphMlLoadsBackWithJGraphT() {
        Graph<ChannelNode, ChannelEdge> graph = ChannelGraph.of(CHAIN);
        String xml = GraphExport.toGraphMl(graph);

        Graph<String, DefaultEdge> loaded = emptyGraph();
        GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
        importer.setVertexFactory(id -> id);
        Map<String, Map<String, String>> vertexAttributes = new HashMap<>();
        importer.addVertexAttributeConsumer((pair, attribute) ->
                vertexAttributes.computeIfAbsent(pair.getFirst(), k -> new HashMap<>()).put(pair.getSecond(), attribute.getValue()));
        importer.importGraph(loaded, new StringReader(xml));

        assertThat(loaded.vertexSet()).hasSize(32).isEqualTo(ids(graph));
        assertThat(edgeIdsOf(loaded)).isEqualTo(edgeIds(graph));
        // every vertex carries its stage and channel, matching its id
        for (ChannelNode v : graph.vertexSet()) {
            assertThat(vertexAttributes.get(v.id()))
                    .containsEntry("stage", Integer.toString(v.stage()))
                    .containsEntry("channel", Integer.toString(v.channel()));
        }
    }

    @Test
    void graphMlIsWellFormedXml() throws Exception {
        Graph<ChannelNode, ChannelEdge> graph = ChannelGraph.of(KernelChain.interleaved(12, 3, 1, 3, 4));
        String xml = GraphExport.toGraphMl(graph);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));

        // stages 0..5 of 12 channels; edges 12*1 + 12 + 12*3 + 12 + 12*4
        NodeList nodes = doc.getElementsByTagNameNS("*", "node");
        NodeList edges = doc.getElementsByTagNameNS("*", "edge");
        assertThat(nodes.getLength()).isEqualTo(72).isEqualTo(graph.vertexSet().size());
        assertThat(edges.getLength()).isEqualTo(120).isEqualTo(graph.edgeSet().size());
        Set<String> keys = new HashSet<>();
        NodeList keyNodes = doc.getElementsByTagNameNS("*", "key");
        for (int k = 0; k < keyNodes.getLength(); k++) {
            keys.add(((Element) keyNodes.item(k)).getAttribute("attr.name"));
        }
        assertThat(keys).contains("stage", "channel", "step", "group");
    }
}
