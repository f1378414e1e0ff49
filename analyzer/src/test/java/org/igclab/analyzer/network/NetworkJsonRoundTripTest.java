package org.igclab.analyzer.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.design.DesignIdentity;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.rules.io.JsonFields;

/** {@code parse(write(n))} is {@code n}: for every sample network and for random ones. */
class NetworkJsonRoundTripTest {

    static List<Path> samples(String folder) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "samples", folder))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    static void assertRoundTrips(Network n) {
        String text = NetworkJson.write(n);
        Network back = NetworkJson.parse(text);
        assertThat(back).isEqualTo(n);
        assertThat(NetworkJson.write(back)).isEqualTo(text);
    }

    @Example
    void everySampleNetworkRoundTrips() throws IOException {
        List<Path> files = samples("networks");
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("resnet18.json", "mobilenet-v1.json", "igc-l4m32-imagenet.json", "cifar-igcv1-l24m2-d38.json");
        for (Path file : files) {
            Network n = NetworkJson.read(file);
            assertRoundTrips(n);
            // and the written form costs the same
            NetworkCost before = CostModel.of(n);
            NetworkCost after = CostModel.of(NetworkJson.parse(NetworkJson.write(n)));
            assertThat(after.params()).as(file.toString()).isEqualTo(before.params());
            assertThat(after.macs()).as(file.toString()).isEqualTo(before.macs());
        }
    }

    /** The skeleton sample is written out as explicit stem, stages and head, with out and stride filled in. */
    @Example
    void aSkeletonIsWrittenAsTheNetworkItGenerates() throws IOException {
        Network n = NetworkJson.read(Path.of("..", "samples", "networks", "cifar-igcv1-l24m2-d38.json"));
        ObjectNode written = NetworkJson.toJson(n);
        assertThat(written.has("skeleton")).isFalse();
        assertThat(written.get("stem")).hasSize(3);
        assertThat(written.get("stages")).hasSize(3);
        assertThat(written.at("/stages/1/blocks/0/out").asInt()).isEqualTo(96);
        assertThat(written.at("/stages/1/blocks/0/stride").asInt()).isEqualTo(2);
        assertThat(written.at("/stages/1/blocks/1/stride").asInt()).isEqualTo(1);
        assertThat(written.get("head")).hasSize(2);
    }

    /** A stage's name is kept in the written JSON, and left out of the design's identity as an operation's name is. */
    @Example
    void stageNamesAreWrittenBackButDoNotChangeTheDesignsHash() throws IOException {
        Path file = Path.of("..", "samples", "networks", "resnet18.json");
        Network n = NetworkJson.read(file);
        ObjectNode written = NetworkJson.toJson(n);
        assertThat(written.get("stages").findValuesAsText("name")).containsExactly("layer1", "layer2", "layer3", "layer4");
        assertThat(written.at("/stages/0/blocks").size()).isEqualTo(2);

        ObjectNode unnamed = (ObjectNode) JsonFields.MAPPER.readTree(Files.readString(file));
        unnamed.get("stages").forEach(stage -> ((ObjectNode) stage).remove("name"));
        Network without = NetworkJson.parse(JsonFields.pretty(unnamed));
        assertThat(without.labels()).isEmpty();
        assertThat(NetworkJson.toJson(without).get("stages").findValues("name")).isEmpty();
        assertThat(DesignIdentity.of(new Design.NetworkDesign(n))).isEqualTo(DesignIdentity.of(new Design.NetworkDesign(without)));
    }

    /** A chain file seen as a network (its kernels and permutations as layers) also round-trips. */
    @Example
    void chainsAsNetworksRoundTrip() throws IOException {
        for (Path file : samples("chains")) {
            Design d = DesignFiles.read(file);
            assertRoundTrips(d.asNetwork(16));
        }
    }

    @Property(tries = 300)
    void randomNetworksRoundTrip(@ForAll("files") ObjectNode file) {
        Network n = NetworkJson.parse(JsonFields.pretty(file));
        assertRoundTrips(n);
        String text = JsonFields.pretty(file);
        Statistics.label("residual").collect(text.contains("\"residual\""));
        Statistics.label("split").collect(text.contains("\"split\""));
        Statistics.label("concat").collect(text.contains("\"concat\""));
        Statistics.label("written chain").collect(text.contains("\"chain\""));
        Statistics.label("residual").coverage(c -> c.check(true).count(k -> k >= 20));
        Statistics.label("split").coverage(c -> c.check(true).count(k -> k >= 20));
        Statistics.label("concat").coverage(c -> c.check(true).count(k -> k >= 20));
        Statistics.label("written chain").coverage(c -> c.check(true).count(k -> k >= 10));
    }

    @Provide
    Arbitrary<ObjectNode> files() {
        return RandomNetworkFiles.network();
    }
}
