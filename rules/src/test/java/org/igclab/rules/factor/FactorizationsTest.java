package org.igclab.rules.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.igclab.rules.factor.Factorizations.Bounds;
import org.junit.jupiter.api.Test;

class FactorizationsTest {

    @Test
    void orderedFactorizationsOfTwelve() {
        // 12, 2*6, 6*2, 3*4, 4*3, 2*2*3, 2*3*2, 3*2*2: eight, listed in lexicographic order
        List<int[]> all = Factorizations.ordered(12);
        assertThat(all).containsExactly(
                new int[] {2, 2, 3}, new int[] {2, 3, 2}, new int[] {2, 6},
                new int[] {3, 2, 2}, new int[] {3, 4},
                new int[] {4, 3},
                new int[] {6, 2},
                new int[] {12});
        assertThat(Factorizations.count(12, Bounds.any())).isEqualTo(8);
    }

    @Test
    void orderedFactorizationsOfAPowerOfTwoAreCompositions() {
        // 64 = 2^6: a factorization is a composition of the exponent 6, and there are 2^(6-1) = 32 of those
        assertThat(Factorizations.count(64, Bounds.any())).isEqualTo(32);
        assertThat(Factorizations.ordered(64)).hasSize(32);
        // 1024 = 2^10: 2^9
        assertThat(Factorizations.count(1024, Bounds.any())).isEqualTo(512);
    }

    @Test
    void boundsAreRespected() {
        // 64 with 2..3 factors, each at most 8 = 2^3: compositions of 6 into 2 or 3 parts of 1..3.
        // 2 parts: (3,3) -> 1. 3 parts: a'+b'+c' = 3 with each a' in 0..2: C(5,2) - 3 = 7. Total 8.
        Bounds bounds = new Bounds(2, 3, 2, 8);
        List<int[]> all = Factorizations.ordered(64, bounds);
        assertThat(all).hasSize(8);
        assertThat(all).allSatisfy(f -> {
            assertThat(f.length).isBetween(2, 3);
            assertThat(java.util.Arrays.stream(f).allMatch(x -> x >= 2 && x <= 8)).isTrue();
        });
        assertThat(all.get(0)).containsExactly(2, 4, 8);
        assertThat(all.get(all.size() - 1)).containsExactly(8, 8);
        // factors at least 4: 64 = 4*16 16*4 8*8 4*4*4 64 -> 5
        assertThat(Factorizations.count(64, new Bounds(0, Integer.MAX_VALUE, 4, Integer.MAX_VALUE))).isEqualTo(5);
        // exactly one factor: only 64 itself
        assertThat(Factorizations.ordered(64, new Bounds(1, 1, 2, 64))).containsExactly(new int[] {64});
        // a prime has no factorization of length 2
        assertThat(Factorizations.count(97, new Bounds(2, 2, 2, 97))).isZero();
    }

    @Test
    void oneHasOnlyTheEmptyFactorization() {
        List<int[]> all = Factorizations.ordered(1);
        assertThat(all).hasSize(1);
        assertThat(all.get(0)).isEmpty();
        assertThat(Factorizations.count(1, new Bounds(1, 3, 2, 8))).isZero();
    }

    @Test
    void visitorReusesItsArray() {
        List<int[]> arrays = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        Factorizations.forEachOrdered(8, Bounds.any(), (factors, length) -> {
            arrays.add(factors);
            lengths.add(length);
        });
        // 8: 2*2*2, 2*4, 4*2, 8
        assertThat(lengths).containsExactly(3, 2, 2, 1);
        assertThat(arrays).allMatch(a -> a == arrays.get(0));
    }

    @Test
    void divisors() {
        assertThat(Factorizations.divisorsAtLeastTwo(12)).containsExactly(2, 3, 4, 6, 12);
        assertThat(Factorizations.divisorsAtLeastTwo(36)).containsExactly(2, 3, 4, 6, 9, 12, 18, 36);
        assertThat(Factorizations.divisorsAtLeastTwo(97)).containsExactly(97);
        assertThat(Factorizations.divisorsAtLeastTwo(1)).isEmpty();
    }

    @Test
    void invalidArguments() {
        assertThatThrownBy(() -> Factorizations.count(0, Bounds.any()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("n = 0 must be positive");
        assertThatThrownBy(() -> new Bounds(3, 2, 2, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("length range 3..2 is empty or negative");
        assertThatThrownBy(() -> new Bounds(-1, 2, 2, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("length range -1..2 is empty or negative");
        assertThatThrownBy(() -> new Bounds(0, 2, 1, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("factor range 1..8 must start at 2 or more and not be empty");
        assertThatThrownBy(() -> new Bounds(0, 2, 9, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("factor range 9..8 must start at 2 or more and not be empty");
    }
}
