package org.igclab.analyzer.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.testing.DebianPackages;
import org.igclab.rules.testing.ExternalProcess;
import org.igclab.rules.testing.RequiresDebian;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample exported as Python and run by PyTorch (Debian's python3-torch): the module has the analyzer's parameter
 * count and output shape. That its outputs are DJL's, weight for weight, is the runtime's PyTorchAgreementTest.
 */
class PyTorchExportTest {

    @Test
    @RequiresDebian(DebianPackages.TORCH)
    void everySampleBuildsInPyTorchWithTheAnalyzersCounts(@TempDir Path dir) throws Exception {
        Map<String, ResolvedNetwork> networks = new LinkedHashMap<>();
        for (String folder : new String[] {"networks", "chains"}) {
            try (Stream<Path> files = Files.list(Path.of("..", "samples", folder))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    Design d = DesignFiles.read(f);
                    ResolvedNetwork n = ShapeInference.resolve(d.network(8));
                    String module = "m" + networks.size();
                    Files.writeString(dir.resolve(module + ".py"), PyTorchExport.source(n));
                    networks.put(module, n);
                }
            }
        }
        Path runner = dir.resolve("run_all.py");
        Files.writeString(runner, """
                import importlib, json, sys, torch
                sys.path.insert(0, sys.argv[1])
                for name in sys.argv[2:]:
                    m = importlib.import_module(name)
                    model = m.build().eval()
                    with torch.no_grad():
                        y = model(torch.randn(2, *m.INPUT_SHAPE))
                    print(json.dumps({"module": name, "parameters": sum(p.numel() for p in model.parameters()),
                                      "output_shape": list(y.shape[1:])}))
                """);
        List<String> command = new ArrayList<>(List.of(DebianPackages.python().toString(), runner.toString(), dir.toString()));
        command.addAll(networks.keySet());
        // a limit that only stops a hang: the samples build in seconds
        ExternalProcess.Finished run = ExternalProcess.run(command, Duration.ofMinutes(10));
        String output = run.output();
        assertThat(run.exitCode()).as("%s failed:%n%s", DebianPackages.python(), output).isZero();
        int checked = 0;
        for (String line : output.split("\n")) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode r = JsonFields.MAPPER.readTree(line);
            ResolvedNetwork n = networks.get(r.get("module").asText());
            assertThat(r.get("parameters").asLong()).as(n.spec().name()).isEqualTo(CostModel.of(n).params().total());
            TensorShape out = n.output();
            JsonNode shape = r.get("output_shape");
            assertThat(shape.get(0).asInt()).as(n.spec().name()).isEqualTo(out.channels());
            long elements = 1;
            for (JsonNode d : shape) {
                elements *= d.asLong();
            }
            assertThat(elements).as(n.spec().name()).isEqualTo(out.elements());
            checked++;
        }
        assertThat(checked).isEqualTo(networks.size());
    }

    @Test
    void layerNamesArePythonIdentifiers() {
        assertThat(PyTorchExport.name("stages[1].blocks[0]", true)).isEqualTo("stages_1_blocks_0");
        assertThat(PyTorchExport.name("stages[1].blocks[0].body.conv1", false)).isEqualTo("conv1");
        assertThat(PyTorchExport.name("layers[3]", false)).isEqualTo("layers_3");
        assertThat(PyTorchExport.name("[2]", false)).isEqualTo("layer_2");
    }
}
