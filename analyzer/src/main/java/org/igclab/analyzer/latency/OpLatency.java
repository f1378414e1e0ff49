package org.igclab.analyzer.latency;

import java.util.List;
import java.util.Optional;

/**
 * Prices operations: the seam between what a block executes and what it costs. A block's operations as designed, or
 * an execution plan's steps (a dense 1x1 standing for a chain of 1x1 kernels, a channel-wise kxk), go in as a list of
 * {@link Primitive}s; the same model prices both.
 */
@FunctionalInterface
public interface OpLatency {

    /** One primitive's predicted time. */
    Estimate estimate(Primitive primitive);

    /** What turns a network's summed operations into its latency, where the calibration timed whole networks. */
    default Optional<NetworkCorrection> correction() {
        return Optional.empty();
    }

    /** Images per pass the prices are for (a calibration's batch). */
    default int batch() {
        return 1;
    }

    /** The summed prediction and bound of a block's operations, in execution order. */
    default Estimate sum(List<Primitive> operations) {
        return Estimate.total(operations.stream().map(this::estimate).toList());
    }
}
