package org.igclab.rules.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.igclab.rules.testing.Invalid.rejects;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.condition.Verdict;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;
import org.junit.jupiter.api.Test;

class ChainJsonTest {
    /** The samples shipped with the project, relative to the module directory. */
    private static final Path SAMPLES = Path.of("..", "samples", "chains");

    /** What each sample is, by its name (see the samples' own "name" fields). */
    private static final Map<String, Verdict> SAMPLE_VERDICTS = Map.of(
            "explicit-c8.json", Verdict.STRICT,
            "igcv1-l4m2.json", Verdict.STRICT,
            "igcv1-l24m2.json", Verdict.STRICT,
            "igcv2-c64.json", Verdict.STRICT,
            "xception-c64.json", Verdict.STRICT,
            "loose-c64.json", Verdict.DENSE,
            "not-interleaved-c64.json", Verdict.NEITHER);

    private static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everySampleParsesAndRoundTrips() throws IOException {
        List<Path> files = samples();
        assertThat(files).extracting(p -> p.getFileName().toString()).containsAll(SAMPLE_VERDICTS.keySet());
        for (Path file : files) {
            ChainDocument doc = ChainJson.read(file);
            assertThat(doc.name()).as("name of %s", file).isNotBlank();
            assertThat(ChainJson.parse(ChainJson.write(doc))).as("round trip of %s", file).isEqualTo(doc);
            Verdict expected = SAMPLE_VERDICTS.get(file.getFileName().toString());
            if (expected != null) {
                assertThat(ComplementaryCondition.check(doc.chain()).verdict()).as("verdict of %s", file).isEqualTo(expected);
            }
        }
    }

    @Test
    void samplesMeanWhatTheySay() throws IOException {
        ChainDocument igcv2 = ChainJson.read(SAMPLES.resolve("igcv2-c64.json"));
        assertThat(igcv2.name()).isEqualTo("IGCV2 C=64 K=(1,8,8), the paper's rule");
        assertThat(igcv2.chain()).isEqualTo(KernelChain.interleaved(64, 3, 1, 8, 8));

        // no "permutations": every one canonical
        ChainDocument l4m2 = ChainJson.read(SAMPLES.resolve("igcv1-l4m2.json"));
        assertThat(l4m2.chain()).isEqualTo(KernelChain.interleaved(8, 3, 2, 4));

        ChainDocument l24m2 = ChainJson.read(SAMPLES.resolve("igcv1-l24m2.json"));
        assertThat(l24m2.chain().groupSizes()).containsExactly(2, 24);
        assertThat(l24m2.chain().permutations()).containsExactly(Permutation.shuffle(48, 24));

        ChainDocument explicit = ChainJson.read(SAMPLES.resolve("explicit-c8.json"));
        assertThat(explicit.chain().permutations()).containsExactly(Permutation.canonical(8, 2));
        assertThat(explicit.chain().finalPermutation()).contains(Permutation.of(7, 6, 5, 4, 3, 2, 1, 0));

        ChainDocument apart = ChainJson.read(SAMPLES.resolve("not-interleaved-c64.json"));
        assertThat(apart.chain().permutations()).containsOnly(Permutation.identity(64));

        ChainDocument xception = ChainJson.read(SAMPLES.resolve("xception-c64.json"));
        assertThat(xception.chain().kernels()).containsExactly(GroupConv.of(64, 64, 3), GroupConv.of(64, 1, 1));
    }

    @Test
    void defaultsAndExplicitFields() {
        ChainDocument doc = ChainJson.parse("""
                {"kernels": [{"in": 8, "groupSize": 2, "kernel": 3, "stride": 2}, {"groups": 2, "out": 16}],
                 "permutations": ["identity"], "description": "ignored"}""");
        assertThat(doc.name()).isEmpty();
        assertThat(doc.chain().kernels()).containsExactly(new GroupConv(8, 8, 4, 3, 2), new GroupConv(8, 16, 2, 1, 1));
        assertThat(doc.chain().permutations()).containsExactly(Permutation.identity(8));
        assertThat(doc.chain().finalPermutation()).isEmpty();

        ChainDocument shuffled = ChainJson.parse("""
                {"channels": 12, "kernels": [{"groups": 3}, {"groups": 4}], "permutations": [{"shuffle": 4}], "final": "canonical"}""");
        assertThat(shuffled.chain().permutations()).containsExactly(Permutation.shuffle(12, 4));
        // "canonical" after the last kernel (4 groups) is shuffle(12, 4)
        assertThat(shuffled.chain().finalPermutation()).contains(Permutation.shuffle(12, 4));
    }

    @Test
    void writtenJsonSpellsEverythingOut() {
        ChainDocument doc = ChainJson.parse("""
                {"name": "x", "channels": 8, "kernels": [{"groupSize": 2, "kernel": 3}, {"groupSize": 4}],
                 "final": [7, 6, 5, 4, 3, 2, 1, 0]}""");
        JsonNode json = ChainJson.toJson(doc);
        assertThat(json.get("format").asText()).isEqualTo("igc-chain/1");
        assertThat(json.get("name").asText()).isEqualTo("x");
        assertThat(json.get("channels").asInt()).isEqualTo(8);
        JsonNode first = json.get("kernels").get(0);
        assertThat(first.get("in").asInt()).isEqualTo(8);
        assertThat(first.get("out").asInt()).isEqualTo(8);
        assertThat(first.get("groups").asInt()).isEqualTo(4);
        assertThat(first.get("kernel").asInt()).isEqualTo(3);
        assertThat(first.get("stride").asInt()).isEqualTo(1);
        // canonical after 4 groups of 2 is the shuffle with 4 rows; the reversal is no shuffle
        assertThat(json.get("permutations").get(0).get("shuffle").asInt()).isEqualTo(4);
        assertThat(json.get("final").isArray()).isTrue();
        assertThat(json.get("final").get(0).asInt()).isEqualTo(7);
        String text = ChainJson.write(doc);
        assertThat(text).endsWith("}\n");

        ChainDocument identity = ChainJson.parse("""
                {"channels": 4, "kernels": [{"groups": 2}, {"groups": 2}], "permutations": ["identity"]}""");
        assertThat(ChainJson.toJson(identity).get("permutations").get(0).asText()).isEqualTo("identity");
        ChainDocument single = ChainJson.parse("""
                {"channels": 4, "kernels": [{"groups": 2}]}""");
        assertThat(ChainJson.toJson(single).get("permutations").size()).isZero();
        assertThat(ChainJson.toJson(single).has("final")).isFalse();
    }

    @Test
    void unknownFields() {
        rejects(() -> ChainJson.parse("""
                {"channels": 64, "kernels": [{"groups": 1}], "colour": "red"}"""), "colour",
                "colour: is not a known field (expected one of: channels, description, final, format, kernels, name, permutations)");
        rejects(() -> ChainJson.parse("""
                {"channels": 64, "kernels": [{"groups": 8}, {"group": 8}]}"""), "kernels[1].group",
                "kernels[1].group: is not a known field (expected one of: groupSize, groups, in, kernel, out, stride)");
    }

    @Test
    void wrongTypes() {
        rejects(() -> ChainJson.parse("""
                {"channels": 64, "kernels": [{"groups": "8"}]}"""), "kernels[0].groups", "kernels[0].groups = \"8\" must be a whole number");
        rejects(() -> ChainJson.parse("""
                {"channels": "64", "kernels": [{"groups": 8}]}"""), "channels", "channels = \"64\" must be a whole number");
        rejects(() -> ChainJson.parse("""
                {"channels": 64, "kernels": [{"groups": 8.5}]}"""), "kernels[0].groups", "kernels[0].groups = 8.5 must be a whole number");
        rejects(() -> ChainJson.parse("""
                {"channels": 64, "kernels": [{"groups": 10000000000}]}"""), "kernels[0].groups", "kernels[0].groups = 10000000000 is too large");
        rejects(() -> ChainJson.parse("""
                {"name": 5, "channels": 64, "kernels": [{"groups": 8}]}"""), "name", "name = 5 must be a string");
        rejects(() -> ChainJson.parse("""
                {"channels": 64, "kernels": {"groups": 8}}"""), "kernels", "kernels: must be a list, found an object");
        rejects(() -> ChainJson.parse("""
                {"channels": 64, "kernels": [3]}"""), "kernels[0]", "kernels[0]: must be an object, found 3");
        rejects(() -> ChainJson.parse("""
                {"channels": 64, "kernels": [{"groups": 8}, {"groups": 8}], "permutations": "canonical"}"""),
                "permutations", "permutations: must be a list, found the string \"canonical\"");
        rejects(() -> ChainJson.parse("[1, 2]"), "", "must be an object, found a list");
    }

    @Test
    void missingOrEmptyFields() {
        rejects(() -> ChainJson.parse("{\"channels\": 64}"), "kernels", "kernels: is missing");
        rejects(() -> ChainJson.parse("{\"channels\": 64, \"kernels\": null}"), "kernels", "kernels: is missing");
        rejects(() -> ChainJson.parse("{\"channels\": 64, \"kernels\": []}"), "kernels", "kernels: is empty; a chain needs at least one kernel");
        rejects(() -> ChainJson.parse("{\"kernels\": [{\"groups\": 2}]}"), "kernels[0].in",
                "kernels[0].in: is missing (give \"channels\" at the top or \"in\" on the first kernel)");
        rejects(() -> ChainJson.parse("{\"channels\": 64, \"kernels\": [{\"kernel\": 3}]}"), "kernels[0]",
                "kernels[0]: needs exactly one of \"groups\" or \"groupSize\"");
        rejects(() -> ChainJson.parse("{\"channels\": 64, \"kernels\": [{\"groups\": 8, \"groupSize\": 8}]}"), "kernels[0]",
                "kernels[0]: needs exactly one of \"groups\" or \"groupSize\"");
        rejects(() -> ChainJson.parse(""), "", "the document is empty");
        rejects(() -> ChainJson.parse("  \n "), "", "the document is empty");
    }

    @Test
    void malformedJsonSaysWhere() {
        // the stray "}" closes nothing open: line 4, column 1
        assertThatThrownBy(() -> ChainJson.parse("{\n  \"channels\": 64,\n  \"kernels\": [\n}"))
                .isExactlyInstanceOf(InvalidDesignException.class)
                .hasMessageStartingWith("not valid JSON at line 4, column 1: Unexpected close marker '}'")
                .extracting(e -> ((InvalidDesignException) e).path()).isEqualTo("");
        assertThatThrownBy(() -> ChainJson.parse("{\"channels\": 8,\n\"channels\": 8}"))
                .hasMessageStartingWith("not valid JSON at line 2, column ")
                .hasMessageEndingWith("Duplicate field 'channels'");
        assertThatThrownBy(() -> ChainJson.parse("{\"channels\": 8 \"kernels\": []}"))
                .hasMessageStartingWith("not valid JSON at line 1, column 16: Unexpected character ('\"'");
    }

    @Test
    void trailingContentIsRejected() {
        // a second document (or a stray brace) after the first must not be silently ignored
        assertThatThrownBy(() -> ChainJson.parse("{\"channels\": 8, \"kernels\": [{\"groups\": 2}]}\n{\"channels\": 4}"))
                .isExactlyInstanceOf(InvalidDesignException.class)
                .hasMessageStartingWith("not valid JSON at line 2, column ");
        assertThatThrownBy(() -> ChainJson.parse("{\"channels\": 8, \"kernels\": [{\"groups\": 2}]}}"))
                .isExactlyInstanceOf(InvalidDesignException.class)
                .hasMessageStartingWith("not valid JSON at line 1, column ");
        // whitespace after the document is fine
        assertThat(ChainJson.parse("{\"channels\": 8, \"kernels\": [{\"groups\": 2}]}\n\n  ").chain().inChannels()).isEqualTo(8);
    }

    @Test
    void impossibleValues() {
        rejects(() -> ChainJson.parse("""
                {"format": "igc-chain/2", "channels": 64, "kernels": [{"groups": 8}]}"""),
                "format", "format = \"igc-chain/2\" is not supported (expected \"igc-chain/1\")");
        rejects(() -> ChainJson.parse("{\"channels\": 0, \"kernels\": [{\"groups\": 8}]}"), "channels", "channels = 0 must be positive");
        rejects(() -> ChainJson.parse("""
                {"channels": 64, "kernels": [{"groups": 8}, {"groups": 8}, {"groups": 5}]}"""),
                "kernels[2].groups", "kernels[2].groups = 5 does not divide 64 input channels");
        rejects(() -> ChainJson.parse("""
                {"channels": 64, "kernels": [{"groups": 8, "out": 36}]}"""),
                "kernels[0].groups", "kernels[0].groups = 8 does not divide 36 output channels");
        rejects(() -> ChainJson.parse("""
                {"channels": 64, "kernels": [{"groupSize": 5}]}"""),
                "kernels[0].groupSize", "kernels[0].groupSize = 5 does not divide 64 input channels");
        rejects(() -> ChainJson.parse("""
                {"channels": 64, "kernels": [{"groupSize": 0}]}"""),
                "kernels[0].groupSize", "kernels[0].groupSize = 0 must be positive");
        rejects(() -> ChainJson.parse("""
                {"channels": 64, "kernels": [{"groupSize": -8}]}"""),
                "kernels[0].groupSize", "kernels[0].groupSize = -8 must be positive");
        rejects(() -> ChainJson.parse("""
                {"channels": 64, "kernels": [{"groups": 8, "kernel": 0}]}"""),
                "kernels[0].kernel", "kernels[0].kernel = 0 must be positive");
        rejects(() -> ChainJson.parse("""
                {"channels": 64, "kernels": [{"groups": 8}, {"groups": 8, "stride": 0}]}"""),
                "kernels[1].stride", "kernels[1].stride = 0 must be positive");
        rejects(() -> ChainJson.parse("""
                {"channels": 64, "kernels": [{"groups": 8, "out": 0}]}"""),
                "kernels[0].out", "kernels[0].out = 0 must be positive");
        rejects(() -> ChainJson.parse("""
                {"kernels": [{"in": 0, "groups": 8}]}"""),
                "kernels[0].in", "kernels[0].in = 0 must be positive");
        rejects(() -> ChainJson.parse("""
                {"channels": 64, "kernels": [{"groups": 8}, {"in": 32, "groups": 8}]}"""),
                "kernels[1].in", "kernels[1].in = 32 does not match the 64 output channels of kernels[0]");
    }

    @Test
    void wrongPermutations() {
        String head = "{\"channels\": 4, \"kernels\": [{\"groups\": 2}, {\"groups\": 2}], ";
        rejects(() -> ChainJson.parse(head + "\"permutations\": [[0, 1, 2, 2]]}"),
                "permutations[0][3]", "permutations[0][3] = 2 repeats the value of [2]: not a bijection");
        rejects(() -> ChainJson.parse(head + "\"permutations\": [[0, 9, 1, 2]]}"),
                "permutations[0][1]", "permutations[0][1] = 9 is outside 0..3");
        rejects(() -> ChainJson.parse(head + "\"permutations\": [[0, 1, 2]]}"),
                "permutations[0]", "permutations[0]: has 3 entries but the kernel before it has 4 output channels");
        rejects(() -> ChainJson.parse(head + "\"permutations\": [[]]}"),
                "permutations[0]", "permutations[0]: a permutation needs at least one channel");
        rejects(() -> ChainJson.parse(head + "\"permutations\": [[0, \"1\", 2, 3]]}"),
                "permutations[0][1]", "permutations[0][1] = \"1\" must be a whole number");
        rejects(() -> ChainJson.parse(head + "\"permutations\": [\"reverse\"]}"),
                "permutations[0]", "permutations[0] = \"reverse\" is not a permutation "
                        + "(use \"canonical\", \"identity\", {\"shuffle\": rows} or a list of channels)");
        rejects(() -> ChainJson.parse(head + "\"permutations\": [5]}"),
                "permutations[0]", "permutations[0] = 5 is not a permutation");
        rejects(() -> ChainJson.parse(head + "\"permutations\": [{\"shuffle\": 3}]}"),
                "permutations[0].shuffle", "permutations[0].shuffle = 3 does not divide 4 channels");
        rejects(() -> ChainJson.parse(head + "\"permutations\": [{\"shuffle\": 0}]}"),
                "permutations[0].shuffle", "permutations[0].shuffle = 0 must be positive");
        rejects(() -> ChainJson.parse(head + "\"permutations\": [{\"rows\": 2}]}"),
                "permutations[0].rows", "permutations[0].rows: is not a known field (expected one of: shuffle)");
        rejects(() -> ChainJson.parse(head + "\"permutations\": [{}]}"),
                "permutations[0].shuffle", "permutations[0].shuffle: is missing");
        rejects(() -> ChainJson.parse(head + "\"permutations\": [\"identity\", \"identity\"]}"),
                "permutations", "permutations: has 2 entries; 2 kernels need 1 (one between each pair)");
        rejects(() -> ChainJson.parse(head + "\"final\": [0, 0, 1, 2]}"),
                "final[1]", "final[1] = 0 repeats the value of [0]: not a bijection");
        rejects(() -> ChainJson.parse(head + "\"final\": [0, 1, 2, 3, 4]}"),
                "final", "final: has 5 entries but the kernel before it has 4 output channels");
    }
}
