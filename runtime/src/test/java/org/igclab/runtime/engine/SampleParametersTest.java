package org.igclab.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.network.cost.CostModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample, instantiated in DJL/PyTorch, has exactly the parameters the analyzer counts, operation by operation. */
class SampleParametersTest {

    static Stream<Path> samples() throws IOException {
        List<Path> all = new java.util.ArrayList<>();
        for (String folder : new String[] {"networks", "chains"}) {
            try (Stream<Path> files = Files.list(Path.of("..", "samples", folder))) {
                files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(all::add);
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void engineCountsWhatTheAnalyzerCounts(Path sample) throws IOException {
        Design design = DesignFiles.read(sample);
        ResolvedNetwork network = ShapeInference.resolve(design.asNetwork(design instanceof Design.ChainDesign ? 8
                : ((Design.NetworkDesign) design).network().input().height()));
        try (Instantiation inst = Instantiation.of(network, DjlNetwork.Execution.SPARSE, 1)) {
            ParameterCheck check = ParameterCheck.of(inst);
            assertThat(check.firstDifference()).as(check.describe()).isEmpty();
            assertThat(check.engine()).isEqualTo(CostModel.of(network).params().total());
            assertThat(check.rows()).hasSize(network.ops().size());
        }
    }
}
