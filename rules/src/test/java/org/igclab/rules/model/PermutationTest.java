package org.igclab.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igclab.rules.testing.Invalid.rejects;

import org.junit.jupiter.api.Test;

/** Known maps, worked out by hand: position {@code c * rows + r} takes channel {@code r * cols + c}. */
class PermutationTest {

    @Test
    void shuffleOfSixChannelsInTwoRows() {
        // rows: [0 1 2] [3 4 5]; transposed and flattened: 0 3 1 4 2 5
        Permutation p = Permutation.shuffle(6, 2);
        assertThat(p.toArray()).containsExactly(0, 3, 1, 4, 2, 5);
        assertThat(p.description()).isEqualTo("shuffle(2)");
        assertThat(p.toString()).isEqualTo("shuffle(2)[0, 3, 1, 4, 2, 5]");
        assertThat(p.size()).isEqualTo(6);
        assertThat(p.sourceOf(1)).isEqualTo(3);
    }

    @Test
    void shuffleOfSixChannelsInThreeRows() {
        // rows: [0 1] [2 3] [4 5]; columns read top to bottom: 0 2 4 1 3 5
        assertThat(Permutation.shuffle(6, 3).toArray()).containsExactly(0, 2, 4, 1, 3, 5);
    }

    @Test
    void shuffleWithOneRowOrOneColumnIsTheIdentity() {
        assertThat(Permutation.shuffle(8, 1)).isEqualTo(Permutation.identity(8));
        assertThat(Permutation.shuffle(8, 8)).isEqualTo(Permutation.identity(8));
        assertThat(Permutation.shuffle(8, 8).description()).isEqualTo("identity");
        assertThat(Permutation.shuffle(8, 8).isIdentity()).isTrue();
        assertThat(Permutation.shuffle(8, 2).isIdentity()).isFalse();
    }

    @Test
    void canonicalIsTheShuffleWithOneRowPerGroup() {
        // after a kernel of group size K on C channels there are C / K groups (rows)
        for (int c : new int[] {1, 6, 12, 48, 64, 100}) {
            for (int k = 1; k <= c; k++) {
                if (c % k == 0) {
                    assertThat(Permutation.canonical(c, k)).as("C=%d K=%d", c, k).isEqualTo(Permutation.shuffle(c, c / k));
                }
            }
        }
        // C = 8, K = 2: groups {0,1} {2,3} {4,5} {6,7}; the next kernel's group 0 takes one channel of each
        assertThat(Permutation.canonical(8, 2).toArray()).containsExactly(0, 2, 4, 6, 1, 3, 5, 7);
    }

    @Test
    void shuffleAndItsTransposeAreInverses() {
        // shuffle(6, 2) = [0,3,1,4,2,5], shuffle(6, 3) = [0,2,4,1,3,5]; composing gives the identity
        Permutation two = Permutation.shuffle(6, 2);
        Permutation three = Permutation.shuffle(6, 3);
        assertThat(two.inverse()).isEqualTo(three);
        assertThat(two.then(three)).isEqualTo(Permutation.identity(6));
        assertThat(two.then(three).description()).isEqualTo("identity");
        assertThat(three.then(two).isIdentity()).isTrue();
    }

    @Test
    void inverseOfAnExplicitMap() {
        // [2,0,1]: position 0 holds channel 2, so channel 2 goes back to position 0: inverse [1,2,0]
        Permutation p = Permutation.of(2, 0, 1);
        assertThat(p.inverse().toArray()).containsExactly(1, 2, 0);
        assertThat(p.inverse().description()).isEqualTo("explicit");
        assertThat(p.then(p.inverse())).isEqualTo(Permutation.identity(3));
    }

    @Test
    void thenAppliesTheArgumentSecond() {
        // p = [1,2,0] on x = (a,b,c) gives (b,c,a); q = [1,0,2] on that gives (c,b,a): map [2,1,0].
        Permutation p = Permutation.of(1, 2, 0);
        Permutation q = Permutation.of(1, 0, 2);
        assertThat(p.then(q).toArray()).containsExactly(2, 1, 0);
        // the other order: q first gives (b,a,c), then p gives (a,c,b): map [0,2,1]
        assertThat(q.then(p).toArray()).containsExactly(0, 2, 1);
    }

    @Test
    void shuffleRowsRecognisesShuffles() {
        assertThat(Permutation.shuffle(12, 3).shuffleRows()).isEqualTo(3);
        assertThat(Permutation.shuffle(12, 4).shuffleRows()).isEqualTo(4);
        assertThat(Permutation.identity(12).shuffleRows()).isEqualTo(1);
        assertThat(Permutation.of(0).shuffleRows()).isEqualTo(1);
        // written out by hand, it is still the shuffle with 4 rows
        assertThat(Permutation.of(0, 2, 4, 6, 1, 3, 5, 7).shuffleRows()).isEqualTo(4);
        // the reversal sends position 1 to channel 6, which does not divide 8
        assertThat(Permutation.of(7, 6, 5, 4, 3, 2, 1, 0).shuffleRows()).isEqualTo(-1);
        // position 1 holds channel 2 = 6 / 3 as in shuffle(6, 3), but the rest differs
        assertThat(Permutation.of(0, 2, 1, 3, 4, 5).shuffleRows()).isEqualTo(-1);
        // position 1 holds channel 0
        assertThat(Permutation.of(1, 0, 2, 3).shuffleRows()).isEqualTo(-1);
    }

    @Test
    void equalityIsByMapNotByHowItWasMade() {
        Permutation made = Permutation.shuffle(8, 4);
        Permutation written = Permutation.of(0, 2, 4, 6, 1, 3, 5, 7);
        assertThat(written).isEqualTo(made).hasSameHashCodeAs(made);
        assertThat(written.description()).isEqualTo("explicit");
        assertThat(Permutation.of(0, 1, 2).description()).isEqualTo("identity");
        assertThat(written).isNotEqualTo(Permutation.identity(8));
    }

    @Test
    void explicitMapsAreCopied() {
        int[] source = {1, 0, 2};
        Permutation p = Permutation.of(source);
        source[0] = 2;
        assertThat(p.toArray()).containsExactly(1, 0, 2);
        p.toArray()[0] = 2;
        assertThat(p.sourceOf(0)).isEqualTo(1);
    }

    @Test
    void longMapsPrintShort() {
        assertThat(Permutation.identity(32).toString()).isEqualTo("identity[32 channels]");
        assertThat(Permutation.identity(16).toString()).startsWith("identity[0, 1, ");
    }

    @Test
    void invalidPermutations() {
        rejects(() -> Permutation.of(0, 1, 1), "[2]", "[2] = 1 repeats the value of [1]: not a bijection");
        rejects(() -> Permutation.of(3, 0, 2, 3), "[3]", "[3] = 3 repeats the value of [0]: not a bijection");
        rejects(() -> Permutation.of(0, 4, 1, 2), "[1]", "[1] = 4 is outside 0..3");
        rejects(() -> Permutation.of(0, -1), "[1]", "[1] = -1 is outside 0..1");
        rejects(Permutation::of, "", "a permutation needs at least one channel");
        rejects(() -> Permutation.identity(0), "size", "size = 0 must be positive");
        rejects(() -> Permutation.shuffle(12, 5), "shuffle", "shuffle = 5 does not divide 12 channels");
        rejects(() -> Permutation.shuffle(12, 0), "shuffle", "shuffle = 0 must be positive");
        rejects(() -> Permutation.shuffle(-3, 1), "size", "size = -3 must be positive");
        rejects(() -> Permutation.canonical(12, 5), "groupSize", "groupSize = 5 does not divide 12 channels");
        rejects(() -> Permutation.canonical(12, -2), "groupSize", "groupSize = -2 must be positive");
        rejects(() -> Permutation.identity(4).then(Permutation.identity(6)), "size", "size = 6 does not match 4 channels");
    }
}
