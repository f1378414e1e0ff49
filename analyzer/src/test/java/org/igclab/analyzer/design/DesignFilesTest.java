package org.igclab.analyzer.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.igclab.analyzer.network.NetworkJson;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.io.ChainJson;
import org.igclab.rules.model.InvalidDesignException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telling chains from networks, and the identity of a design whatever way it is written. */
class DesignFilesTest {
    @TempDir
    Path dir;

    static final String CHAIN_FIELDS = "\"channels\": 8, \"kernels\": [{\"groupSize\": 1, \"kernel\": 3}, {\"groupSize\": 8}]";
    static final String NETWORK_FIELDS = "\"input\": {\"channels\": 3, \"size\": 8}, \"layers\": [{\"type\": \"conv\", \"out\": 4}]";

    @Test
    void chainsAreRecognisedByFormatOrByKernels() {
        assertThat(DesignFiles.parse("{\"format\": \"igc-chain/1\", " + CHAIN_FIELDS + "}")).isInstanceOf(Design.ChainDesign.class);
        Design bare = DesignFiles.parse("{" + CHAIN_FIELDS + "}");
        assertThat(bare).isInstanceOf(Design.ChainDesign.class);
        assertThat(((Design.ChainDesign) bare).document().chain().groupSizes()).containsExactly(1, 8);
    }

    @Test
    void networksAreRecognisedByFormatOrByInputLayersOrSkeleton() {
        assertThat(DesignFiles.parse("{\"format\": \"igc-network/1\", " + NETWORK_FIELDS + "}")).isInstanceOf(Design.NetworkDesign.class);
        assertThat(DesignFiles.parse("{" + NETWORK_FIELDS + "}")).isInstanceOf(Design.NetworkDesign.class);
        assertThat(DesignFiles.parse("{\"input\": {\"channels\": 3, \"size\": 8}, \"stem\": [{\"type\": \"bn\"}]}"))
                .isInstanceOf(Design.NetworkDesign.class);
        assertThat(DesignFiles.parse("{\"skeleton\": {\"type\": \"cifar\", \"width\": 8, \"depth\": 5, \"block\": {\"type\": \"dwsep\"}}}"))
                .isInstanceOf(Design.NetworkDesign.class);
        // with "layers" but no input it is a network, and the network reader says what is missing
        assertThatThrownBy(() -> DesignFiles.parse("{\"layers\": [{\"type\": \"bn\"}]}"))
                .isInstanceOf(InvalidDesignException.class).hasMessage("input: is missing");
    }

    @Test
    void aFileThatIsNeitherSaysSo() {
        assertThatThrownBy(() -> DesignFiles.parse("{\"name\": \"x\", \"stages\": []}"))
                .isInstanceOf(InvalidDesignException.class)
                .hasMessage("is neither a chain (no \"kernels\") nor a network (no \"input\", \"layers\" or \"skeleton\"); "
                        + "give \"format\": \"igc-chain/1\" or \"igc-network/1\"");
        assertThatThrownBy(() -> DesignFiles.parse("{\"format\": \"igc-graph/1\", " + CHAIN_FIELDS + "}"))
                .isInstanceOf(InvalidDesignException.class)
                .hasMessage("format = \"igc-graph/1\" is not a design format (expected \"igc-chain/1\" or \"igc-network/1\")");
        assertThatThrownBy(() -> DesignFiles.parse("[1, 2]")).isInstanceOf(InvalidDesignException.class)
                .hasMessage("must be an object, found a list");
    }

    @Test
    void theFormatDecidesOverTheFields() {
        // a network format with chain fields is read as a network, and fails as one
        assertThatThrownBy(() -> DesignFiles.parse("{\"format\": \"igc-network/1\", " + CHAIN_FIELDS + "}"))
                .isInstanceOf(InvalidDesignException.class).hasMessageStartingWith("channels: is not a known field");
        assertThatThrownBy(() -> DesignFiles.parse("{\"format\": \"igc-chain/1\", " + NETWORK_FIELDS + "}"))
                .isInstanceOf(InvalidDesignException.class).hasMessageStartingWith("input: is not a known field");
    }

    @Test
    void readingFilesAndDirectories() throws IOException {
        Path net = Files.writeString(dir.resolve("n.json"), "{" + NETWORK_FIELDS + "}");
        assertThat(DesignFiles.read(net)).isInstanceOf(Design.NetworkDesign.class);
        assertThatThrownBy(() -> DesignFiles.read(dir)).isInstanceOf(InvalidDesignException.class).hasMessageEndingWith("is a directory, not a design file");
    }

    @Test
    void aChainAsANetworkIsItsKernelsAndPermutations() {
        Design d = DesignFiles.parse("{" + CHAIN_FIELDS + "}");
        var n = d.asNetwork(16);
        assertThat(n.input()).isEqualTo(new TensorShape(8, 16, 16));
        assertThat(n.layers()).hasSize(2); // the permutation after a channel-wise kernel is the identity and left out
        Design net = DesignFiles.parse("{" + NETWORK_FIELDS + "}");
        assertThat(net.asNetwork(32).input()).isEqualTo(new TensorShape(3, 32, 32));
        assertThat(net.asNetwork(32).layers()).isEqualTo(((Design.NetworkDesign) net).network().layers());
    }

    // ---- identity -------------------------------------------------------------------------------------------------

    static DesignIdentity id(String json) {
        return DesignIdentity.of(DesignFiles.parse(json));
    }

    @Test
    void defaultsLeftOutOrWrittenGiveTheSameHash() {
        DesignIdentity terse = id("""
                {"name": "n", "input": {"channels": 3, "size": 32},
                 "stem": [{"type": "conv", "out": 16}, {"type": "bn"}, {"type": "relu"}],
                 "stages": [{"name": "first", "blocks": [{"type": "igcv1", "L": 4}, {"type": "dwsep", "out": 32, "stride": 2}]}],
                 "head": [{"type": "gap"}, {"type": "linear", "out": 10}]}""");
        DesignIdentity explicit = id("""
                {"format": "igc-network/1", "name": "n", "description": "the same, every default written",
                 "input": {"channels": 3, "height": 32, "width": 32},
                 "stem": [{"type": "conv", "out": 16, "kernel": 3, "stride": 1, "padding": 1, "groups": 1, "bias": false},
                          {"type": "bn"}, {"type": "relu"}],
                 "stages": [{"blocks": [{"type": "igcv1", "L": 4, "kernel": 3, "stride": 1, "norm": "end"},
                                        {"type": "dwsep", "out": 32, "kernel": 3, "stride": 2, "norm": "each"}]}],
                 "head": [{"type": "gap"}, {"type": "linear", "out": 10, "bias": true}]}""");
        assertThat(explicit.hash()).isEqualTo(terse.hash()).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(explicit.canonicalJson()).isEqualTo(terse.canonicalJson());
        assertThat(terse.hash()).isEqualTo(DesignIdentity.sha256(terse.canonicalJson()));
        // the same chain with defaults, or with every field written
        assertThat(id("{" + CHAIN_FIELDS + "}").hash()).isEqualTo(id("""
                {"format": "igc-chain/1", "name": "", "channels": 8,
                 "kernels": [{"in": 8, "out": 8, "groups": 8, "kernel": 3, "stride": 1}, {"in": 8, "out": 8, "groups": 1}],
                 "permutations": [{"shuffle": 8}]}""").hash());
    }

    @Test
    void aSkeletonAndTheNetworkItWritesAreTheSameDesign() throws IOException {
        Design skeleton = DesignFiles.read(Path.of("..", "samples", "networks", "cifar-igcv1-l24m2-d38.json"));
        String written = NetworkJson.write(((Design.NetworkDesign) skeleton).network());
        assertThat(DesignIdentity.of(DesignFiles.parse(written))).isEqualTo(DesignIdentity.of(skeleton));
        // a chain written out in full keeps its identity too
        Design chain = DesignFiles.read(Path.of("..", "samples", "chains", "igcv2-c64.json"));
        assertThat(DesignIdentity.of(DesignFiles.parse(ChainJson.write(((Design.ChainDesign) chain).document()))))
                .isEqualTo(DesignIdentity.of(chain));
    }

    @Test
    void differentDesignsHaveDifferentHashes() {
        String base = "{\"name\": \"n\", \"input\": {\"channels\": 3, \"size\": 32}, \"layers\": [%s]}";
        java.util.Set<String> hashes = new java.util.HashSet<>();
        for (String layer : new String[] {"{\"type\": \"conv\", \"out\": 16}", "{\"type\": \"conv\", \"out\": 17}",
                "{\"type\": \"conv\", \"out\": 16, \"stride\": 2}", "{\"type\": \"conv\", \"out\": 16, \"bias\": true}",
                "{\"type\": \"conv\", \"out\": 16, \"padding\": 0}", "{\"type\": \"igcv1\", \"L\": 3}", "{\"type\": \"igcv1\", \"L\": 3, \"norm\": \"each\"}",
                "{\"type\": \"bn\"}, {\"type\": \"relu\"}", "{\"type\": \"relu\"}, {\"type\": \"bn\"}"}) {
            assertThat(hashes.add(id(String.format(base, layer)).hash())).as(layer).isTrue();
        }
        // the input and the name are part of the design
        assertThat(hashes.add(id("{\"name\": \"n\", \"input\": {\"channels\": 3, \"size\": 64}, \"layers\": [{\"type\": \"bn\"}, {\"type\": \"relu\"}]}").hash())).isTrue();
        assertThat(hashes.add(id("{\"name\": \"m\", \"input\": {\"channels\": 3, \"size\": 32}, \"layers\": [{\"type\": \"bn\"}, {\"type\": \"relu\"}]}").hash())).isTrue();
        // a chain and a network never share an identity
        assertThat(id("{" + CHAIN_FIELDS + "}").hash()).isNotIn(hashes);
    }
}
