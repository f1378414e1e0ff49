package org.igclab.analyzer.network.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.condition.Verdict;
import org.igclab.rules.factor.Factorizations;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.testing.BruteForcePaths;
import org.junit.jupiter.api.Test;

/** IGCV2 blocks that change width: widening in the last kernel keeps them strictly complementary, in the first does not. */
class TransitionBlockTest {

    private static Igcv2Block block(List<Integer> sizes, int out, int stride, Igcv2Block.Widen widen) {
        return new Igcv2Block(new Igcv2Block.GroupSizes(sizes), Optional.of(out), 3, stride, Norm.END, widen);
    }

    private static Verdict bruteForce(KernelChain chain) {
        long[][] n = BruteForcePaths.pathCounts(chain);
        long min = Arrays.stream(n).flatMapToLong(Arrays::stream).min().orElseThrow();
        long max = Arrays.stream(n).flatMapToLong(Arrays::stream).max().orElseThrow();
        return min == 0 ? Verdict.NEITHER : max == 1 ? Verdict.STRICT : Verdict.DENSE;
    }

    @Test
    void everyFactorizationWideningLastIsStrictByTheCheckerAndByBruteForce() {
        for (int channels : new int[] {8, 12, 16, 32}) {
            for (int[] k : Factorizations.ordered(channels)) {
                List<Integer> sizes = new java.util.ArrayList<>(List.of(1));
                Arrays.stream(k).forEach(sizes::add);
                for (int factor : new int[] {2, 3, 4}) {
                    Igcv2Block b = block(sizes, channels * factor, 2, Igcv2Block.Widen.LAST);
                    KernelChain chain = b.kernels(new TensorShape(channels, 8, 8));
                    BlockFormulaPropertiesTest.assertFormulaAgrees(b, new TensorShape(channels, 8, 8));
                    assertThat(chain.outChannels()).isEqualTo(channels * factor);
                    assertThat(chain.kernel(chain.length() - 1).groupSize()).isEqualTo(k[k.length - 1]);
                    assertThat(ComplementaryCondition.check(chain).verdict()).as("%s x%d", sizes, factor).isEqualTo(Verdict.STRICT);
                    assertThat(bruteForce(chain)).as("%s x%d", sizes, factor).isEqualTo(Verdict.STRICT);
                }
            }
        }
    }

    @Test
    void thePaperRuleWideningFirstIsDenseAtATransitionAndWideningLastIsStrict() {
        TensorShape in = new TensorShape(64, 32, 32);
        Igcv2Block first = new Igcv2Block(new Igcv2Block.PaperRule(8, Optional.empty()), Optional.of(128), 3, 2, Norm.END);
        KernelChain dense = first.kernels(in);
        assertThat(dense.groupSizes()).containsExactly(1, 8, 8, 2);
        assertThat(ComplementaryCondition.check(dense).verdict()).isEqualTo(Verdict.DENSE);
        assertThat(bruteForce(dense)).isEqualTo(Verdict.DENSE);

        Igcv2Block last = new Igcv2Block(new Igcv2Block.PaperRule(8, Optional.empty()), Optional.of(128), 3, 2, Norm.END,
                Igcv2Block.Widen.LAST);
        KernelChain strict = last.kernels(in);
        assertThat(strict.groupSizes()).containsExactly(1, 8, 8);
        assertThat(strict.kernels()).extracting(k -> k.inChannels() + "->" + k.outChannels()).containsExactly("64->64", "64->64", "64->128");
        assertThat(ComplementaryCondition.check(strict).verdict()).isEqualTo(Verdict.STRICT);
        assertThat(bruteForce(strict)).isEqualTo(Verdict.STRICT);
        assertThat(last.label(in)).isEqualTo("IGCV2 K=(1,8,8) 64->128 /2 widening last");
        // 3x3 channel-wise 64 * 9, then 64 * 8 and 128 * 8 weights; BN on 128 channels; the formula agrees
        long weights = 64 * 9 + 64 * 8 + 128 * 8;
        assertThat(last.formula(in).params().total()).isEqualTo(weights + 2 * 128);
        BlockFormulaPropertiesTest.assertFormulaAgrees(last, in);
    }

    @Test
    void widenIsWrittenOnlyWhenItIsNotTheDefaultAndReadBack() {
        Igcv2Block last = block(List.of(1, 4, 4), 32, 2, Igcv2Block.Widen.LAST);
        ObjectNode json = last.toJson();
        assertThat(json.get("widen").asText()).isEqualTo("last");
        assertThat(Templates.parse("igcv2", JsonFields.of(json, "b"))).isEqualTo(last);
        assertThat(block(List.of(1, 4, 4), 32, 2, Igcv2Block.Widen.FIRST).toJson().has("widen")).isFalse();

        ObjectNode bad = json.deepCopy().put("widen", "middle");
        assertThatThrownBy(() -> Templates.parse("igcv2", JsonFields.of(bad, "stages[1].blocks[0]")))
                .isInstanceOf(InvalidDesignException.class)
                .hasMessageContaining("stages[1].blocks[0].widen").hasMessageContaining("\"middle\" is not one of first, last");
    }

    @Test
    void aLastKernelWhoseGroupsDoNotDivideTheOutputIsRefusedNamingTheField() {
        Igcv2Block odd = block(List.of(1, 2, 4), 9, 1, Igcv2Block.Widen.LAST);
        assertThatThrownBy(() -> odd.kernels(new TensorShape(8, 8, 8))).isInstanceOf(InvalidDesignException.class)
                .hasMessageContaining("groupSizes[2]").hasMessageContaining("do not divide 9 output channels");
    }
}
