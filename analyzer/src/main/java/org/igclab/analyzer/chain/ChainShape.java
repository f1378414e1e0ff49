package org.igclab.analyzer.chain;

import java.util.List;
import java.util.stream.Collectors;
import org.igclab.rules.model.KernelChain;

/**
 * A width-keeping chain described by its group sizes and kernel sides; the permutations are canonical.
 *
 * @param channels    the width {@code C}
 * @param groupSizes  {@code K_1..K_L}
 * @param kernelSizes kernel sides, e.g. {@code 3, 1, 1}
 */
public record ChainShape(int channels, List<Integer> groupSizes, List<Integer> kernelSizes) {

    public ChainShape {
        groupSizes = List.copyOf(groupSizes);
        kernelSizes = List.copyOf(kernelSizes);
        if (groupSizes.size() != kernelSizes.size() || groupSizes.isEmpty()) {
            throw new IllegalArgumentException("a shape needs one kernel size per group size, and at least one kernel");
        }
    }

    /** The usual block: the first kernel {@code firstKernelSize}, the others 1x1. */
    public static ChainShape of(int channels, int firstKernelSize, int[] groupSizes, int length) {
        Integer[] k = new Integer[length];
        Integer[] s = new Integer[length];
        for (int l = 0; l < length; l++) {
            k[l] = groupSizes[l];
            s[l] = l == 0 ? firstKernelSize : 1;
        }
        return new ChainShape(channels, List.of(k), List.of(s));
    }

    public int length() {
        return groupSizes.size();
    }

    /** {@code prod K_l}. */
    public long product() {
        long p = 1;
        for (int k : groupSizes) {
            p *= k;
        }
        return p;
    }

    /** {@code prod K_l > C}: dense at best, with repeated paths. */
    public boolean isLoose() {
        return product() > channels;
    }

    /** The chain with canonical permutations. */
    public KernelChain toChain() {
        return KernelChain.interleaved(channels,
                groupSizes.stream().mapToInt(Integer::intValue).toArray(),
                kernelSizes.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@code 1,8,8}. */
    public String groupSizeList() {
        return groupSizes.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** {@code 3x3,1x1,1x1}. */
    public String kernelSizeList() {
        return kernelSizes.stream().map(s -> s + "x" + s).collect(Collectors.joining(","));
    }
}
