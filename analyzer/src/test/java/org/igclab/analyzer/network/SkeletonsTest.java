package org.igclab.analyzer.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.analyzer.network.template.BlockTemplate;
import org.igclab.analyzer.network.template.Igcv1Block;
import org.junit.jupiter.api.Test;

/** The CIFAR skeleton of IGCV1's released code: stem, three stages of (D - 2) / 3 blocks at C, 2C, 4C, head. */
class SkeletonsTest {

    static Network cifar(int width, int depth, String block) {
        return NetworkJson.parse("{\"name\": \"s\", \"skeleton\": {\"type\": \"cifar\", \"width\": " + width + ", \"depth\": " + depth
                + ", \"classes\": 100, \"block\": " + block + "}}");
    }

    @Test
    void stagesHaveDepthMinusTwoOverThreeBlocksAtWidthsC2C4C() {
        List<String> blocks = List.of("{\"type\": \"igcv1\", \"L\": 4}", "{\"type\": \"igcv2\", \"K\": 4, \"L\": 3}",
                "{\"type\": \"dwsep\"}", "{\"type\": \"conv-bn-relu\", \"groups\": 2}", "{\"type\": \"resnet-basic\"}",
                "{\"type\": \"mbv2\", \"expansion\": 2}", "{\"type\": \"shufflenet\", \"groups\": 2}");
        for (int depth : new int[] {5, 8, 20, 38}) {
            for (String block : blocks) {
                Network n = cifar(16, depth, block);
                int perStage = (depth - 2) / 3;
                assertThat(n.input()).isEqualTo(new TensorShape(3, 32, 32));
                // stem conv, BN, ReLU; the blocks; GAP and FC
                assertThat(n.layers()).hasSize(3 + 3 * perStage + 2);
                assertThat(n.layers().subList(0, 3)).extracting(l -> ((LayerSpec.OpSpec) l).op())
                        .containsExactly(Op.Conv.same(16, 3, 1, 1), new Op.BatchNorm(), new Op.Activation(Op.Activation.Kind.RELU));
                ResolvedNetwork r = ShapeInference.resolve(n);
                for (int s = 0; s < 3; s++) {
                    for (int b = 0; b < perStage; b++) {
                        String path = "stages[" + s + "].blocks[" + b + "]";
                        Layer layer = r.root().layers().get(3 + s * perStage + b);
                        assertThat(layer.path()).isEqualTo(path);
                        assertThat(layer).isInstanceOf(Layer.BlockLayer.class);
                        BlockTemplate t = ((Layer.BlockLayer) layer).template();
                        int side = 32 >> s;
                        assertThat(layer.out()).as(block + " " + path).isEqualTo(new TensorShape(16 << s, side, side));
                        int stride = t.toJson().get("stride").asInt();
                        assertThat(stride).as(block + " " + path).isEqualTo(s > 0 && b == 0 ? 2 : 1);
                        assertThat(layer.in().height()).isEqualTo(b == 0 && s > 0 ? 2 * side : side);
                    }
                }
                assertThat(r.output()).isEqualTo(new TensorShape(100, 1, 1));
                assertThat(n.layers().get(n.layers().size() - 1)).isEqualTo(new LayerSpec.OpSpec("head[1]", new Op.Linear(100, true)));
            }
        }
    }

    @Test
    void defaultsAreThreeChannels32x32AndTenClasses() {
        Network n = NetworkJson.parse("{\"skeleton\": {\"type\": \"cifar\", \"width\": 8, \"depth\": 5, \"block\": {\"type\": \"dwsep\"}}}");
        assertThat(n.input()).isEqualTo(new TensorShape(3, 32, 32));
        assertThat(ShapeInference.resolve(n).output()).isEqualTo(new TensorShape(10, 1, 1));
        Network other = NetworkJson.parse("{\"skeleton\": {\"type\": \"cifar\", \"width\": 8, \"depth\": 5, \"resolution\": 64, "
                + "\"inputChannels\": 1, \"block\": {\"type\": \"dwsep\"}}}");
        assertThat(other.input()).isEqualTo(new TensorShape(1, 64, 64));
    }

    /** IGCV1's headline CIFAR network, counted by hand from the formulas. */
    @Test
    void igcL24M2Depth38ParametersByHand() throws IOException {
        NetworkCost c = CostModel.of(NetworkJson.read(Path.of("..", "samples", "networks", "cifar-igcv1-l24m2-d38.json")));
        // C = 48, L = 24, (38 - 2) / 3 = 12 blocks per stage, norm = end (one BN of 2 * C_out per block).
        // A block C_in -> C_out: primary 9 * C_out * C_in / 24, secondary C_out * 24 (M = C_out / 24 groups of 24).
        // stem: conv 48 * 3 * 9 = 1,296 + BN 96                                                   = 1,392
        // stage 1, 12 x (48 -> 48): 9*48*48/24 = 864, 48*24 = 1,152, BN 96 -> 2,112; x 12            = 25,344
        // stage 2, 48 -> 96 /2: 9*96*48/24 = 1,728, 96*24 = 2,304, BN 192 -> 4,224
        //          11 x (96 -> 96): 9*96*96/24 = 3,456, 2,304, BN 192 -> 5,952; x 11 = 65,472       = 69,696
        // stage 3, 96 -> 192 /2: 9*192*96/24 = 6,912, 192*24 = 4,608, BN 384 -> 11,904
        //          11 x (192 -> 192): 9*192*192/24 = 13,824, 4,608, BN 384 -> 18,816; x 11 = 206,976 = 218,880
        // head: GAP, FC 192 * 10 + 10 bias                                                           = 1,930
        // total 1,392 + 25,344 + 69,696 + 218,880 + 1,930                                           = 317,242
        assertThat(c.params().total()).isEqualTo(317_242L);
        // BN: 96 + 12 * 96 + 12 * 192 + 12 * 384 = 8,160; bias 10; the rest weights
        assertThat(c.params()).isEqualTo(new ParamCount(317_242L - 8_160 - 10, 10, 8_160));
        // every block is IGC-L24M?, M doubling by stage: 2, 4, 8
        assertThat(c.blocks()).hasSize(36);
        assertThat(c.blocks().get(0).label()).isEqualTo("IGCV1 L24M2 48->48");
        assertThat(c.blocks().get(12).label()).isEqualTo("IGCV1 L24M4 48->96 /2");
        assertThat(c.blocks().get(35).label()).isEqualTo("IGCV1 L24M8 192->192");
        assertThat(c.blocks()).allSatisfy(b -> assertThat(((Layer.BlockLayer) blockLayer(c, b.path())).template())
                .isInstanceOf(Igcv1Block.class));
        assertThat(c.network().output()).isEqualTo(new TensorShape(10, 1, 1));
    }

    static Layer blockLayer(NetworkCost c, String path) {
        return c.network().root().layers().stream().filter(l -> l.path().equals(path)).findFirst().orElseThrow();
    }
}
