package org.igclab.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.rules.model.InvalidDesignException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpaceJsonTest {
    @TempDir
    Path dir;

    static final String CIFAR = "{\"skeleton\": {\"type\": \"cifar\", \"width\": \"${width}\", \"depth\": \"${depth}\", \"block\": %s}}";

    static Space space(String template, String rest) {
        return SpaceJson.parse("{\"format\": \"igc-space/1\", \"template\": " + template + (rest.isEmpty() ? "" : ", " + rest) + "}", null);
    }

    static Space cifar(String block, String rest) {
        return space(CIFAR.formatted(block), rest);
    }

    @Test
    void gridIsTheCartesianProductTimesTheList() {
        Space grid = cifar("{\"type\": \"igcv1\", \"L\": \"${L}\"}", "\"grid\": {\"width\": [24, 48, 96], \"depth\": [20, 38], \"L\": [4, 8, 12, 24]}");
        assertThat(grid.size()).isEqualTo(3 * 2 * 4);
        // the first variable varies slowest
        assertThat(grid.grid().assignment(0).numbers()).containsExactly(24, 20, 4);
        assertThat(grid.grid().assignment(1).numbers()).containsExactly(24, 20, 8);
        assertThat(grid.grid().assignment(23).numbers()).containsExactly(96, 38, 24);

        Space listed = cifar("\"${block}\"", "\"list\": [{\"block\": {\"type\": \"dwsep\"}}, {\"block\": {\"type\": \"igcv1\", \"L\": 8}}],"
                + "\"grid\": {\"width\": [16, 32], \"depth\": [8]}");
        assertThat(listed.size()).isEqualTo(2 * 2);
        assertThat(listed.grid().names()).containsExactly("block", "width", "depth");
        Network second = listed.network(listed.grid().assignment(2));
        assertThat(second.layers()).hasSize(3 + 6 + 2);
        assertThat(((org.igclab.analyzer.network.LayerSpec.BlockSpec) second.layers().get(3)).template().type()).isEqualTo("igcv1");

        Space single = space("{\"layers\": [{\"type\": \"conv\", \"out\": 8}], \"input\": {\"channels\": 3, \"size\": 8}}", "");
        assertThat(single.size()).isEqualTo(1);
    }

    @Test
    void holesBecomeNumbersTextOrTheValueAsWritten() {
        Space s = space("{\"name\": \"C=${width}, half ${width / 2}, ${tag}\", \"input\": {\"channels\": 3, \"size\": \"${4 * 8}\"},"
                + "\"layers\": [{\"type\": \"conv\", \"out\": \"${width}\", \"groups\": \"${width / 16 - 1}\"}, \"${extra}\"]}",
                "\"grid\": {\"width\": [48]}, \"list\": [{\"tag\": \"plain\", \"extra\": {\"type\": \"bn\"}}]");
        Assignment values = s.grid().assignment(0);
        assertThat(s.filledIn(values).toString()).isEqualTo("{\"name\":\"C=48, half 24, plain\",\"input\":{\"channels\":3,\"size\":32},"
                + "\"layers\":[{\"type\":\"conv\",\"out\":48,\"groups\":2},{\"type\":\"bn\"}]}");
        assertThat(s.network(values).name()).isEqualTo("C=48, half 24, plain");
    }

    @Test
    void valuesMayHoldExpressionsOfTheirOwn() {
        Space s = cifar("\"${block}\"", "\"list\": [{\"block\": {\"type\": \"igcv2\", \"K\": \"${K}\"}}], \"grid\": {\"width\": [64], \"depth\": [8], \"K\": [4, 8]}");
        assertThat(s.filledIn(s.grid().assignment(1)).at("/skeleton/block").toString()).isEqualTo("{\"type\":\"igcv2\",\"K\":8}");
        assertThat(s.uses("K")).isTrue();
        assertThatThrownBy(() -> cifar("\"${block}\"", "\"list\": [{\"block\": {\"K\": \"${inner}\"}, \"inner\": \"${width}\"}], \"grid\": {\"width\": [64], \"depth\": [8]}"))
                .hasMessageContaining("list[0].block.K = \"${inner}\" uses inner, whose own values hold expressions");
    }

    @Test
    void errorsOfTheSpaceNameTheFieldAndTheValue() {
        // a bare variable may take a string (the network then judges it); arithmetic may not
        Space bare = cifar("{\"type\": \"dwsep\"}", "\"grid\": {\"width\": [16, 32, \"x\"], \"depth\": [8]}");
        assertThatThrownBy(() -> bare.network(bare.grid().assignment(2))).isInstanceOf(InvalidDesignException.class)
                .hasMessage("template.skeleton.width = \"x\" must be a whole number");
        assertThatThrownBy(() -> cifar("{\"type\": \"dwsep\", \"out\": \"${width * 2}\"}", "\"grid\": {\"width\": [16, \"x\"], \"depth\": [8]}"))
                .hasMessageContaining("grid.width[1] = \"x\" must be a whole number (template.skeleton.block.out = \"${width * 2}\" computes with it)");
        assertThatThrownBy(() -> cifar("{\"type\": \"igcv1\", \"L\": \"${L}\"}", "\"grid\": {\"width\": [16], \"depth\": [8]}"))
                .hasMessage("template.skeleton.block.L = \"${L}\" uses the variable L, which neither \"grid\" nor \"list\" sets");
        assertThatThrownBy(() -> cifar("\"${block}\"", "\"grid\": {\"width\": [16], \"depth\": [8]}, \"list\": [{\"block\": {\"type\": \"dwsep\"}}, {\"other\": 1}]"))
                .hasMessage("list[1]: does not set block, which list[0] sets (= {\"type\":\"dwsep\"}); every entry must set the same variables");
        assertThatThrownBy(() -> cifar("{\"type\": \"dwsep\"}", "\"grid\": {\"width\": [16], \"depth\": [8], \"K\": [4]}"))
                .hasMessage("grid.K: is not used by the template (write \"${K}\" where it goes)");
        assertThatThrownBy(() -> cifar("{\"type\": \"dwsep\", \"out\": \"${width *}\"}", "\"grid\": {\"width\": [16], \"depth\": [8]}"))
                .hasMessageStartingWith("template.skeleton.block.out = \"${width *}\": expected a number");
        assertThatThrownBy(() -> cifar("{\"type\": \"dwsep\", \"out\": \"${width\"}", "\"grid\": {\"width\": [16], \"depth\": [8]}"))
                .hasMessageContaining("without a closing \"}\"");
        assertThatThrownBy(() -> space("{\"name\": \"${params}\"}", "\"grid\": {\"params\": [1]}"))
                .hasMessage("grid.params: is the name of a report column; call the variable something else");
        assertThatThrownBy(() -> cifar("{\"type\": \"dwsep\"}", "\"grid\": {\"width\": [], \"depth\": [8]}"))
                .hasMessage("grid.width: is empty: give at least one value");
        assertThatThrownBy(() -> cifar("{\"type\": \"dwsep\"}", "\"grid\": {\"width\": [16], \"depth\": [8]}, \"constraints\": {\"maxParams\": 0}"))
                .hasMessage("constraints.maxParams = 0 must be positive");
        assertThatThrownBy(() -> cifar("{\"type\": \"dwsep\"}", "\"grid\": {\"width\": [16], \"depth\": [8]}, \"constraints\": {\"balanced\": 1}"))
                .hasMessageStartingWith("constraints.balanced: is not a known field");
        assertThatThrownBy(() -> SpaceJson.parse("{\"format\": \"igc-space/2\", \"template\": {}}", null))
                .hasMessageStartingWith("format = \"igc-space/2\" is not supported");
        assertThatThrownBy(() -> SpaceJson.parse("{\"grid\": {}}", null)).hasMessageContaining("\"template\"");
    }

    @Test
    void anInexactDivisionInvalidatesOnlyItsDesignAndNamesTheField() {
        Space s = cifar("{\"type\": \"igcv1\", \"L\": \"${width / 3}\"}", "\"grid\": {\"width\": [48, 50], \"depth\": [8]}");
        assertThat(CostModel.of(s.network(s.grid().assignment(0))).params().total()).isPositive();
        assertThatThrownBy(() -> s.network(s.grid().assignment(1)))
                .hasMessage("template.skeleton.block.L = \"${width / 3}\": 50 / 3 is not a whole number");
    }

    @Test
    void theSampleSpacesAndTheReadmeExampleAreValid() throws IOException {
        Path folder = Path.of("..", "samples", "spaces");
        assertThat(SpaceJson.read(folder.resolve("bench-100k.json")).size()).isEqualTo(100_000);
        assertThat(SpaceJson.read(folder.resolve("cifar-equal-params.json")).size()).isEqualTo(9);
        assertThat(SpaceJson.read(folder.resolve("cifar-igcv2-layers.json")).size()).isEqualTo(8);
        assertThat(SpaceJson.read(folder.resolve("cifar-igcv2-grid.json")).size()).isEqualTo(576);
        String readme = Files.readString(folder.resolve("README.md"));
        int start = readme.indexOf("```json") + "```json".length();
        Space example = SpaceJson.parse(readme.substring(start, readme.indexOf("```", start)), folder);
        assertThat(example.size()).isEqualTo(12);
        assertThat(CostModel.of(example.network(example.grid().assignment(11))).params().total()).isPositive();
    }

    @Test
    void aGridTooLargeToSweepIsRefused() {
        String values = "[" + "1, ".repeat(999) + "1]";
        assertThatThrownBy(() -> space("{\"name\": \"${a}${b}${c}\"}", "\"grid\": {\"a\": " + values + ", \"b\": " + values
                + ", \"c\": " + values + "}")).hasMessage("grid: makes 1,000,000,000 designs, more than 20,000,000; sweep a coarser grid");
    }

    @Test
    void aTemplateFileIsReadBesideTheSpaceFile() throws IOException {
        Files.createDirectories(dir.resolve("t"));
        Files.writeString(dir.resolve("t/net.json"), CIFAR.formatted("{\"type\": \"dwsep\"}"));
        Path file = dir.resolve("space.json");
        Files.writeString(file, "{\"templateFile\": \"t/net.json\", \"grid\": {\"width\": [8, 16], \"depth\": [5]}}");
        Space s = SpaceJson.read(file);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.network(s.grid().assignment(1)).layers().get(0)).isNotNull();

        Files.writeString(file, "{\"templateFile\": \"t/missing.json\"}");
        assertThatThrownBy(() -> SpaceJson.read(file)).hasMessageStartingWith("templateFile = \"t/missing.json\": ")
                .hasMessageEndingWith("does not exist");
        Files.writeString(file, "{\"templateFile\": \"t/net.json\", \"template\": {}}");
        assertThatThrownBy(() -> SpaceJson.read(file)).hasMessageContaining("give the network template as one of");
    }
}
