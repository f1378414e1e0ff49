package org.igclab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.io.ChainJson;
import org.igclab.rules.model.KernelChain;
import org.junit.jupiter.api.Test;

class WiringAndHeatMapTest {

    @Test
    void aStrictChainHasOnePathBetweenAnyTwoChannels() {
        KernelChain chain = KernelChain.interleaved(16, 3, 1, 4, 4);
        WiringLayout w = WiringLayout.of(chain);
        assertThat(w.stages()).isEqualTo(6);
        assertThat(w.label(0)).isEqualTo("input");
        assertThat(w.label(1)).isEqualTo("W1");
        assertThat(w.label(2)).isEqualTo("P1");
        for (int in = 0; in < 16; in += 5) {
            for (int out = 0; out < 16; out += 3) {
                // one edge per step along the single path: three kernels and two permutations
                assertThat(w.path(in, out).cardinality()).isEqualTo(5);
                assertThat(w.pathCount(in, out)).isEqualTo(java.math.BigInteger.ONE);
                int[] ends = w.path(in, out).stream().filter(e -> w.edgeStage(e) == 0).map(w::edgeFrom).toArray();
                assertThat(ends).containsExactly(in);
            }
        }
    }

    @Test
    void withoutInterleavingSomePairsHaveNoPath() throws Exception {
        KernelChain chain = ChainJson.read(Path.of("..", "samples", "chains", "not-interleaved-c64.json")).chain();
        WiringLayout w = WiringLayout.of(chain);
        var witness = ComplementaryCondition.check(chain).missing().orElseThrow();
        assertThat(w.pathCount(witness.input(), witness.output())).isZero();
        assertThat(w.path(witness.input(), witness.output()).isEmpty()).isTrue();
    }

    @Test
    void wideChainsAreDrawnAsAHeatMap() {
        KernelChain strict = KernelChain.interleaved(128, 3, 1, 8, 16);
        assertThat(WiringLayout.fits(strict)).isFalse();
        HeatMap map = HeatMap.of(strict);
        assertThat(map.width()).isEqualTo(128);
        assertThat(map.block()).isEqualTo(1);
        assertThat(Arrays.stream(map.argb()).distinct().toArray()).containsExactly(HeatMap.ONE);

        // 1024 channels: two by two per pixel; a loose chain (prod K = 2C) repeats paths everywhere
        HeatMap loose = HeatMap.of(KernelChain.interleaved(1024, 3, 1, 32, 64));
        assertThat(loose.width()).isEqualTo(512);
        assertThat(loose.block()).isEqualTo(2);
        assertThat(loose.max()).isEqualTo(java.math.BigInteger.TWO);
        assertThat(Arrays.stream(loose.argb()).allMatch(c -> c != HeatMap.NONE && c != HeatMap.ONE)).isTrue();
    }
}
