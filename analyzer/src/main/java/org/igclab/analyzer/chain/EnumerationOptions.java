package org.igclab.analyzer.chain;

/**
 * What {@link ChainEnumerator} lists.
 *
 * @param channels        the width {@code C}, kept by every kernel
 * @param minLayers       fewest kernels {@code L}
 * @param maxLayers       most kernels {@code L}
 * @param firstKernel     channel-wise, grouped or either
 * @param minGroupSize    smallest {@code K_l} allowed (a channel-wise first kernel is exempt)
 * @param maxGroupSize    largest {@code K_l} allowed
 * @param firstKernelSize side of the first kernel (3 for 3x3); the others are 1x1
 * @param resolution      input side for MACs ({@code resolution x resolution})
 * @param includeLoose    also list chains with {@code prod K_l > C} that are dense (redundant paths), each kernel needed
 */
public record EnumerationOptions(
        int channels,
        int minLayers,
        int maxLayers,
        FirstKernel firstKernel,
        int minGroupSize,
        int maxGroupSize,
        int firstKernelSize,
        int resolution,
        boolean includeLoose) {

    public EnumerationOptions {
        require(channels >= 1, "channels", channels, "must be positive");
        require(minLayers >= 1, "minLayers", minLayers, "must be at least 1");
        require(maxLayers >= minLayers, "maxLayers", maxLayers, "must be at least minLayers = " + minLayers);
        require(minGroupSize >= 1, "minGroupSize", minGroupSize, "must be positive");
        require(maxGroupSize >= minGroupSize, "maxGroupSize", maxGroupSize, "must be at least minGroupSize = " + minGroupSize);
        require(firstKernelSize >= 1, "firstKernelSize", firstKernelSize, "must be positive");
        require(resolution >= 1, "resolution", resolution, "must be positive");
        if (firstKernel == null) {
            throw new IllegalArgumentException("firstKernel is missing");
        }
    }

    /** Every chain of {@code C}: any length, any first kernel, 3x3 first kernel, 32x32 input, strict ones only. */
    public static EnumerationOptions defaults(int channels) {
        return new EnumerationOptions(channels, 1, Integer.MAX_VALUE, FirstKernel.ANY, 1, Integer.MAX_VALUE, 3, 32, false);
    }

    public EnumerationOptions withLayers(int min, int max) {
        return new EnumerationOptions(channels, min, max, firstKernel, minGroupSize, maxGroupSize, firstKernelSize, resolution, includeLoose);
    }

    public EnumerationOptions withFirstKernel(FirstKernel first) {
        return new EnumerationOptions(channels, minLayers, maxLayers, first, minGroupSize, maxGroupSize, firstKernelSize, resolution, includeLoose);
    }





    private static void require(boolean ok, String field, int value, String why) {
        if (!ok) {
            throw new IllegalArgumentException(field + " = " + value + " " + why);
        }
    }
}
