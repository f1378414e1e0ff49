package org.igclab.analyzer.sweep;

/**
 * What the runtime measured for one design of a sweep (missing values are null).
 *
 * @param latencyB1Ms  median latency at batch 1, milliseconds
 * @param latencyB32Ms median latency at batch 32, milliseconds
 * @param accuracy     test accuracy after training, in [0, 1]
 * @param runId        the run in the results store the values come from
 * @param reused       whether the run was already in the store (not measured again)
 */
public record Measurement(Double latencyB1Ms, Double latencyB32Ms, Double accuracy, long runId, boolean reused) {

    static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
