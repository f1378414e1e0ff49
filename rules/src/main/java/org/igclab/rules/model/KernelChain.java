package org.igclab.rules.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A product of structured sparse kernels {@code [P_L] W_L P_{L-1} W_{L-1} ... P_1 W_1}: kernel {@code W_1}
 * is applied first, permutation {@code P_l} sits between {@code W_l} and {@code W_{l+1}}, and an
 * optional final permutation {@code P_L} reorders the outputs. Immutable and always valid: the
 * constructor rejects a chain whose pieces do not fit, naming the piece.
 *
 * @param kernels            {@code W_1..W_L}, at least one
 * @param permutations       {@code P_1..P_{L-1}}, one between each pair of consecutive kernels
 * @param finalPermutation   {@code P_L}, if any
 */
public record KernelChain(List<GroupConv> kernels, List<Permutation> permutations, Optional<Permutation> finalPermutation) {

    public KernelChain {
        kernels = List.copyOf(kernels);
        permutations = List.copyOf(permutations);
        if (kernels.isEmpty()) {
            throw new InvalidDesignException("kernels", "a chain needs at least one kernel");
        }
        if (permutations.size() != kernels.size() - 1) {
            throw new InvalidDesignException("permutations", "has " + permutations.size() + " entries; a chain of "
                    + kernels.size() + " kernels needs " + (kernels.size() - 1) + " (one between each pair of kernels)");
        }
        for (int l = 1; l < kernels.size(); l++) {
            GroupConv before = kernels.get(l - 1);
            GroupConv after = kernels.get(l);
            if (after.inChannels() != before.outChannels()) {
                throw new InvalidDesignException("kernels[" + l + "].inChannels", "= " + after.inChannels()
                        + " does not match the " + before.outChannels() + " output channels of kernels[" + (l - 1) + "]");
            }
            Permutation p = permutations.get(l - 1);
            if (p.size() != before.outChannels()) {
                throw new InvalidDesignException("permutations[" + (l - 1) + "]", "has " + p.size()
                        + " channels but kernels[" + (l - 1) + "] has " + before.outChannels() + " output channels");
            }
        }
        finalPermutation = finalPermutation == null ? Optional.empty() : finalPermutation;
        int out = kernels.get(kernels.size() - 1).outChannels();
        if (finalPermutation.isPresent() && finalPermutation.get().size() != out) {
            throw new InvalidDesignException("finalPermutation", "has " + finalPermutation.get().size()
                    + " channels but the last kernel has " + out + " output channels");
        }
    }

    /** A chain without a final permutation. */
    public KernelChain(List<GroupConv> kernels, List<Permutation> permutations) {
        this(kernels, permutations, Optional.empty());
    }

    /**
     * The canonical interleaved chain on {@code channels} channels: kernel {@code l} has group size
     * {@code groupSizes[l]} and side {@code kernelSizes[l]}; each permutation is {@link Permutation#canonical}.
     * Its verdict is strict exactly when the group sizes multiply to {@code channels}.
     */
    public static KernelChain interleaved(int channels, int[] groupSizes, int[] kernelSizes) {
        if (groupSizes.length != kernelSizes.length) {
            throw new InvalidDesignException("kernelSizes", "has " + kernelSizes.length + " entries for "
                    + groupSizes.length + " group sizes");
        }
        List<GroupConv> kernels = new ArrayList<>(groupSizes.length);
        List<Permutation> perms = new ArrayList<>(groupSizes.length);
        for (int l = 0; l < groupSizes.length; l++) {
            try {
                kernels.add(GroupConv.withGroupSize(channels, groupSizes[l], kernelSizes[l]));
            } catch (InvalidDesignException e) {
                throw e.under("kernels[" + l + "]");
            }
            if (l + 1 < groupSizes.length) {
                perms.add(Permutation.canonical(channels, groupSizes[l]));
            }
        }
        return new KernelChain(kernels, perms);
    }

    /** The usual block shape: the first kernel {@code firstKernelSize x firstKernelSize}, the others 1x1. */
    public static KernelChain interleaved(int channels, int firstKernelSize, int... groupSizes) {
        int[] sizes = new int[groupSizes.length];
        java.util.Arrays.fill(sizes, 1);
        if (sizes.length > 0) {
            sizes[0] = firstKernelSize;
        }
        return interleaved(channels, groupSizes, sizes);
    }

    /** {@code L}, the number of kernels. */
    public int length() {
        return kernels.size();
    }

    public GroupConv kernel(int l) {
        return kernels.get(l);
    }

    /**
     * The permutation that follows kernel {@code l} (0-based): {@code P_{l+1}} between it and the next kernel, or the
     * final permutation after the last kernel, when there is one.
     */
    public Optional<Permutation> permutationAfter(int l) {
        if (l < 0 || l >= kernels.size()) {
            throw new IndexOutOfBoundsException("kernel " + l + " of a chain of " + kernels.size());
        }
        return l + 1 < kernels.size() ? Optional.of(permutations.get(l)) : finalPermutation;
    }

    public int inChannels() {
        return kernels.get(0).inChannels();
    }

    public int outChannels() {
        return kernels.get(kernels.size() - 1).outChannels();
    }

    /** {@code K_1..K_L}. */
    public int[] groupSizes() {
        return kernels.stream().mapToInt(GroupConv::groupSize).toArray();
    }

    /** {@code prod K_l}, exactly: the number of paths leaving each output channel, which can pass 64 bits. */
    public BigInteger productOfGroupSizes() {
        BigInteger product = BigInteger.ONE;
        for (GroupConv k : kernels) {
            product = product.multiply(BigInteger.valueOf(k.groupSize()));
        }
        return product;
    }

    /** Total weights of all kernels. */
    public long weightCount() {
        return kernels.stream().mapToLong(GroupConv::weightCount).reduce(0, ExactCounts::add);
    }

    /** True when every kernel keeps the width of the first ({@code C} in, {@code C} out everywhere). */
    public boolean hasConstantWidth() {
        int c = inChannels();
        return kernels.stream().allMatch(k -> k.inChannels() == c && k.outChannels() == c);
    }
}
