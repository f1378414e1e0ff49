package org.igclab.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;
import org.junit.jupiter.api.Test;

/** The engine's composite linear map has the zero pattern the analyzer predicts, for good and bad chains. */
class StructureCheckTest {

    @Test
    void complementaryChainsMatch() {
        KernelChain igcv2 = KernelChain.interleaved(64, 3, 1, 8, 8);
        KernelChain igcv1 = KernelChain.interleaved(48, 3, 2, 24);
        assertThat(StructureCheck.of("igcv2", igcv2, 1).matches()).isTrue();
        assertThat(StructureCheck.of("igcv1", igcv1, 2).matches()).isTrue();
    }

    @Test
    void nonComplementaryChainsMatchTheirOwnSparsePattern() {
        // identity permutations keep the groups apart: the engine must show the same holes the analyzer counts
        KernelChain apart = new KernelChain(List.of(GroupConv.of(16, 16, 3), GroupConv.of(16, 4, 1), GroupConv.of(16, 4, 1)),
                List.of(Permutation.identity(16), Permutation.identity(16)));
        assertThat(ComplementaryCondition.check(apart).isDense()).isFalse();
        assertThat(StructureCheck.of("apart", apart, 3).matches()).isTrue();

        int[] map = {3, 7, 0, 12, 5, 9, 14, 1, 2, 8, 11, 15, 4, 6, 10, 13};
        KernelChain scrambled = new KernelChain(List.of(GroupConv.of(16, 4, 3), GroupConv.of(16, 4, 1)),
                List.of(Permutation.of(map)), Optional.of(Permutation.shuffle(16, 4)));
        assertThat(StructureCheck.of("scrambled", scrambled, 4).matches()).isTrue();
    }

    @Test
    void aWrongPredictionIsCaught() {
        // the engine runs the interleaved chain; compare against the prediction for the chain without interleaving
        KernelChain interleaved = KernelChain.interleaved(16, 1, 4, 4);
        KernelChain apart = new KernelChain(interleaved.kernels(), List.of(Permutation.identity(16)));
        StructureCheck check = StructureCheck.compare("swap", interleaved, org.igclab.rules.condition.PathCountMatrix.of(apart), 5);
        assertThat(check.matches()).isFalse();
        assertThat(check.mismatch()).get().asString().contains("engine gives a nonzero weight");
    }
}
