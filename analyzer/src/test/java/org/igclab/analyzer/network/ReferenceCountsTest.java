package org.igclab.analyzer.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.igclab.analyzer.network.cost.BlockCost;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.testing.DebianPackages;
import org.igclab.rules.testing.ExternalProcess;
import org.igclab.rules.testing.RequiresDebian;
import org.junit.jupiter.api.Test;

/** The published counts reproduced exactly (PyTorch / torchvision, 224x224, conv + linear MACs). */
class ReferenceCountsTest {

    static NetworkCost cost(String sample) throws IOException {
        return CostModel.of(NetworkJson.read(Path.of("..", "samples", "networks", sample)));
    }

    @Test
    void resnet18() throws IOException {
        NetworkCost c = cost("resnet18.json");
        assertThat(c.params().total()).isEqualTo(11_689_512L);
        assertThat(c.macs()).isEqualTo(1_814_073_344L);
        // BN affine: 2 * (64 + 4*64 + 4*128 + 4*256 + 4*512 + 128 + 256 + 512) over the stem, block and projection BNs
        assertThat(c.params().bnAffine()).isEqualTo(9_600);
        assertThat(c.params().bias()).isEqualTo(1_000);
        assertThat(c.network().output()).isEqualTo(new TensorShape(1000, 1, 1));
    }

    /** The sample against torchvision's own ResNet-18, counted in Python: its parameters, and its MACs by forward hooks. */
    @Test
    @RequiresDebian({DebianPackages.TORCH, DebianPackages.TORCHVISION})
    void resnet18IsTorchvisions() throws Exception {
        String count = """
                import json, torch, torchvision
                from torch import nn
                model = torchvision.models.resnet18().eval()
                macs = 0
                def conv(m, i, out):
                    global macs
                    macs += out[0].numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]
                def linear(m, i, out):
                    global macs
                    macs += m.in_features * m.out_features
                for m in model.modules():
                    if isinstance(m, nn.Conv2d):
                        m.register_forward_hook(conv)
                    elif isinstance(m, nn.Linear):
                        m.register_forward_hook(linear)
                with torch.no_grad():
                    model(torch.zeros(1, 3, 224, 224))
                print(json.dumps({"params": sum(p.numel() for p in model.parameters()), "macs": macs}))
                """;
        // a limit that only stops a hang: it takes seconds
        ExternalProcess.Finished python = ExternalProcess.run(List.of(DebianPackages.python().toString(), "-c", count), Duration.ofMinutes(5));
        assertThat(python.exitCode()).as(python.output()).isZero();
        JsonNode torchvision = JsonFields.MAPPER.readTree(python.output().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
        NetworkCost c = cost("resnet18.json");
        assertThat(c.params().total()).isEqualTo(torchvision.get("params").asLong());
        assertThat(c.macs()).isEqualTo(torchvision.get("macs").asLong());
    }

    @Test
    void mobilenetV1() throws IOException {
        NetworkCost c = cost("mobilenet-v1.json");
        assertThat(c.params().total()).isEqualTo(4_231_976L);
        assertThat(c.macs()).isEqualTo(568_740_352L);
    }

    /** torchvision's counts (parameters as sum(p.numel()), conv + linear MACs at 224x224); TorchvisionImportTest recounts them in PyTorch. */
    @Test
    void torchvisionsLargerNetworks() throws IOException {
        assertThat(cost("resnet50.json").params().total()).isEqualTo(25_557_032L);
        assertThat(cost("resnet50.json").macs()).isEqualTo(4_089_184_256L);
        assertThat(cost("mobilenet-v2.json").params().total()).isEqualTo(3_504_872L);
        assertThat(cost("mobilenet-v2.json").macs()).isEqualTo(300_774_272L);
        assertThat(cost("mobilenet-v3-large.json").params().total()).isEqualTo(5_483_032L);
        assertThat(cost("mobilenet-v3-large.json").macs()).isEqualTo(216_589_760L);
        assertThat(cost("shufflenet-v2.json").params().total()).isEqualTo(2_278_604L);
        assertThat(cost("shufflenet-v2.json").macs()).isEqualTo(144_907_992L);
    }

    @Test
    void everyBlockFormulaAgreesWithTheLayerByLayerCount() throws IOException {
        for (String sample : new String[] {"resnet18.json", "mobilenet-v1.json", "igc-l4m32-imagenet.json", "cifar-igcv1-l24m2-d38.json",
            "resnet50.json", "mobilenet-v2.json", "mobilenet-v3-large.json"}) {
            NetworkCost c = cost(sample);
            assertThat(c.blocks()).isNotEmpty();
            for (BlockCost b : c.blocks()) {
                assertThat(b.formula().params()).as(sample + " " + b.path()).isEqualTo(b.params());
                assertThat(b.formula().macs()).as(sample + " " + b.path()).isEqualTo(b.macs());
            }
        }
    }

    @Test
    void flopsAreTwiceMacsAndTrafficCountsInputsOutputsAndWeights() throws IOException {
        NetworkCost c = cost("resnet18.json");
        assertThat(c.flops()).isEqualTo(2 * c.macs());
        var stem = c.layers().get(0);
        // 3x224x224 in, 64x112x112 out, 9,408 weights
        assertThat(stem.traffic()).isEqualTo(3L * 224 * 224 + 64L * 112 * 112 + 9_408);
        assertThat(stem.activations()).isEqualTo(64L * 112 * 112);
    }
}
