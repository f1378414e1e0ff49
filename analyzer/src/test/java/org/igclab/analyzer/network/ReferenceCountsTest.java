package org.igclab.analyzer.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.igclab.analyzer.network.cost.BlockCost;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
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

    @Test
    void mobilenetV1() throws IOException {
        NetworkCost c = cost("mobilenet-v1.json");
        assertThat(c.params().total()).isEqualTo(4_231_976L);
        assertThat(c.macs()).isEqualTo(568_740_352L);
    }

    /**
     * torchvision's counts (parameters as sum(p.numel()), conv + linear MACs at 224x224); TorchvisionImportTest recounts
     * them, ResNet-18's too, in PyTorch with forward hooks.
     */
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
