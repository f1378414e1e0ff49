package org.igclab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.rules.condition.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Network tab's model, without JavaFX: sample networks and ONNX models written by {@code igc export --format onnx}. */
class NetworkOverviewTest {
    private static final Path NETWORKS = Path.of("..", "samples", "networks");

    @TempDir
    static Path dir;
    /** The Fashion-MNIST sample as it was before its stage transitions widened last: two dense blocks among strict ones. */
    private static Path FASHION;
    private static Path onnx;

    @BeforeAll
    static void export() throws java.io.IOException {
        String sample = Files.readString(NETWORKS.resolve("fashion-igcv2-small.json"));
        String widenFirst = sample.replace(", \"widen\": \"last\"", "");
        assertThat(widenFirst).isNotEqualTo(sample);
        FASHION = Files.writeString(dir.resolve("fashion-igcv2-small.json"), widenFirst);
        onnx = dir.resolve("fashion.onnx");
        StringWriter err = new StringWriter();
        int code = IgcCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "export", FASHION.toString(), "--format", "onnx",
                "-o", onnx.toString());
        assertThat(code).as(err.toString()).isZero();
    }

    static NetworkOverview open(Path file) throws Exception {
        return NetworkOverview.of((Design.NetworkDesign) DesignFiles.read(file).namedAfter(file));
    }

    private static Optional<NetworkOverview.Row> row(NetworkOverview o, String path) {
        return o.rows().stream().filter(r -> r.layer().path().equals(path)).findFirst();
    }

    @Test
    void resnet50ShowsItsTreeTotalsAndSharesWithoutChains() throws Exception {
        NetworkOverview o = open(NETWORKS.resolve("resnet50.json"));
        // torchvision's counts (the samples' own test checks them against torch)
        assertThat(o.cost().params().total()).isEqualTo(25_557_032L);
        assertThat(o.cost().macs()).isEqualTo(4_089_184_256L);
        List<NetworkOverview.Row> top = o.rows().stream().filter(r -> r.layer().level() == 1).toList();
        assertThat(top.stream().mapToLong(r -> r.layer().params().total()).sum()).isEqualTo(o.cost().params().total());
        assertThat(top.stream().mapToDouble(NetworkOverview.Row::macsShare).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        NetworkOverview.Row block = row(o, "stages[3].blocks[0]").orElseThrow();
        assertThat(block.layer().type()).startsWith("ResNet bottleneck 1024->512->2048");
        assertThat(block.paramsShare()).isCloseTo(6_039_552.0 / 25_557_032, org.assertj.core.data.Offset.offset(1e-12));
        // its layers are in the tree under it, down to the convolutions with their kernels
        assertThat(o.rows().stream().filter(r -> r.layer().level() > 1 && r.layer().path().startsWith("stages[3].blocks[0].")
                && r.layer().groups().isPresent())).isNotEmpty();
        // no grouped convolution anywhere: no chain, no verdict
        assertThat(o.chains()).isEmpty();
        assertThat(o.rows()).allMatch(r -> r.verdict().isEmpty() && r.chain().isEmpty());
        assertThat(o.lowerBound()).isFalse();
        assertThat(o.summary()).startsWith("ResNet-50").contains("25,557,032 parameters", "4,089,184,256 MACs", "no chain of group convolutions");
    }

    @Test
    void aSkeletonNetworkShowsEachBlocksVerdictAndItsChain() throws Exception {
        NetworkOverview o = open(FASHION);
        NetworkOverview.Row first = row(o, "stages[0].blocks[0]").orElseThrow();
        assertThat(first.verdict()).contains(Verdict.STRICT);
        assertThat(first.imbalanceText()).isEqualTo("1.000");
        assertThat(first.chain().orElseThrow().chain().groupSizes()).containsExactly(1, 8, 8);
        // this sample's stage transition widens first: dense, as igc check says
        assertThat(row(o, "stages[1].blocks[0]").orElseThrow().verdict()).contains(Verdict.DENSE);
        // a layer of the chain carries it too; the stem has none
        assertThat(o.rows().stream().filter(r -> r.layer().path().startsWith("stages[0].blocks[0].") && r.layer().groups().isPresent()))
                .isNotEmpty().allMatch(r -> r.chain().equals(first.chain()));
        assertThat(row(o, "stem[0]").orElseThrow().chain()).isEmpty();
        assertThat(o.summary()).contains("strict", "dense", "chains of group convolutions");
    }

    @Test
    void anOnnxModelCountsAsItsNetworkAndFindsItsChains() throws Exception {
        NetworkOverview fromJson = open(FASHION);
        NetworkOverview o = open(onnx);
        assertThat(o.cost().params().total()).isEqualTo(fromJson.cost().params().total());
        assertThat(o.cost().macs()).isEqualTo(fromJson.cost().macs());
        // an imported model has no template blocks: its verdicts are those of the chains found in it, one per block
        assertThat(o.blocks().blocks()).isEmpty();
        assertThat(o.chains()).hasSameSizeAs(fromJson.blocks().blocks());
        assertThat(o.chains().stream().map(c -> c.report().verdict()).toList())
                .isEqualTo(fromJson.blocks().blocks().stream().map(b -> b.verdict().orElseThrow()).toList());
        // every layer from a chain's first convolution to its last carries it; the layers between chains do not
        var chain = o.chains().get(0).found();
        List<NetworkOverview.Row> rows = o.rows();
        int from = rows.indexOf(row(o, chain.first()).orElseThrow());
        int to = rows.indexOf(row(o, chain.last()).orElseThrow());
        assertThat(rows.subList(from, to + 1)).allMatch(r -> r.chain().equals(Optional.of(chain.chain())) && r.verdict().isPresent());
        assertThat(rows.get(from - 1).chain()).isEmpty();
        // every chain, a stage transition that widens included, is described as the detail pane shows it
        for (NetworkOverview.Row r : rows) {
            if (r.chain().isPresent()) {
                DesignDetail d = DesignDetail.of(Subject.opened(r.chain().get(), r.layer().in().height()), 0);
                assertThat(d.complementary().verdict()).isEqualTo(r.verdict().orElseThrow());
            }
        }
        assertThat(o.lowerBound()).isFalse();
        // the export carries the design's name in its metadata
        assertThat(o.summary()).startsWith(fromJson.name() + ":").contains("9 chains of group convolutions: 7 strict, 2 dense").doesNotContain("at least");
    }

    @Test
    void operatorsNotCountedAreNamedAndTheTotalsAreLowerBounds() throws Exception {
        // the exported model with its first ReLU replaced by an operator IGC Lab does not count
        ModelProto.Builder model = ModelProto.parseFrom(Files.readAllBytes(onnx)).toBuilder();
        var relu = model.getGraphBuilder().getNodeBuilderList().stream().filter(n -> n.getOpType().equals("Relu")).findFirst().orElseThrow();
        relu.setOpType("LeakyRelu");
        Path leaky = dir.resolve("leaky.onnx");
        Files.write(leaky, model.build().toByteArray());

        NetworkOverview o = open(leaky);
        assertThat(o.lowerBound()).isTrue();
        assertThat(o.unknown()).isEqualTo(Map.of("LeakyRelu", 1));
        assertThat(o.lowerBoundNote()).contains("LeakyRelu x1", "lower bound");
        assertThat(o.summary()).contains("at least");
        NetworkCost cost = CostModel.of(ShapeInference.resolve(((Design.NetworkDesign) DesignFiles.read(leaky)).network()));
        assertThat(o.cost().params()).isEqualTo(cost.params());
    }
}
