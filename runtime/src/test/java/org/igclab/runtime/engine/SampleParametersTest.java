package org.igclab.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.runtime.Samples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample, instantiated in DJL/PyTorch, has exactly the parameters the analyzer counts, operation by operation. */
class SampleParametersTest {

    static Stream<Path> samples() throws IOException {
        return Samples.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void engineCountsWhatTheAnalyzerCounts(Path sample) throws IOException {
        ResolvedNetwork network = Samples.network(sample);
        try (Instantiation inst = Instantiation.of(network, 1)) {
            ParameterCheck check = ParameterCheck.of(inst);
            assertThat(check.firstDifference()).as(check.describe()).isEmpty();
            assertThat(check.engine()).isEqualTo(CostModel.of(network).params().total());
            assertThat(check.rows()).hasSize(network.ops().size());
        }
    }
}
