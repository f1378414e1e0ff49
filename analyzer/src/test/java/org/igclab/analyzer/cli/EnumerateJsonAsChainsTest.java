package org.igclab.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.io.ChainFiles;
import org.igclab.rules.io.JsonFields;
import org.junit.jupiter.api.Test;

/**
 * The rules module reads 'igc enumerate --json' back as chains (for @DesignSource) without depending on the
 * analyzer; this keeps the two in step: every listed design comes back as the chain that was checked.
 */
class EnumerateJsonAsChainsTest {

    @Test
    void everyEnumeratedDesignReadsBackAsTheChainThatWasChecked() throws IOException {
        String out = CliRun.of("enumerate", "-c", "48", "--include-loose", "--kernel", "5", "--json").out();
        JsonNode designs = JsonFields.MAPPER.readTree(out).get("designs");
        List<ChainFiles.Entry> chains = ChainFiles.parse(out);

        assertThat(chains).hasSize(designs.size()).hasSizeGreaterThan(10);
        for (int i = 0; i < chains.size(); i++) {
            JsonNode d = designs.get(i);
            ChainFiles.Entry e = chains.get(i);
            assertThat(e.path()).isEqualTo("designs[" + i + "]");
            assertThat(e.document().name()).isEqualTo(d.get("name").asText());
            assertThat(e.document().chain().groupSizes()).containsExactly(ints(d.get("groupSizes")));
            assertThat(e.document().chain().kernel(0).kernelSize()).isEqualTo(5);
            assertThat(ComplementaryCondition.check(e.document().chain()).verdict().name().toLowerCase())
                    .as("verdict of %s", e.document().name()).isEqualTo(d.get("verdict").asText());
        }
    }

    private static int[] ints(JsonNode list) {
        int[] values = new int[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = list.get(i).asInt();
        }
        return values;
    }
}
