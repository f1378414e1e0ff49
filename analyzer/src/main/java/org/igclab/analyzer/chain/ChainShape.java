package org.igclab.analyzer.chain;

import java.util.List;
import java.util.stream.Collectors;
import org.igclab.rules.model.KernelChain;

/**
 * A width-keeping stride-1 chain described by its group sizes and kernel sides: a first kernel of any side, then
 * 1x1 kernels, as {@link ChainEnumerator} lists them; the permutations are canonical. Costed by {@link ChainCosts}.
 *
 * @param channels    the width {@code C}
 * @param groupSizes  {@code K_1..K_L}
 * @param kernelSizes kernel sides, e.g. {@code 3, 1, 1}: 1 after the first
 */
public record ChainShape(int channels, List<Integer> groupSizes, List<Integer> kernelSizes) {

    public ChainShape {
        groupSizes = List.copyOf(groupSizes);
        kernelSizes = List.copyOf(kernelSizes);
        if (groupSizes.size() != kernelSizes.size() || groupSizes.isEmpty()) {
            throw new IllegalArgumentException("a shape needs one kernel size per group size, and at least one kernel");
        }
        if (kernelSizes.stream().skip(1).anyMatch(s -> s != 1)) {
            throw new IllegalArgumentException("a shape's kernels after the first are 1x1: " + kernelSizes);
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

    /** Parameters: the kernels' weights, {@code C * sum_l K_l * S_l}. */
    public long weights() {
        int[] k = groupSizes.stream().mapToInt(Integer::intValue).toArray();
        return ChainCosts.weights(channels, kernelSizes.get(0), k, k.length);
    }

    /** MACs on a {@code side x side} input. */
    public long macs(int side) {
        return ChainCosts.macs(weights(), side);
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
