package org.igclab.runtime.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.function.BooleanSupplier;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.igclab.analyzer.ProgressListener;

/**
 * Times forward passes in inference mode (no gradients). Every pass runs in its own sub-manager that is closed
 * afterwards: DJL keeps intermediate arrays until their manager closes, and a long-lived one made passes
 * several times slower (measured here: see src/site/markdown/benchmarks.md).
 */
public final class LatencyBenchmark {

    private LatencyBenchmark() {
    }

    /**
     * @param warmup    untimed passes first (the first passes of a fresh network are several times slower)
     * @param runs      timed passes
     * @param cancelled polled between passes; when it turns true the measurement stops with what it has
     */
    public static LatencyStats measure(Instantiation inst, String execution, int batch, int warmup, int runs,
                                       ProgressListener progress, BooleanSupplier cancelled) {
        DescriptiveStatistics ms = new DescriptiveStatistics();
        boolean before = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            ParameterStore store = new ParameterStore(inst.manager(), false);
            for (int i = 0; i < warmup + runs && !cancelled.getAsBoolean(); i++) {
                try (NDManager pass = inst.manager().newSubManager()) {
                    NDArray x = pass.randomUniform(0f, 1f, Instantiation.batchShape(inst.network().spec().input(), batch));
                    long start = System.nanoTime();
                    NDArray y = inst.block().forward(store, new NDList(x), false).singletonOrThrow();
                    y.toFloatArray(); // wait for the result, as a caller would
                    long elapsed = System.nanoTime() - start;
                    if (i >= warmup) {
                        ms.addValue(elapsed / 1e6);
                    }
                }
                progress.progress(i + 1, warmup + runs);
            }
        } finally {
            JniUtils.setGradMode(before);
        }
        double median = ms.getN() == 0 ? Double.NaN : ms.getPercentile(50);
        return new LatencyStats(execution, batch, (int) ms.getN(), median, ms.getN() == 0 ? Double.NaN : ms.getPercentile(10),
                ms.getN() == 0 ? Double.NaN : ms.getPercentile(90), batch * 1000.0 / median, JniUtils.getNumThreads());
    }
}
