package org.igclab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.condition.ComplementaryReport;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link ComplementaryCondition#check} on a chain of {@code L = 4} width-keeping kernels at width {@code C}:
 * a 3x3 channel-wise first kernel, then three 1x1 group convolutions whose group sizes multiply to {@code C}
 * as evenly as possible ({@link #groupSizes}), so {@code prod K_l = C}.
 *
 * <p>{@code random}: every permutation between kernels (and none after the last) is an arbitrary one, a
 * seeded Fisher-Yates shuffle; the chain is then almost never complementary, and the checker must find a
 * witness. {@code canonical}: the canonical interleaving permutations, a strict chain.
 * The chains are built once; only the check is timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ComplementaryCheckBenchmark {

    /** Seed of the random permutations; fixed so every run checks the same chains. */
    static final long SEED = 20180601L;

    @Param({"64", "256", "1024", "4096"})
    public int channels;

    private KernelChain randomChain;
    private KernelChain canonicalChain;

    @Setup
    public void build() {
        int[] k = groupSizes(channels);
        canonicalChain = KernelChain.interleaved(channels, 3, k);
        randomChain = withRandomPermutations(channels, k, new Random(SEED));
    }

    @Benchmark
    public ComplementaryReport randomPermutations() {
        return ComplementaryCondition.check(randomChain);
    }

    @Benchmark
    public ComplementaryReport canonicalPermutations() {
        return ComplementaryCondition.check(canonicalChain);
    }

    /**
     * {@code (1, K_2, K_3, K_4)} with {@code K_2 * K_3 * K_4 = C}, the three as equal as the prime factors of
     * {@code C} allow, in ascending order: 64 gives {@code (1, 4, 4, 4)}, 256 {@code (1, 4, 8, 8)},
     * 1024 {@code (1, 8, 8, 16)}, 4096 {@code (1, 16, 16, 16)}.
     */
    static int[] groupSizes(int channels) {
        int[] parts = {1, 1, 1};
        List<Integer> primes = new ArrayList<>();
        int n = channels;
        for (int p = 2; (long) p * p <= n; p++) {
            while (n % p == 0) {
                primes.add(p);
                n /= p;
            }
        }
        if (n > 1) {
            primes.add(n);
        }
        for (int i = primes.size() - 1; i >= 0; i--) {
            int smallest = 0;
            for (int j = 1; j < 3; j++) {
                if (parts[j] < parts[smallest]) {
                    smallest = j;
                }
            }
            parts[smallest] *= primes.get(i);
        }
        java.util.Arrays.sort(parts);
        return new int[] {1, parts[0], parts[1], parts[2]};
    }

    /** The chain of these group sizes (3x3 first kernel, 1x1 after) with a random permutation between kernels. */
    static KernelChain withRandomPermutations(int channels, int[] groupSizes, Random random) {
        List<GroupConv> kernels = new ArrayList<>();
        List<Permutation> permutations = new ArrayList<>();
        for (int l = 0; l < groupSizes.length; l++) {
            kernels.add(GroupConv.withGroupSize(channels, groupSizes[l], l == 0 ? 3 : 1));
            if (l + 1 < groupSizes.length) {
                permutations.add(Permutation.of(shuffled(channels, random)));
            }
        }
        return new KernelChain(kernels, permutations);
    }

    /** {@code 0..n-1} in a uniformly random order (Fisher-Yates, as {@link java.util.Collections#shuffle}). */
    static int[] shuffled(int n, Random random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
