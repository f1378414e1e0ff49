package org.igclab.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.rules.condition.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SweepTest {

    @ParameterizedTest
    @ValueSource(strings = {"resnet18.json", "mobilenet-v1.json", "cifar-igcv1-l24m2-d38.json", "igc-l4m32-imagenet.json",
        "cifar-igcv2-k8-d38.json", "cifar-dwsep-d38.json"})
    void networkFiguresAgreeWithTheCostModel(String sample) throws IOException {
        Network network = ((Design.NetworkDesign) DesignFiles.read(Path.of("..", "samples", "networks", sample))).network();
        NetworkCost cost = CostModel.of(network);
        NetworkFigures figures = new NetworkFigures();
        for (int twice = 0; twice < 2; twice++) {
            // the second time comes from the remembered layers
            Figures f = figures.of(network);
            assertThat(f.params()).isEqualTo(cost.params().total());
            assertThat(f.macs()).isEqualTo(cost.macs());
            assertThat(f.activations()).isEqualTo(cost.activations());
            assertThat(f.peakActivation()).isEqualTo(cost.peakActivation());
            assertThat(f.traffic()).isEqualTo(cost.traffic());
        }
    }

    @Test
    void verdictsAndChannelsComeFromTheChainBlocks() {
        Space s = SpaceJsonTest.cifar("\"${block}\"", "\"grid\": {\"width\": [48], \"depth\": [8]}, \"list\": ["
                + "{\"block\": {\"type\": \"igcv1\", \"L\": 24}}, {\"block\": {\"type\": \"igcv2\", \"K\": 8}},"
                + "{\"block\": {\"type\": \"conv-bn-relu\"}}]");
        List<SweepRow> rows = Sweep.run(s, ProgressListener.NONE).rows();
        Figures igcv1 = rows.get(0).figures();
        assertThat(igcv1.verdict()).isEqualTo(Verdict.STRICT);
        // stage 3 of IGC-L24: K = (192 / 24, 24) = (8, 24), S = (9, 1): 72 / 24
        assertThat(igcv1.imbalance()).isEqualTo(3.0);
        assertThat(igcv1.convGcd()).isEqualTo(48);
        assertThat(rows.get(1).status()).isEqualTo(SweepRow.Status.INVALID);
        assertThat(rows.get(1).reason()).contains("stages[1].blocks[0].K = 8");
        Figures plain = rows.get(2).figures();
        assertThat(plain.verdict()).isNull();
        assertThat(plain.imbalance()).isNaN();
        assertThat(plain.strictlyComplementary()).isTrue();
    }

    @Test
    void constraintsRejectWithReasonsAndCountsAddUp() {
        Space s = SpaceJsonTest.cifar("\"${block}\"", "\"grid\": {\"width\": [16, 24, 32, 48], \"depth\": [8]}, \"list\": ["
                + "{\"block\": {\"type\": \"igcv1\", \"L\": 8}}, {\"block\": {\"type\": \"igcv2\", \"K\": 4, \"L\": 3}}, {\"block\": {\"type\": \"dwsep\"}}],"
                + "\"constraints\": {\"maxParams\": 30000, \"channelsMultipleOf\": 16, \"complementary\": true, \"balancedWithin\": 2}");
        Sweep sweep = Sweep.run(s, ProgressListener.NONE);
        assertThat(sweep.rows()).hasSize(12);
        assertThat(sweep.count(SweepRow.Status.PASS) + sweep.count(SweepRow.Status.REJECTED) + sweep.count(SweepRow.Status.INVALID))
                .isEqualTo(12);
        Constraints c = s.constraints();
        for (SweepRow r : sweep.rows()) {
            if (r.status() == SweepRow.Status.INVALID) {
                continue;
            }
            Figures f = r.figures();
            boolean expected = f.params() <= 30000 && f.convGcd() % 16 == 0 && f.verdict() == Verdict.STRICT
                    && (Double.isNaN(f.imbalance()) || f.imbalance() <= 3);
            assertThat(r.status() == SweepRow.Status.PASS).as("design %d", r.design()).isEqualTo(expected);
            assertThat(c.reason(f).isEmpty()).isEqualTo(expected);
        }
        // IGCV2's stage transitions double the width in a channel-wise kernel: every input is reached twice
        SweepRow igcv2 = sweep.rows().get(4);
        assertThat(igcv2.figures().verdict()).isEqualTo(Verdict.DENSE);
        assertThat(c.reason(igcv2.figures())).hasValueSatisfying(r -> assertThat(r).contains("verdict is dense, not strict"));
        // width 24: the stem's 24 channels are not a multiple of 16
        assertThat(c.reason(sweep.rows().get(9).figures())).hasValueSatisfying(r -> assertThat(r).contains("multiples of 16"));
        assertThat(c.reason(sweep.rows().get(11).figures())).hasValueSatisfying(r -> assertThat(r).contains("exceed maxParams 30,000"));
    }
}
