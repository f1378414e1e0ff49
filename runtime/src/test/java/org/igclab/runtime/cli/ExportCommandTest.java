package org.igclab.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.design.DesignIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    static final String SAMPLE = Path.of("..", "samples", "networks", "cifar-igcv1-l24m2-d38.json").toString();

    @Test
    void onnxIsWrittenAtomicallyAndLoadsInOnnxRuntime(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("net.onnx");
        MeasuredSweepTest.Run run = MeasuredSweepTest.igc("export", SAMPLE, "--format", "onnx", "-o", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("ONNX Runtime agrees with DJL");
        try (OrtSession s = OrtEnvironment.getEnvironment().createSession(out.toString(), new OrtSession.SessionOptions())) {
            assertThat(s.getInputNames()).containsExactly("input");
            assertThat(s.getOutputNames()).containsExactly("output");
        }
        long size = Files.size(out);
        MeasuredSweepTest.Run again = MeasuredSweepTest.igc("export", SAMPLE, "--format", "onnx", "-o", out.toString());
        assertThat(again.code()).isEqualTo(IgcCli.INVALID);
        assertThat(again.err()).contains("--force");
        assertThat(Files.size(out)).isEqualTo(size);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("net.onnx");
        }
    }

    @Test
    void canonicalJsonLoadsBackToTheSameDesign(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("net.json");
        assertThat(MeasuredSweepTest.igc("export", SAMPLE, "--format", "json", "-o", out.toString()).code()).isZero();
        assertThat(DesignIdentity.of(DesignFiles.read(out))).isEqualTo(DesignIdentity.of(DesignFiles.read(Path.of(SAMPLE))));
        assertThat(DesignFiles.read(out)).isEqualTo(DesignFiles.read(Path.of(SAMPLE)));
    }

    @Test
    void pytorchSourceGoesToStandardOutput() {
        MeasuredSweepTest.Run run = MeasuredSweepTest.igc("export", SAMPLE, "--format", "pytorch");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("class ChannelShuffle(nn.Module)").contains("ANALYZER_PARAMETERS = 317242")
                .contains("(\"stages_0_blocks_0\", nn.Sequential(");
    }

    @Test
    void badRequestsAreInputErrors(@TempDir Path dir) {
        assertThat(MeasuredSweepTest.igc("export", SAMPLE, "--format", "tflite").err()).contains("Invalid value for option '--format': 'tflite' is not one of onnx, pytorch, json");
        assertThat(MeasuredSweepTest.igc("export", SAMPLE, "--format", "onnx").err()).contains("needs -o OUT");
        MeasuredSweepTest.Run ck = MeasuredSweepTest.igc("export", SAMPLE, "--format", "onnx", "-o", dir.resolve("x.onnx").toString(),
                "--checkpoint", dir.toString());
        assertThat(ck.code()).isEqualTo(IgcCli.INVALID);
        assertThat(ck.err()).contains("holds no checkpoint");
    }
}
