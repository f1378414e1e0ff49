package org.igclab.rules.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igclab.rules.testing.Invalid.rejects;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three formats that hold chains, told apart by their content, and the files that hold none. */
class ChainFilesTest {

    @Test
    void aChainFileIsOneEntryWithoutAPath() throws IOException {
        List<ChainFiles.Entry> entries = ChainFiles.read(Path.of("..", "samples", "chains", "igcv2-c64.json"));
        assertThat(entries).containsExactly(new ChainFiles.Entry("",
                new ChainDocument("IGCV2 C=64 K=(1,8,8), the paper's rule", KernelChain.interleaved(64, 3, 1, 8, 8))));
        // without "format", "kernels" makes it a chain
        assertThat(ChainFiles.parse("{\"channels\": 4, \"kernels\": [{\"groups\": 2}]}")).hasSize(1);
    }

    @Test
    void aListHoldsItsChainsInOrderEachAsInAChainFile() {
        List<ChainFiles.Entry> entries = ChainFiles.parse("""
                {"format": "igc-chains/1", "name": "two", "description": "free text",
                 "chains": [
                   {"name": "a", "channels": 8, "kernels": [{"groups": 4}, {"groups": 2}], "permutations": ["identity"]},
                   {"format": "igc-chain/1", "channels": 16, "kernels": [{"groupSize": 1, "kernel": 3}, {"groupSize": 4}, {"groupSize": 4}]}
                 ]}""");
        assertThat(entries).extracting(ChainFiles.Entry::path).containsExactly("chains[0]", "chains[1]");
        assertThat(entries.get(0).document().name()).isEqualTo("a");
        assertThat(entries.get(0).document().chain().permutations()).containsExactly(Permutation.identity(8));
        assertThat(entries.get(1).document()).isEqualTo(new ChainDocument("", KernelChain.interleaved(16, 3, 1, 4, 4)));
    }

    @Test
    void listErrorsNameTheEntry() {
        rejects(() -> ChainFiles.parse("""
                {"format": "igc-chains/1", "chains": [{"channels": 8, "kernels": [{"groups": 8}]}, {"channels": 64, "kernels": [{"groups": 5}]}]}"""),
                "chains[1].kernels[0].groups", "chains[1].kernels[0].groups = 5 does not divide 64 input channels");
        // a misspelt field inside an entry is an error, not a silent fallback to canonical permutations
        rejects(() -> ChainFiles.parse("""
                {"format": "igc-chains/1", "chains": [{"channels": 8, "kernels": [{"groups": 4}, {"groups": 2}], "permutation": ["identity"]}]}"""),
                "chains[0].permutation",
                "chains[0].permutation: is not a known field (expected one of: channels, description, final, format, kernels, name, permutations)");
        rejects(() -> ChainFiles.parse("{\"format\": \"igc-chains/1\", \"chains\": [], \"designs\": []}"), "designs",
                "designs: is not a known field (expected one of: chains, description, format, name)");
        rejects(() -> ChainFiles.parse("{\"format\": \"igc-chains/1\", \"chains\": {}}"), "chains", "chains: must be a list, found an object");
        rejects(() -> ChainListJson.parse("{\"chains\": []}"), "format", "format: is missing");
        rejects(() -> ChainListJson.parse("{\"format\": \"igc-chains/2\", \"chains\": []}"), "format",
                "format = \"igc-chains/2\" is not supported (expected \"igc-chains/1\")");
    }

    @Test
    void listsRoundTrip() {
        ChainList list = new ChainList("blocks", List.of(
                new ChainDocument("IGCV2", KernelChain.interleaved(64, 3, 1, 8, 8)),
                new ChainDocument("reversed", new KernelChain(KernelChain.interleaved(8, 3, 2, 4).kernels(),
                        List.of(Permutation.of(7, 6, 5, 4, 3, 2, 1, 0))))));
        String text = ChainListJson.write(list);
        assertThat(ChainListJson.parse(text)).isEqualTo(list);
        assertThat(ChainFiles.parse(text)).extracting(ChainFiles.Entry::document).containsExactlyElementsOf(list.chains());
        // entries carry no format of their own: the list's covers them
        assertThat(ChainListJson.toJson(list).get("chains").get(0).has("format")).isFalse();
    }

    @Test
    void enumerationOutputBecomesCanonicalChains() {
        // the shape of 'igc enumerate --json': figures and verdicts beside the chain are ignored
        List<ChainFiles.Entry> entries = ChainFiles.parse("""
                {"channels": 16, "firstKernelSize": 3, "total": 2, "balanceOptimum": {"channels": 16},
                 "designs": [
                   {"name": "IGCV2 K=4 L=3", "channels": 16, "length": 3, "groupSizes": [1, 4, 4], "kernelSizes": [3, 1, 1],
                    "verdict": "strict", "params": 272},
                   {"groupSizes": [2, 8], "kernelSizes": [5, 1]}
                 ]}""");
        assertThat(entries).containsExactly(
                new ChainFiles.Entry("designs[0]", new ChainDocument("IGCV2 K=4 L=3", KernelChain.interleaved(16, 3, 1, 4, 4))),
                new ChainFiles.Entry("designs[1]", new ChainDocument("", KernelChain.interleaved(16, 5, 2, 8))));
    }

    @Test
    void enumerationErrorsNameTheDesignsFields() {
        rejects(() -> ChainFiles.parse("{\"designs\": [{\"channels\": 16, \"groupSizes\": [1, 3], \"kernelSizes\": [3, 1]}]}"),
                "designs[0].groupSizes[1]", "designs[0].groupSizes[1] = 3 does not divide 16 channels");
        rejects(() -> ChainFiles.parse("{\"designs\": [{\"channels\": 16, \"groupSizes\": [1, 16], \"kernelSizes\": [3]}]}"),
                "designs[0].kernelSizes", "designs[0].kernelSizes: has 1 entries for 2 group sizes");
        rejects(() -> ChainFiles.parse("{\"designs\": [{\"channels\": 16, \"groupSizes\": [0], \"kernelSizes\": [3]}]}"),
                "designs[0].groupSizes[0]", "designs[0].groupSizes[0] = 0 must be positive");
        rejects(() -> ChainFiles.parse("{\"designs\": [{\"channels\": 16, \"groupSizes\": [16], \"kernelSizes\": [-1]}]}"),
                "designs[0].kernelSizes[0]", "designs[0].kernelSizes[0] = -1 must be positive");
        rejects(() -> ChainFiles.parse("{\"designs\": [{\"groupSizes\": [16], \"kernelSizes\": [1]}]}"),
                "designs[0].channels", "designs[0].channels: is missing");
        rejects(() -> ChainFiles.parse("{\"designs\": [{\"channels\": 16, \"groupSizes\": [], \"kernelSizes\": []}]}"),
                "designs[0].groupSizes", "designs[0].groupSizes: is empty; a chain needs at least one kernel");
    }

    @Test
    void filesWithoutChainsAreRefusedSayingWhatToUse(@TempDir Path dir) {
        rejects(() -> ChainFiles.parse("{\"format\": \"igc-sweep/1\", \"designs\": []}"), "format",
                "format = \"igc-sweep/1\" describes networks, not chains; list the chains in an \"igc-chains/1\" file "
                        + "or use the output of 'igc enumerate --json'");
        rejects(() -> ChainFiles.parse("{\"format\": \"igc-space/1\", \"grid\": {}}"), "format",
                "format = \"igc-space/1\" describes networks, not chains; list the chains in an \"igc-chains/1\" file "
                        + "or use the output of 'igc enumerate --json'");
        rejects(() -> ChainFiles.parse("{\"format\": \"csv\"}"), "format",
                "format = \"csv\" holds no chains (expected \"igc-chain/1\", \"igc-chains/1\" or the output of 'igc enumerate --json')");
        rejects(() -> ChainFiles.parse("{\"chains\": []}"), "",
                "holds no chains: give \"format\": \"igc-chain/1\" with \"kernels\", \"igc-chains/1\" with \"chains\", "
                        + "or the output of 'igc enumerate --json' (with \"designs\")");
        rejects(() -> ChainFiles.read(dir), "", dir + " is a directory, not a chain file");
        // a device would be read forever: it is refused before it is opened
        rejects(() -> ChainFiles.read(Path.of("/dev/zero")), "", "/dev/zero is not a regular file (a device, FIFO or socket), not a chain file");
    }
}
