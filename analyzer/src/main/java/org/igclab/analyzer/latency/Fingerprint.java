package org.igclab.analyzer.latency;

/**
 * The machine and engine a calibration was made on: a prediction is only as good as the match between this and the
 * machine it predicts for.
 *
 * @param cpu    the processor's model name
 * @param cores  processors available
 * @param engine the engine and its versions ({@code DJL 0.36.0, PyTorch 2.7.1 (CPU)})
 */
public record Fingerprint(String cpu, int cores, String engine) {

    /** {@code AMD EPYC 7B13, 2 cores, DJL 0.36.0, PyTorch 2.7.1 (CPU)}. */
    public String describe() {
        return cpu + ", " + cores + " core" + (cores == 1 ? "" : "s") + ", " + engine;
    }
}
