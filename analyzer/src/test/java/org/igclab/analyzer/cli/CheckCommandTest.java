package org.igclab.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.igclab.rules.io.JsonFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path dir;

    @Test
    void strictChainExitsZeroAndSaysWhy() {
        CliRun run = CliRun.of("check", CliRun.sample("chains/igcv2-c64.json"));
        assertThat(run.exitCode()).isEqualTo(IgcCli.OK);
        assertThat(run.out()).contains("complementary: strict\n")
                .contains("prod K_l = C_in: 64 = 64 (holds)")
                .contains("balance: balanced (1x1 kernels after a channel-wise first kernel");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void chainWithoutInterleavingExitsOneWithAMissingWitness() {
        CliRun run = CliRun.of("check", CliRun.sample("chains/not-interleaved-c64.json"));
        assertThat(run.exitCode()).isEqualTo(IgcCli.NO);
        assertThat(run.out()).contains("complementary: neither\n")
                .contains("witness: output channel 0 does not reach input channel 8 (0 paths)");
    }

    @Test
    void looseChainIsDenseWithARedundantWitnessCountedExactly() throws IOException {
        CliRun run = CliRun.of("check", CliRun.sample("chains/loose-c64.json"), "--json");
        assertThat(run.exitCode()).isEqualTo(IgcCli.NO);
        JsonNode json = JsonFields.MAPPER.readTree(run.out());
        assertThat(json.at("/complementary/verdict").asText()).isEqualTo("dense");
        assertThat(json.at("/complementary/witness/paths").asLong()).isEqualTo(2);
        assertThat(json.at("/complementary/productOfGroupSizes").asLong()).isEqualTo(128);
        assertThat(json.at("/complementary/redundantPairs").asLong()).isEqualTo(64 * 64);
        // the check counts paths up to two: a number with a flag, never the string "2+"
        assertThat(json.at("/complementary/maxPathCount").isInt()).isTrue();
        assertThat(json.at("/complementary/maxPathCount").asInt()).isEqualTo(2);
        assertThat(json.at("/complementary/maxPathCountSaturated").asBoolean()).isTrue();
        assertThat(json.at("/complementary/minPathCount").asInt()).isEqualTo(2);
        assertThat(json.at("/complementary/minPathCountSaturated").asBoolean()).isTrue();
        assertThat(json.at("/balance/oneByOneAfterChannelWise/imbalance").asDouble()).isEqualTo(2.0);
    }

    /** Nine dense kernels on 512 channels: 2^72 paths a pair and prod K_l = 2^81, printed as they are, not as 2^63 - 1. */
    @Test
    void pathCountsPast64BitsArePrintedExactly() throws IOException {
        Path dense = dir.resolve("dense.json");
        Files.writeString(dense, "{\"channels\": 512, \"kernels\": [" + String.join(", ", java.util.Collections.nCopies(9, "{\"groups\": 1}"))
                + "], \"permutations\": [" + String.join(", ", java.util.Collections.nCopies(8, "\"identity\"")) + "]}");
        CliRun text = CliRun.of("check", dense.toString());
        assertThat(text.exitCode()).isEqualTo(IgcCli.NO);
        assertThat(text.out()).contains("complementary: dense\n")
                .contains("prod K_l = C_in: 2417851639229258349412352 > 512 (fails)")
                .contains("by 4722366482869645213696 paths")
                .doesNotContain(String.valueOf(Long.MAX_VALUE));
        JsonNode json = JsonFields.MAPPER.readTree(CliRun.of("check", dense.toString(), "--json").out());
        assertThat(json.at("/complementary/witness/paths").bigIntegerValue()).isEqualTo(java.math.BigInteger.TWO.pow(72));
        assertThat(json.at("/complementary/productOfGroupSizes").bigIntegerValue()).isEqualTo(java.math.BigInteger.TWO.pow(81));
    }

    @Test
    void invalidChainExitsTwoNamingTheField() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"channels\": 64, \"kernels\": [{\"groups\": 64, \"kernel\": 3}, {\"groups\": 8}, {\"groups\": 5}]}");
        CliRun run = CliRun.of("check", bad.toString());
        assertThat(run.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(run.err()).contains("kernels[2].groups = 5 does not divide 64 input channels").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void malformedJsonAndMissingFilesAreInputErrors() throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"channels\": 64,\n \"kernels\": [}");
        CliRun parse = CliRun.of("check", broken.toString());
        assertThat(parse.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(parse.err()).contains("not valid JSON at line 2");

        CliRun missing = CliRun.of("check", dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(missing.err()).contains("no such file");

        CliRun directory = CliRun.of("check", dir.toString());
        assertThat(directory.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(directory.err()).contains("is a directory");
    }

    @Test
    void aNetworksBlockIsCheckedByPath() {
        String net = CliRun.sample("networks/cifar-igcv1-l24m2-d38.json");
        CliRun run = CliRun.of("check", net, "--block", "stages[1].blocks[1]");
        assertThat(run.exitCode()).isEqualTo(IgcCli.OK);
        assertThat(run.out()).contains("IGCV1 L24M4 96->96").contains("complementary: strict\n");
    }

    @Test
    void aNetworkWithoutBlockListsEveryBlocksVerdictAndExitsZeroWhenAllAreStrict() {
        CliRun run = CliRun.of("check", CliRun.sample("networks/cifar-igcv2-k8-d38.json"));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(IgcCli.OK);
        assertThat(run.out()).containsPattern("stages\\[1\\]\\.blocks\\[0\\]\\s+igcv2\\s+strict").contains("IGCV2 K=(1,8,8) 64->128 /2 widening last")
                .contains("36 blocks: 36 strict, 0 dense, 0 neither, 0 without a chain");
        assertThat(run.out().lines().filter(l -> l.startsWith("stages[")).count()).isEqualTo(36);
    }

    @Test
    void aNetworkWhoseTransitionsWidenFirstIsDenseThereAndExitsOne() throws IOException {
        Path net = dir.resolve("first.json");
        Files.writeString(net, """
                {"skeleton": {"type": "cifar", "width": 16, "depth": 8, "block": {"type": "igcv2", "K": 4}}}""");
        CliRun run = CliRun.of("check", net.toString());
        assertThat(run.exitCode()).isEqualTo(IgcCli.NO);
        assertThat(run.out()).containsPattern("stages\\[1\\]\\.blocks\\[0\\]\\s+igcv2\\s+dense")
                .containsPattern("stages\\[1\\]\\.blocks\\[1\\]\\s+igcv2\\s+strict")
                .contains("6 blocks: 4 strict, 2 dense, 0 neither, 0 without a chain");

        JsonNode json = JsonFields.MAPPER.readTree(CliRun.of("check", net.toString(), "--json").out());
        assertThat(json.at("/summary/dense").asInt()).isEqualTo(2);
        assertThat(json.at("/summary/allStrict").asBoolean()).isFalse();
        assertThat(json.at("/blocks/2/verdict").asText()).isEqualTo("dense");
        assertThat(json.at("/blocks/2/path").asText()).isEqualTo("stages[1].blocks[0]");
    }

    @Test
    void aNetworkWithoutChainsHasNoVerdictAndExitsOne() {
        CliRun run = CliRun.of("check", CliRun.sample("networks/resnet18.json"));
        assertThat(run.exitCode()).isEqualTo(IgcCli.NO);
        assertThat(run.out()).contains("8 blocks: 0 strict, 0 dense, 0 neither, 8 without a chain");
    }

    @Test
    void oversizedAndEvenKernelsAndByteOrderMarks() throws IOException {
        assertThat(CliRun.of("enumerate", "-c", "65536").err()).contains("--channels = 65536: enumerate checks every chain exactly, for widths up to 4096");
        CliRun huge = CliRun.of("cost", CliRun.sample("chains/igcv2-c64.json"), "-r", "2147483647");
        assertThat(huge.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(huge.err()).contains("do not fit in 64-bit integers");
        Path even = dir.resolve("even.json");
        Files.writeString(even, "{\"channels\": 8, \"kernels\": [{\"groupSize\": 2, \"kernel\": 4}, {\"groupSize\": 4}]}");
        assertThat(CliRun.of("check", even.toString()).err()).contains("kernels[0].kernel = 4 must be odd");
        Path bom = dir.resolve("bom.json");
        Files.writeString(bom, "\uFEFF{\"channels\": 8, \"kernels\": [{\"groups\": 2}]}");
        assertThat(CliRun.of("check", bom.toString()).exitCode()).isIn(IgcCli.OK, IgcCli.NO);
        Path wide = dir.resolve("wide.json");
        Files.writeString(wide, "{\"channels\": 2147483647, \"kernels\": [{\"groups\": 1}]}");
        CliRun tooWide = CliRun.of("check", wide.toString());
        assertThat(tooWide.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(tooWide.err()).contains("exceeds the 1048576 channels a chain may have");
    }

    @Test
    void negativeToleranceIsRejected() {
        CliRun run = CliRun.of("check", CliRun.sample("chains/igcv2-c64.json"), "--tolerance", "-1");
        assertThat(run.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(run.err()).contains("--tolerance = -1.0");
    }

    @Test
    void everySampleChainIsReadable() throws IOException {
        try (var files = Files.list(Path.of(CliRun.sample("chains")))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                CliRun run = CliRun.of("check", f.toString());
                assertThat(run.exitCode()).as(f.toString()).isIn(IgcCli.OK, IgcCli.NO);
            }
        }
    }
}
