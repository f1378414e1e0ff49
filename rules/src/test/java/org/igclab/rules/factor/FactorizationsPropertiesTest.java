package org.igclab.rules.factor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.igclab.rules.factor.Factorizations.Bounds;

/** Factorizations against a direct recursive enumeration. */
class FactorizationsPropertiesTest {

    @Property(tries = 200)
    void orderedFactorizationsMatchARecursiveEnumeration(@ForAll @IntRange(min = 1, max = 3000) int n,
                                                         @ForAll @IntRange(min = 0, max = 4) int minLength,
                                                         @ForAll @IntRange(min = 0, max = 12) int extraLength,
                                                         @ForAll @IntRange(min = 2, max = 16) int minFactor,
                                                         @ForAll @IntRange(min = 0, max = 3000) int extraFactor) {
        Bounds bounds = new Bounds(minLength, minLength + extraLength, minFactor, minFactor + extraFactor);
        List<List<Integer>> expected = new ArrayList<>();
        enumerate(n, bounds, new ArrayList<>(), expected);

        List<int[]> actual = Factorizations.ordered(n, bounds);

        assertThat(actual.stream().map(f -> Arrays.stream(f).boxed().toList()).toList()).isEqualTo(expected);
        assertThat(Factorizations.count(n, bounds)).isEqualTo(expected.size());
    }

    /** Every sequence of factors in range whose product is n, in lexicographic order (ascending first factor). */
    private static void enumerate(int remaining, Bounds bounds, List<Integer> prefix, List<List<Integer>> out) {
        if (remaining == 1) {
            if (prefix.size() >= bounds.minLength() && prefix.size() <= bounds.maxLength()) {
                out.add(List.copyOf(prefix));
            }
            return;
        }
        for (int d = bounds.minFactor(); d <= Math.min(remaining, bounds.maxFactor()); d++) {
            if (remaining % d == 0) {
                prefix.add(d);
                enumerate(remaining / d, bounds, prefix, out);
                prefix.remove(prefix.size() - 1);
            }
        }
    }

    @Property(tries = 200)
    void divisorsAreAllDivisorsAboveOne(@ForAll @IntRange(min = 1, max = 100_000) int n) {
        List<Integer> expected = new ArrayList<>();
        for (int d = 2; d <= n; d++) {
            if (n % d == 0) {
                expected.add(d);
            }
        }
        assertThat(Arrays.stream(Factorizations.divisorsAtLeastTwo(n)).boxed().toList()).isEqualTo(expected);
    }
}
