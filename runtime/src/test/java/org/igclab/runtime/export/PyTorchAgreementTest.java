package org.igclab.runtime.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.export.PyTorchExport;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.rules.testing.DebianPackages;
import org.igclab.rules.testing.RequiresDebian;
import org.igclab.runtime.Samples;
import org.igclab.runtime.engine.Instantiation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample (networks, and chains on a small input) exported as a PyTorch module computes, with DJL's weights and
 * BatchNorm statistics loaded into it, what DJL computes on the same input: a wrong shuffle, permutation, padding or layer order changes the
 * output, where the parameter count and the output shape would not notice. Python runs once for every sample.
 */
@RequiresDebian(DebianPackages.TORCH)
class PyTorchAgreementTest {
    /** The sample whose shuffle {@link #aWrongShuffleIsCaught} gets wrong: IGC-L4M2 with a final permutation, C = 8. */
    static final String SHUFFLED = "explicit-c8.json";

    @TempDir
    static Path dir;

    static Map<String, PyTorchAgreement.Outcome> outcomes;

    @BeforeAll
    static void runEverySampleInPyTorch() throws Exception {
        List<PyTorchAgreement.Case> cases = new ArrayList<>();
        for (Path sample : Samples.all().toList()) {
            cases.add(write(sample.getFileName().toString(), sample, source -> source));
        }
        // the shuffle ChannelShuffle(4) of 8 channels replaced by ChannelShuffle(2), its inverse: same parameters, same shape
        cases.add(write("wrong shuffle", Path.of("..", "samples", "chains", SHUFFLED), source -> {
            assertThat(source).contains("ChannelShuffle(4)");
            return source.replace("ChannelShuffle(4)", "ChannelShuffle(2)");
        }));
        outcomes = PyTorchAgreement.run(cases, dir);
    }

    static List<String> samples() throws IOException {
        return Samples.all().map(p -> p.getFileName().toString()).toList();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void pyTorchComputesWhatDjlComputes(String sample) {
        PyTorchAgreement.Outcome o = outcomes.get(sample);
        assertThat(o.error()).as(sample).isNull();
        assertThat(o.agrees()).as("%s: max |DJL - PyTorch| = %.3g with outputs up to %.3g", sample, o.maxAbsDifference(), o.maxAbsOutput())
                .isTrue();
    }

    @Test
    void aWrongShuffleIsCaught() {
        PyTorchAgreement.Outcome wrong = outcomes.get("wrong shuffle");
        assertThat(wrong.error()).isNull();
        assertThat(wrong.agrees()).isFalse();
        // not a rounding difference: outputs of unit scale differ by about their own size
        assertThat(wrong.maxAbsDifference()).isGreaterThan(0.01 * wrong.maxAbsOutput());
        assertThat(outcomes.get(SHUFFLED).agrees()).as("the same sample, exported as it is").isTrue();
    }

    private static PyTorchAgreement.Case write(String name, Path sample, java.util.function.UnaryOperator<String> edit) throws IOException {
        Design design = DesignFiles.read(sample);
        ResolvedNetwork network = Samples.network(design);
        try (Instantiation inst = Instantiation.of(network, 11)) {
            Samples.moveBatchNormStatistics(inst);
            return PyTorchAgreement.write(name, inst, edit.apply(PyTorchExport.source(network)), 13, dir.resolve("case-" + dir.toFile().list().length));
        }
    }
}
