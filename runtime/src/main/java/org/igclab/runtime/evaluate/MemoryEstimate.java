package org.igclab.runtime.evaluate;

import java.lang.management.ManagementFactory;
import org.igclab.analyzer.network.cost.NetworkCost;

/**
 * The memory one forward pass needs, estimated from the analyzer's counts before anything is allocated: the
 * parameters, plus the input and every operation's output for a whole batch (float32). Every output counts, not
 * only the largest, because a pass keeps its intermediate arrays until its manager closes. PyTorch's workspaces
 * (a convolution's unfolded input, the allocator's caches) come on top, and the machine runs other things: an
 * evaluation is refused when the estimate exceeds {@link #MARGIN} of the physical memory.
 *
 * @param parameterBytes   the parameters
 * @param perImageBytes    the input and every operation's output, for one image
 * @param batch            images per pass
 * @param physicalBytes    the machine's memory (the container's limit inside one)
 */
public record MemoryEstimate(long parameterBytes, long perImageBytes, int batch, long physicalBytes) {

    /** The share of physical memory an evaluation may plan to use. */
    public static final double MARGIN = 0.5;

    private static final long FLOAT = 4;

    public static MemoryEstimate of(NetworkCost cost, int batch, long physicalBytes) {
        long perImage = cost.activations() + cost.network().spec().input().elements();
        return new MemoryEstimate(saturated(cost.params().total(), FLOAT), saturated(perImage, FLOAT), batch, physicalBytes);
    }

    /** The estimate in bytes (saturating at {@code Long.MAX_VALUE}). */
    public long bytes() {
        long activations = saturated(perImageBytes, batch);
        return activations > Long.MAX_VALUE - parameterBytes ? Long.MAX_VALUE : parameterBytes + activations;
    }

    public boolean fits() {
        return bytes() <= MARGIN * physicalBytes;
    }

    /**
     * Refuses, as bad input, a batch whose estimate does not fit this machine.
     *
     * @throws MemoryLimitException naming the batch and the figures
     */
    public static void check(NetworkCost cost, Iterable<Integer> batches) {
        long physical = physicalMemory();
        for (int batch : batches) {
            MemoryEstimate e = of(cost, batch, physical);
            if (!e.fits()) {
                throw new MemoryLimitException(e.refusal());
            }
        }
    }

    /** {@code batch 100000: the design needs about 1.2 TiB (...), more than half of this machine's 23.4 GiB of memory; ...}. */
    public String refusal() {
        return String.format("batch %d: the design needs about %s (parameters %s + input and activations %s per image x %d), more than "
                + "%.0f%% of this machine's %s of memory; use a smaller batch (or a smaller input)", batch, bytesText(bytes()),
                bytesText(parameterBytes), bytesText(perImageBytes), batch, 100 * MARGIN, bytesText(physicalBytes));
    }

    /** The physical memory the JVM reports (a container's limit where there is one); {@code Long.MAX_VALUE} if unknown. */
    public static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long total = os.getTotalMemorySize();
            return total > 0 ? total : Long.MAX_VALUE;
        }
        return Long.MAX_VALUE;
    }

    /** {@code 512 B}, {@code 3.2 MiB}, {@code 1.5 GiB}, {@code 2.0 TiB}. */
    public static String bytesText(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format("%.1f %s", v, units[u]);
    }

    private static long saturated(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
