package org.igclab.rules.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;

/**
 * Random chains for property tests, built from jqwik combinators so that a failure shrinks to a small chain: fewer
 * kernels, narrower widths, identities for permutations, 1x1 kernels, stride 1. Everything here is written from the
 * definitions, not from the main code's helpers.
 */
public final class RandomChains {
    /** Widths with many divisors, so group counts, shuffles and factorizations have room; all at most 64. */
    public static final int[] SMALL_WIDTHS = {1, 2, 3, 4, 5, 6, 8, 9, 12, 16, 18, 24, 27, 30, 32, 36, 48, 64};

    /** Widths above one 64-bit word, several not a multiple of 64. */
    public static final int[] WIDE_WIDTHS = {65, 72, 96, 100, 120, 128, 144, 192, 200, 256};

    private RandomChains() {
    }

    /** All divisors of {@code n}, ascending, 1 and {@code n} included. */
    public static int[] divisors(int n) {
        return IntStream.rangeClosed(1, n).filter(d -> n % d == 0).toArray();
    }

    public static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** One of the given widths; shrinks towards the first. */
    public static Arbitrary<Integer> width(int[] choices) {
        return Arbitraries.of(Arrays.stream(choices).boxed().toList());
    }

    /** A divisor of {@code n}; shrinks towards 1. */
    public static Arbitrary<Integer> divisor(int n) {
        return Arbitraries.of(Arrays.stream(divisors(n)).boxed().toList());
    }

    /** 1, 3, 5 or 7; shrinks towards 1. */
    public static Arbitrary<Integer> kernelSide() {
        return Arbitraries.of(1, 3, 5, 7);
    }

    /** Mostly 1, sometimes 2. */
    public static Arbitrary<Integer> stride() {
        return Arbitraries.frequency(Tuple.of(7, 1), Tuple.of(1, 2));
    }

    /** A uniformly random permutation of {@code n} channels; shrinks towards the identity. */
    public static Arbitrary<Permutation> anyOrder(int n) {
        return Arbitraries.shuffle(IntStream.range(0, n).boxed().toList())
                .map(order -> Permutation.of(order.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** {@code length} factors, each at least 1, whose product is {@code n}. */
    public static Arbitrary<int[]> factorsOfLength(int n, int length) {
        if (length == 1) {
            return Arbitraries.just(new int[] {n});
        }
        return divisor(n).flatMap(d -> factorsOfLength(n / d, length - 1).map(rest -> prepend(d, rest)));
    }

    /** An ordered factorization of {@code n} into factors of at least 2 (empty for {@code n = 1}). */
    public static Arbitrary<int[]> factorization(int n) {
        if (n == 1) {
            return Arbitraries.just(new int[0]);
        }
        List<Integer> factors = Arrays.stream(divisors(n)).skip(1).boxed().toList();
        return Arbitraries.of(factors).flatMap(d -> factorization(n / d).map(rest -> prepend(d, rest)));
    }

    private static int[] prepend(int first, int[] rest) {
        int[] all = new int[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** Any chain on {@link #SMALL_WIDTHS}: the brute-force matrices stay at most 64 x 64. */
    public static Arbitrary<KernelChain> chains() {
        return chains(SMALL_WIDTHS);
    }

    /**
     * A chain of length 1..5 on the given widths: constant or changing width, group counts dividing both sides
     * (often a factorization of the width, so strict and dense chains come up), permutations that interleave,
     * identities, shuffles or uniformly random ones, and sometimes a final permutation.
     */
    public static Arbitrary<KernelChain> chains(int[] widthChoices) {
        Arbitrary<Integer> width = width(widthChoices);
        // kernels drawn as lists, so that shrinking drops kernels
        Arbitrary<List<GroupConv>> constant = width.flatMap(c -> Combinators.combine(divisor(c), kernelSide(), stride())
                .as((groups, side, stride) -> new GroupConv(c, c, groups, side, stride)).list().ofMinSize(1).ofMaxSize(5));
        Arbitrary<List<GroupConv>> factored = Combinators.combine(width, Arbitraries.integers().between(1, 5))
                .flatAs((c, length) -> factorsOfLength(c, length).flatMap(k -> kernelsOfGroupSizes(c, k)));
        // few inputs fanned out to many channels sometimes: dense chains whose rows differ from each other
        Arbitrary<Integer> first = Arbitraries.oneOf(width, width(Arrays.copyOf(widthChoices, Math.min(4, widthChoices.length))));
        Arbitrary<List<GroupConv>> changing = Combinators.combine(first, width.list().ofMinSize(1).ofMaxSize(5)).flatAs((in, outs) -> {
            List<Integer> widths = new ArrayList<>(List.of(in));
            widths.addAll(outs);
            return kernels(widths);
        });
        return Arbitraries.frequencyOf(Tuple.of(3, constant), Tuple.of(3, factored), Tuple.of(4, changing))
                .flatMap(RandomChains::withPermutations);
    }

    /** Kernel {@code l} from {@code widths[l]} to {@code widths[l + 1]}, its groups a divisor of both. */
    private static Arbitrary<List<GroupConv>> kernels(List<Integer> widths) {
        List<Arbitrary<GroupConv>> kernels = new ArrayList<>();
        for (int l = 0; l + 1 < widths.size(); l++) {
            int in = widths.get(l);
            int out = widths.get(l + 1);
            kernels.add(Combinators.combine(divisor(gcd(in, out)), kernelSide(), stride())
                    .as((groups, side, stride) -> new GroupConv(in, out, groups, side, stride)));
        }
        return Combinators.combine(kernels).as(List::copyOf);
    }

    /** Width-keeping kernels with the given group sizes. */
    private static Arbitrary<List<GroupConv>> kernelsOfGroupSizes(int c, int[] groupSizes) {
        List<Arbitrary<GroupConv>> kernels = new ArrayList<>();
        for (int k : groupSizes) {
            kernels.add(Combinators.combine(kernelSide(), stride()).as((side, stride) -> new GroupConv(c, c, c / k, side, stride)));
        }
        return Combinators.combine(kernels).as(List::copyOf);
    }

    private static Arbitrary<KernelChain> withPermutations(List<GroupConv> kernels) {
        List<Arbitrary<Permutation>> between = new ArrayList<>();
        for (int l = 0; l + 1 < kernels.size(); l++) {
            between.add(permutationAfter(kernels.get(l)));
        }
        Arbitrary<List<Permutation>> permutations = between.isEmpty() ? Arbitraries.just(List.of()) : Combinators.combine(between).as(List::copyOf);
        Arbitrary<Optional<Permutation>> last = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(Optional.empty())),
                Tuple.of(1, permutationAfter(kernels.get(kernels.size() - 1)).map(Optional::of)));
        return Combinators.combine(permutations, last).as((perms, fin) -> new KernelChain(kernels, perms, fin));
    }

    /** A permutation of the kernel's outputs: the identity, the interleaving shuffle, some shuffle, or random. */
    public static Arbitrary<Permutation> permutationAfter(GroupConv before) {
        int size = before.outChannels();
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Permutation.identity(size))),
                Tuple.of(4, Arbitraries.just(Permutation.shuffle(size, before.groups()))),
                Tuple.of(1, divisor(size).map(d -> Permutation.shuffle(size, d))),
                Tuple.of(4, anyOrder(size)));
    }
}
