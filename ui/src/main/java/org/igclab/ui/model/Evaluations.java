package org.igclab.ui.model;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.design.Design;

/** Measures a design and records it in the results store; the explorer's only door to the runtime's engine. */
@FunctionalInterface
public interface Evaluations {
    /**
     * Runs on a worker thread.
     *
     * @param resolution input side for a bare chain
     * @param cancelled  polled while it runs; once true the run stops and is stored as cancelled
     * @return one line on what was measured
     * @throws java.util.concurrent.CancellationException when it was cancelled
     */
    String run(Design design, Requests.Evaluation request, int resolution, Path store, ProgressListener progress,
               BooleanSupplier cancelled) throws Exception;
}
