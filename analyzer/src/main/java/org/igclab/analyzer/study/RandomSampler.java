package org.igclab.analyzer.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The designs in a random order fixed by the seed, without repeats: the first draws of a Fisher-Yates shuffle of
 * {@code [0, designs)}, kept sparse (only the swapped positions are remembered) so a space of millions of designs
 * costs memory only for the draws made. Designs already tried (by this or another sampler) are skipped.
 */
public record RandomSampler(long designs, long seed) implements Sampler {

    @Override
    public List<Long> ask(History history, int n) {
        Set<Long> tried = history.designs();
        RandomGenerator random = new MersenneTwister(seed);
        Map<Long, Long> swapped = new HashMap<>();
        List<Long> out = new ArrayList<>();
        for (long i = 0; i < designs && out.size() < n; i++) {
            long j = i + nextLong(random, designs - i);
            long atJ = swapped.getOrDefault(j, j);
            swapped.put(j, swapped.getOrDefault(i, i));
            if (!tried.contains(atJ)) {
                out.add(atJ);
            }
        }
        return out;
    }

    /** Uniform in {@code [0, bound)}, without the modulo bias of {@code nextLong() % bound}. */
    static long nextLong(RandomGenerator random, long bound) {
        if (bound <= Integer.MAX_VALUE) {
            return random.nextInt((int) bound);
        }
        long bits;
        long value;
        do {
            bits = random.nextLong() >>> 1;
            value = bits % bound;
        } while (bits - value + (bound - 1) < 0);
        return value;
    }
}
