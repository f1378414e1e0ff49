package org.igclab.analyzer.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.export.PyTorchExport;
import org.igclab.analyzer.network.NetworkJson;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.testing.DebianPackages;
import org.igclab.rules.testing.ExternalProcess;
import org.igclab.rules.testing.RequiresDebian;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real exports: Debian's PyTorch writes torchvision's models (random weights, no download) and an IGCV2 network from
 * {@code igc export --format pytorch} to ONNX, at several opsets; the import counts PyTorch's parameters exactly and the
 * MACs that forward hooks on the convolutions and linear layers count. The samples written by hand are compared with the
 * same torchvision models.
 */
class TorchvisionImportTest {
    private static final String EXPORT = """
            import importlib, json, sys, torch, torchvision
            from torch import nn
            out = sys.argv[1]
            sys.path.insert(0, out)
            def counted(name, model, shape, opset):
                model = model.eval()
                macs = 0
                def conv(m, i, o):
                    nonlocal macs
                    macs += o[0].numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]
                def linear(m, i, o):
                    nonlocal macs
                    macs += m.in_features * m.out_features
                hooks = [m.register_forward_hook(conv if isinstance(m, nn.Conv2d) else linear)
                         for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
                x = torch.randn(1, *shape)
                with torch.no_grad():
                    model(x)
                for h in hooks:
                    h.remove()
                path = out + "/" + name + ".onnx"
                # PRESERVE keeps BatchNorm apart (in eval mode the exporter folds it into the convolutions)
                torch.onnx.export(model, x, path, opset_version=opset, training=torch.onnx.TrainingMode.PRESERVE)
                print(json.dumps({"name": name, "file": path, "params": sum(p.numel() for p in model.parameters()), "macs": macs}))
            torch.manual_seed(0)
            v = torchvision.models
            counted("resnet18", v.resnet18(weights=None), (3, 224, 224), 11)
            counted("resnet50", v.resnet50(weights=None), (3, 224, 224), 13)
            counted("mobilenet_v2", v.mobilenet_v2(weights=None), (3, 224, 224), 12)
            counted("mobilenet_v3_large", v.mobilenet_v3_large(weights=None), (3, 224, 224), 14)
            counted("shufflenet_v2_x1_0", v.shufflenet_v2_x1_0(weights=None), (3, 224, 224), 17)
            igcv2 = importlib.import_module("igcv2")
            counted("igcv2", igcv2.build(), tuple(igcv2.INPUT_SHAPE), 13)
            """;

    /** torchvision's name of the model each hand-written sample reproduces. */
    private static final List<List<String>> SAMPLES = List.of(List.of("resnet18", "resnet18.json"), List.of("resnet50", "resnet50.json"),
            List.of("mobilenet_v2", "mobilenet-v2.json"), List.of("mobilenet_v3_large", "mobilenet-v3-large.json"),
            List.of("shufflenet_v2_x1_0", "shufflenet-v2.json"));

    @Test
    @RequiresDebian({DebianPackages.TORCH, DebianPackages.TORCHVISION})
    void importedExportsAndTheSamplesCountWhatPyTorchCounts(@TempDir Path dir) throws Exception {
        Path igcv2 = Path.of("..", "samples", "networks", "cifar-igcv2-k8-d38.json");
        Files.writeString(dir.resolve("igcv2.py"), PyTorchExport.source(ShapeInference.resolve(DesignFiles.read(igcv2).network(32))));
        Path script = dir.resolve("export.py");
        Files.writeString(script, EXPORT);
        // a limit that only stops a hang: the exports take seconds
        ExternalProcess.Finished run = ExternalProcess.run(List.of(DebianPackages.python().toString(), script.toString(), dir.toString()),
                Duration.ofMinutes(10));
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<JsonNode> models = new ArrayList<>();
        for (String line : run.output().split("\n")) {
            if (line.startsWith("{")) {
                models.add(JsonFields.MAPPER.readTree(line));
            }
        }
        assertThat(models).hasSize(6);
        for (JsonNode m : models) {
            String name = m.get("name").asText();
            OnnxImport.Imported imported = OnnxImport.read(Path.of(m.get("file").asText()));
            NetworkCost cost = CostModel.of(imported.network());
            assertThat(cost.unknown()).as(name + " operators not known").isEmpty();
            assertThat(cost.params().total()).as(name + " parameters").isEqualTo(m.get("params").asLong());
            assertThat(cost.macs()).as(name + " MACs").isEqualTo(m.get("macs").asLong());
            // the file igc import writes reads back with the same counts
            NetworkCost again = CostModel.of(NetworkJson.parse(JsonFields.pretty(imported.document())));
            assertThat(again.params()).isEqualTo(cost.params());
            assertThat(again.macs()).isEqualTo(cost.macs());
        }
        for (List<String> sample : SAMPLES) {
            JsonNode torchvision = models.stream().filter(m -> m.get("name").asText().equals(sample.get(0))).findFirst().orElseThrow();
            NetworkCost c = CostModel.of(NetworkJson.read(Path.of("..", "samples", "networks", sample.get(1))));
            assertThat(c.params().total()).as(sample.get(1) + " parameters").isEqualTo(torchvision.get("params").asLong());
            assertThat(c.macs()).as(sample.get(1) + " MACs").isEqualTo(torchvision.get("macs").asLong());
        }
    }
}
