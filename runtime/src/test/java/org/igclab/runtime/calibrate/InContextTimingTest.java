package org.igclab.runtime.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.igclab.analyzer.latency.Primitive;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;
import org.junit.jupiter.api.Test;

/** The bookkeeping of timing a primitive in context: how many copies, which passes' scopes stay open (nothing timed). */
class InContextTimingTest {

    @Test
    void copiesMakeThePassesTouchTheContextBytes() {
        // ReLU over 16 channels at 32x32: 64 KiB in, 64 KiB out, no weights -> 32 copies touch 4 MiB
        Primitive relu = Primitive.of(new Op.Activation(Op.Activation.Kind.RELU), new TensorShape(16, 32, 32));
        int copies = PrimitiveTiming.copies(relu.bytes(1), PrimitiveTiming.CONTEXT_BYTES);
        assertThat(copies).isEqualTo(32);
        assertThat(copies * relu.bytes(1)).isGreaterThanOrEqualTo(PrimitiveTiming.CONTEXT_BYTES);
        assertThat((copies - 1) * relu.bytes(1)).isLessThan(PrimitiveTiming.CONTEXT_BYTES);
        // at batch 32 one pass already touches more than the context: timed as it always was, one copy
        assertThat(PrimitiveTiming.copies(relu.bytes(32), PrimitiveTiming.CONTEXT_BYTES)).isEqualTo(1);
        // the tiniest operations are capped, nothing is divided by zero
        assertThat(PrimitiveTiming.copies(4, PrimitiveTiming.CONTEXT_BYTES)).isEqualTo(PrimitiveTiming.MAX_COPIES);
        assertThat(PrimitiveTiming.copies(0, PrimitiveTiming.CONTEXT_BYTES)).isEqualTo(PrimitiveTiming.MAX_COPIES);
        // timed alone: one copy, whatever its size
        assertThat(PrimitiveTiming.copies(relu.bytes(1), 0)).isEqualTo(1);
        assertThat(PrimitiveTiming.copies(0, 0)).isEqualTo(1);
    }

    @Test
    void theLastKeptScopesStayOpenAndAllCloseAtTheEnd() {
        List<NDManager> scopes = new ArrayList<>();
        try (NDManager base = NDManager.newBaseManager()) {
            try (RecentScopes recent = new RecentScopes(base, 2)) {
                for (int pass = 0; pass < 5; pass++) {
                    NDManager scope = recent.next();
                    scope.zeros(new ai.djl.ndarray.types.Shape(4));
                    scopes.add(scope);
                    recent.passDone();
                    assertThat(recent.open()).isEqualTo(Math.min(pass + 1, 2));
                }
                assertThat(scopes.subList(0, 3)).noneMatch(NDManager::isOpen);
                assertThat(scopes.subList(3, 5)).allMatch(NDManager::isOpen);
            }
            assertThat(scopes).noneMatch(NDManager::isOpen);
        }
    }

    @Test
    void keptZeroClosesEachPassScope() {
        try (NDManager base = NDManager.newBaseManager(); RecentScopes recent = new RecentScopes(base, 0)) {
            NDManager scope = recent.next();
            assertThat(scope.isOpen()).isTrue();
            recent.passDone();
            assertThat(scope.isOpen()).isFalse();
            assertThat(recent.open()).isZero();
        }
        assertThatThrownBy(() -> new RecentScopes(null, -1)).hasMessageContaining("kept must be >= 0: -1");
    }
}
