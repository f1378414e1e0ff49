package org.igclab.rules.model;

import static org.igclab.rules.testing.Invalid.rejects;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
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

    @Property(tries = 200)
    void groupsMustDivideTheOutputChannels(@ForAll("seeds") Random random) {
        int in = RandomChains.SMALL_WIDTHS[random.nextInt(RandomChains.SMALL_WIDTHS.length)];
        int groups = RandomChains.randomDivisor(in, random);
        Assume.that(groups > 1);
        int out = groups * (1 + random.nextInt(8)) + 1 + random.nextInt(groups - 1); // not a multiple of groups
        rejects(() -> new GroupConv(in, out, groups, 1, 1), "groups",
                "groups = " + groups + " does not divide " + out + " output channels");
    }

    @Property(tries = 200)
    void sizesMustBePositive(@ForAll @IntRange(min = 0, max = 4) int field, @ForAll @IntRange(min = -1000, max = 0) int bad) {
        int[] values = {8, 8, 2, 3, 1};
        values[field] = bad;
        String[] names = {"inChannels", "outChannels", "groups", "kernelSize", "stride"};
        rejects(() -> new GroupConv(values[0], values[1], values[2], values[3], values[4]), names[field],
                names[field] + " = " + bad + " must be positive");
    }

    @Property(tries = 200)
    void consecutiveKernelsMustAgreeOnTheWidth(@ForAll("seeds") Random random) {
        int length = 2 + random.nextInt(4);
        int broken = 1 + random.nextInt(length - 1);
        int c = RandomChains.SMALL_WIDTHS[1 + random.nextInt(RandomChains.SMALL_WIDTHS.length - 1)];
        int other = c + 1 + random.nextInt(64);
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

    @Property(tries = 200)
    void permutationsMustHaveTheWidthTheyReorder(@ForAll("seeds") Random random) {
        int length = 2 + random.nextInt(4);
        int broken = random.nextInt(length - 1);
        int c = 4 + random.nextInt(60);
        int wrong = random.nextBoolean() ? 1 + random.nextInt(c - 1) : c + 1 + random.nextInt(10);
        List<GroupConv> kernels = new ArrayList<>();
        List<Permutation> perms = new ArrayList<>();
        for (int l = 0; l < length; l++) {
            kernels.add(GroupConv.of(c, 1, 1));
            if (l + 1 < length) {
                perms.add(RandomChains.randomPermutation(l == broken ? wrong : c, random));
            }
        }
        rejects(() -> new KernelChain(kernels, perms), "permutations[" + broken + "]",
                "permutations[" + broken + "]: has " + wrong + " channels but kernels[" + broken + "] has " + c + " output channels");
    }

    @Property(tries = 200)
    void repeatedEntriesAreNamed(@ForAll("seeds") Random random) {
        int n = 2 + random.nextInt(63);
        int[] map = RandomChains.randomPermutation(n, random).toArray();
        int first = random.nextInt(n - 1);
        int second = first + 1 + random.nextInt(n - first - 1);
        map[second] = map[first];
        rejects(() -> Permutation.of(map), "[" + second + "]",
                "[" + second + "] = " + map[first] + " repeats the value of [" + first + "]: not a bijection");
    }

    @Property(tries = 200)
    void outOfRangeEntriesAreNamed(@ForAll("seeds") Random random) {
        int n = 1 + random.nextInt(64);
        int[] map = RandomChains.randomPermutation(n, random).toArray();
        int at = random.nextInt(n);
        int value = random.nextBoolean() ? n + random.nextInt(100) : -1 - random.nextInt(100);
        map[at] = value;
        rejects(() -> Permutation.of(map), "[" + at + "]", "[" + at + "] = " + value + " is outside 0.." + (n - 1));
    }

    /** In a chain file the complaint names the kernel by its index. */
    @Property(tries = 100)
    void chainFilesNameTheKernelThatDoesNotDivide(@ForAll @IntRange(min = 1, max = 5) int length,
                                                  @ForAll("seeds") Random random) {
        int broken = random.nextInt(length);
        int groups;
        do {
            groups = 3 + random.nextInt(60);
        } while (64 % groups == 0);
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
    Arbitrary<Random> seeds() {
        return Arbitraries.randomValue(r -> new Random(r.nextLong()));
    }
}
