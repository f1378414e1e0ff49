package org.igclab.rules.model;

import static org.igclab.rules.testing.Invalid.rejects;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.igclab.rules.io.ChainJson;
import org.igclab.rules.testing.RandomChains;

/** Invalid designs are refused with the exact path and message, whatever the sizes. */
class InvalidInputPropertiesTest {

    @Property(tries = 200)
    void groupsMustDivideTheInputChannels(@ForAll @IntRange(min = 1, max = 512) int channels,
                                          @ForAll @IntRange(min = 1, max = 512) int groups) {
        Assume.that(channels % groups != 0);
        rejects(() -> GroupConv.of(channels, groups, 3), "groups",
                "groups = " + groups + " does not divide " + channels + " input channels");
    }

    /** A width, a group count above 1 that divides it, and an output width that is no multiple of the groups. */
    record Indivisible(int in, int groups, int out) {
    }

    @Property(tries = 200)
    void groupsMustDivideTheOutputChannels(@ForAll("indivisible") Indivisible k) {
        rejects(() -> new GroupConv(k.in(), k.out(), k.groups(), 1, 1), "groups",
                "groups = " + k.groups() + " does not divide " + k.out() + " output channels");
    }

    @Provide
    Arbitrary<Indivisible> indivisible() {
        return RandomChains.width(RandomChains.SMALL_WIDTHS).filter(in -> in > 1).flatMap(in -> RandomChains.divisor(in)
                .filter(g -> g > 1).flatMap(g -> Combinators.combine(Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, g - 1))
                        .as((times, rest) -> new Indivisible(in, g, g * times + rest))));
    }

    @Property(tries = 200)
    void sizesMustBePositive(@ForAll @IntRange(min = 0, max = 4) int field, @ForAll @IntRange(min = -1000, max = 0) int bad) {
        int[] values = {8, 8, 2, 3, 1};
        values[field] = bad;
        String[] names = {"inChannels", "outChannels", "groups", "kernelSize", "stride"};
        rejects(() -> new GroupConv(values[0], values[1], values[2], values[3], values[4]), names[field],
                names[field] + " = " + bad + " must be positive");
    }

    /** A chain of {@code length} kernels whose kernel {@code broken} reads {@code other} channels instead of {@code c}. */
    record Mismatch(int length, int broken, int c, int other) {
    }

    @Property(tries = 200)
    void consecutiveKernelsMustAgreeOnTheWidth(@ForAll("mismatches") Mismatch m) {
        int length = m.length();
        int broken = m.broken();
        int c = m.c();
        int other = m.other();
        List<GroupConv> kernels = new ArrayList<>();
        List<Permutation> perms = new ArrayList<>();
        for (int l = 0; l < length; l++) {
            int in = l == broken ? other : c;
            int out = l >= broken ? other : c;
            kernels.add(new GroupConv(in, out, 1, 1, 1));
            if (l + 1 < length) {
                perms.add(Permutation.identity(out));
            }
        }
        rejects(() -> new KernelChain(kernels, perms), "kernels[" + broken + "].inChannels",
                "kernels[" + broken + "].inChannels = " + other + " does not match the " + c + " output channels of kernels[" + (broken - 1) + "]");
    }

    @Property(tries = 200)
    void thereIsOnePermutationBetweenEachPairOfKernels(@ForAll @IntRange(min = 1, max = 6) int length,
                                                       @ForAll @IntRange(min = 0, max = 7) int count) {
        Assume.that(count != length - 1);
        List<GroupConv> kernels = new ArrayList<>();
        List<Permutation> perms = new ArrayList<>();
        for (int l = 0; l < length; l++) {
            kernels.add(GroupConv.of(8, 2, 1));
        }
        for (int p = 0; p < count; p++) {
            perms.add(Permutation.shuffle(8, 4));
        }
        rejects(() -> new KernelChain(kernels, perms), "permutations", "permutations: has " + count + " entries; a chain of "
                + length + " kernels needs " + (length - 1) + " (one between each pair of kernels)");
    }

    @Provide
    Arbitrary<Mismatch> mismatches() {
        return Arbitraries.integers().between(2, 5).flatMap(length -> Combinators.combine(Arbitraries.integers().between(1, length - 1),
                RandomChains.width(RandomChains.SMALL_WIDTHS).filter(c -> c > 1), Arbitraries.integers().between(1, 64))
                .as((broken, c, more) -> new Mismatch(length, broken, c, c + more)));
    }

    /** Permutation {@code broken} of a chain on {@code c} channels has {@code permutations.get(broken).size()} instead. */
    record WrongPermutation(int c, int broken, List<Permutation> permutations) {
    }

    @Property(tries = 200)
    void permutationsMustHaveTheWidthTheyReorder(@ForAll("wrongPermutations") WrongPermutation w) {
        int c = w.c();
        int broken = w.broken();
        List<Permutation> perms = w.permutations();
        int wrong = perms.get(broken).size();
        List<GroupConv> kernels = new ArrayList<>();
        for (int l = 0; l <= perms.size(); l++) {
            kernels.add(GroupConv.of(c, 1, 1));
        }
        rejects(() -> new KernelChain(kernels, perms), "permutations[" + broken + "]",
                "permutations[" + broken + "]: has " + wrong + " channels but kernels[" + broken + "] has " + c + " output channels");
    }

    @Provide
    Arbitrary<WrongPermutation> wrongPermutations() {
        return Combinators.combine(Arbitraries.integers().between(2, 5), Arbitraries.integers().between(4, 63)).flatAs((length, c) ->
                Combinators.combine(Arbitraries.integers().between(0, length - 2),
                        Arbitraries.oneOf(Arbitraries.integers().between(1, c - 1), Arbitraries.integers().between(c + 1, c + 10)))
                        .flatAs((broken, wrong) -> {
                            List<Arbitrary<Permutation>> perms = new ArrayList<>();
                            for (int l = 0; l + 1 < length; l++) {
                                perms.add(RandomChains.anyOrder(l == broken ? wrong : c));
                            }
                            return Combinators.combine(perms).as(p -> new WrongPermutation(c, broken, p));
                        }));
    }

    /** A permutation's map, and two positions {@code first < second} in it. */
    record TwoPositions(int[] map, int first, int second) {
    }

    @Property(tries = 200)
    void repeatedEntriesAreNamed(@ForAll("twoPositions") TwoPositions t) {
        int[] map = t.map();
        int first = t.first();
        int second = t.second();
        map[second] = map[first];
        rejects(() -> Permutation.of(map), "[" + second + "]",
                "[" + second + "] = " + map[first] + " repeats the value of [" + first + "]: not a bijection");
    }

    @Provide
    Arbitrary<TwoPositions> twoPositions() {
        return Arbitraries.integers().between(2, 64).flatMap(n -> Arbitraries.integers().between(0, n - 2).flatMap(first ->
                Combinators.combine(RandomChains.anyOrder(n), Arbitraries.integers().between(first + 1, n - 1))
                        .as((p, second) -> new TwoPositions(p.toArray(), first, second))));
    }

    /** A permutation's map of {@code n} entries, a position in it and a value outside {@code 0..n-1}. */
    record OutOfRange(int[] map, int at, int value) {
    }

    @Property(tries = 200)
    void outOfRangeEntriesAreNamed(@ForAll("outOfRange") OutOfRange o) {
        int[] map = o.map();
        int n = map.length;
        int at = o.at();
        int value = o.value();
        map[at] = value;
        rejects(() -> Permutation.of(map), "[" + at + "]", "[" + at + "] = " + value + " is outside 0.." + (n - 1));
    }

    /** In a chain file the complaint names the kernel by its index. */
    @Provide
    Arbitrary<OutOfRange> outOfRange() {
        return Arbitraries.integers().between(1, 64).flatMap(n -> Combinators.combine(RandomChains.anyOrder(n),
                Arbitraries.integers().between(0, n - 1),
                Arbitraries.oneOf(Arbitraries.integers().between(n, n + 99), Arbitraries.integers().between(-100, -1)))
                .as((p, at, value) -> new OutOfRange(p.toArray(), at, value)));
    }

    @Property(tries = 100)
    void chainFilesNameTheKernelThatDoesNotDivide(@ForAll @IntRange(min = 1, max = 5) int length,
                                                  @ForAll @IntRange(min = 0, max = 4) int brokenAt,
                                                  @ForAll("notDividing64") int groups) {
        int broken = brokenAt % length;
        StringBuilder json = new StringBuilder("{\"channels\": 64, \"kernels\": [");
        for (int l = 0; l < length; l++) {
            json.append(l > 0 ? ", " : "").append("{\"groups\": ").append(l == broken ? groups : 8).append("}");
        }
        json.append("]}");
        String text = json.toString();
        rejects(() -> ChainJson.parse(text), "kernels[" + broken + "].groups",
                "kernels[" + broken + "].groups = " + groups + " does not divide 64 input channels");
    }

    @Provide
    Arbitrary<Integer> notDividing64() {
        return Arbitraries.integers().between(3, 62).filter(g -> 64 % g != 0);
    }
}
