package org.igclab.rules.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;

/**
 * Random chains for property tests, built from a seeded {@link Random} (jqwik hands one per try, so
 * failures replay). Everything here is written from the definitions, not from the main code's helpers.
 */
public final class RandomChains {
    /** Widths with many divisors, so group counts, shuffles and factorizations have room; all at most 64. */
    public static final int[] SMALL_WIDTHS = {1, 2, 3, 4, 5, 6, 8, 9, 12, 16, 18, 24, 27, 30, 32, 36, 48, 64};

    /** Widths above one 64-bit word, several not a multiple of 64. */
    public static final int[] WIDE_WIDTHS = {65, 72, 96, 100, 120, 128, 144, 192, 200, 256};

    private static final int[] KERNEL_SIDES = {1, 3, 5, 7};

    private RandomChains() {
    }

    /** All divisors of {@code n}, ascending, 1 and {@code n} included. */
    public static int[] divisors(int n) {
        List<Integer> out = new ArrayList<>();
        for (int d = 1; d <= n; d++) {
            if (n % d == 0) {
                out.add(d);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    public static int randomDivisor(int n, Random random) {
        int[] ds = divisors(n);
        return ds[random.nextInt(ds.length)];
    }

    public static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** A uniformly random permutation of {@code n} channels from a seeded shuffle. */
    public static Permutation randomPermutation(int n, Random random) {
        List<Integer> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(i);
        }
        Collections.shuffle(values, random);
        return Permutation.of(values.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@code length} factors, each at least 1, whose product is {@code n}. */
    public static int[] randomFactorsOfLength(int n, int length, Random random) {
        int[] factors = new int[length];
        int remaining = n;
        for (int l = 0; l < length - 1; l++) {
            factors[l] = randomDivisor(remaining, random);
            remaining /= factors[l];
        }
        factors[length - 1] = remaining;
        return factors;
    }

    /** A random ordered factorization of {@code n} into factors of at least 2 (empty for {@code n = 1}). */
    public static int[] randomFactorization(int n, Random random) {
        List<Integer> factors = new ArrayList<>();
        int remaining = n;
        while (remaining > 1) {
            int[] ds = divisors(remaining);
            int d = ds[1 + random.nextInt(ds.length - 1)];
            factors.add(d);
            remaining /= d;
        }
        return factors.stream().mapToInt(Integer::intValue).toArray();
    }

    public static int randomKernelSide(Random random) {
        return KERNEL_SIDES[random.nextInt(KERNEL_SIDES.length)];
    }

    /** Any chain on {@link #SMALL_WIDTHS}: the brute-force matrices stay at most 64 x 64. */
    public static KernelChain anyChain(Random random) {
        return anyChain(random, SMALL_WIDTHS);
    }

    /**
     * A chain of length 1..5 on the given widths: constant or changing width, group counts dividing both sides
     * (often a factorization of the width, so strict and dense chains come up), permutations that interleave,
     * identities, shuffles or uniformly random ones, and sometimes a final permutation.
     */
    public static KernelChain anyChain(Random random, int[] widthChoices) {
        int length = 1 + random.nextInt(5);
        int[] widths = new int[length + 1];
        boolean constant = random.nextInt(10) < 6;
        for (int l = 0; l <= length; l++) {
            widths[l] = constant && l > 0 ? widths[0] : widthChoices[random.nextInt(widthChoices.length)];
        }
        if (!constant && random.nextBoolean()) {
            // few inputs fanned out to many channels: dense chains whose rows differ from each other
            widths[0] = widthChoices[random.nextInt(Math.min(4, widthChoices.length))];
        }
        int[] groupSizes = null;
        if (constant && random.nextBoolean()) {
            groupSizes = randomFactorsOfLength(widths[0], length, random);
        }
        List<GroupConv> kernels = new ArrayList<>();
        for (int l = 0; l < length; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            int groups = groupSizes != null ? in / groupSizes[l] : randomDivisor(gcd(in, out), random);
            int stride = random.nextInt(8) == 0 ? 2 : 1;
            kernels.add(new GroupConv(in, out, groups, randomKernelSide(random), stride));
        }
        List<Permutation> perms = new ArrayList<>();
        for (int l = 0; l + 1 < length; l++) {
            perms.add(anyPermutation(kernels.get(l), random));
        }
        Optional<Permutation> last = random.nextInt(3) == 0
                ? Optional.of(anyPermutation(kernels.get(length - 1), random))
                : Optional.empty();
        return new KernelChain(kernels, perms, last);
    }

    /** A permutation of the kernel's outputs: the interleaving shuffle, the identity, some shuffle, or random. */
    public static Permutation anyPermutation(GroupConv before, Random random) {
        int size = before.outChannels();
        int pick = random.nextInt(10);
        if (pick < 4) {
            return Permutation.shuffle(size, before.groups());
        }
        if (pick == 4) {
            return Permutation.identity(size);
        }
        if (pick == 5) {
            return Permutation.shuffle(size, randomDivisor(size, random));
        }
        return randomPermutation(size, random);
    }
}
