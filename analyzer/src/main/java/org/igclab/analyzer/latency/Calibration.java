package org.igclab.analyzer.latency;

import java.util.List;

/**
 * Primitive operations timed on one machine, with its peak rates: what the {@link LatencyModel} is fitted on.
 *
 * @param id                  its number in the results store (0 for one not stored)
 * @param fingerprint         the machine and engine it was made on
 * @param batch               images per timed pass
 * @param threads             PyTorch intra-op threads
 * @param grid                the grid timed ({@code full}, {@code quick})
 * @param createdAt           when it began (ISO-8601)
 * @param peakMacsPerSecond   the highest multiply-accumulate rate measured (a large dense matrix product)
 * @param peakBytesPerSecond  the highest memory bandwidth measured (a large copy: bytes read plus written)
 * @param points              the primitives timed
 * @param networks            the whole networks timed ({@link CalibrationNetworks}), for the {@link NetworkCorrection}
 */
public record Calibration(long id, Fingerprint fingerprint, int batch, int threads, String grid, String createdAt,
                          double peakMacsPerSecond, double peakBytesPerSecond, List<Point> points, List<NetworkPoint> networks) {

    public Calibration {
        points = List.copyOf(points);
        networks = List.copyOf(networks);
        if (batch < 1 || !(peakMacsPerSecond > 0) || !(peakBytesPerSecond > 0)) {
            throw new IllegalArgumentException("a calibration needs a batch and positive peak rates: batch " + batch + ", "
                    + peakMacsPerSecond + " MAC/s, " + peakBytesPerSecond + " B/s");
        }
    }

    /** A calibration without whole networks timed (made before they were): its predictions are the operations' sums. */
    public Calibration(long id, Fingerprint fingerprint, int batch, int threads, String grid, String createdAt,
                       double peakMacsPerSecond, double peakBytesPerSecond, List<Point> points) {
        this(id, fingerprint, batch, threads, grid, createdAt, peakMacsPerSecond, peakBytesPerSecond, points, List.of());
    }

    /** The same calibration with other primitives (its networks kept). */
    public Calibration withPoints(List<Point> others) {
        return new Calibration(id, fingerprint, batch, threads, grid, createdAt, peakMacsPerSecond, peakBytesPerSecond, others, networks);
    }

    /**
     * One whole network's timing.
     *
     * @param name     its name, one of {@link CalibrationNetworks}'
     * @param medianMs median of a pass of the calibration's batch
     * @param noisy    taken under interference
     * @param cpuMs    median CPU time of the timing thread over a pass (NaN when not recorded)
     */
    public record NetworkPoint(String name, double medianMs, boolean noisy, double cpuMs) {
        /** Its time by this clock (the wall clock where no CPU time was recorded). */
        public double ms(Clock clock) {
            return clock == Clock.CPU && !Double.isNaN(cpuMs) ? cpuMs : medianMs;
        }
    }

    /**
     * One primitive's timing.
     *
     * @param primitive   what was timed
     * @param medianMs    median of a pass of {@link #batch} images
     * @param halfWidthMs half-width of the median's 95% interval (NaN when there is none)
     * @param noisy       taken under interference: used only where quiet points are missing
     * @param cpuMs       median CPU time of the timing thread over a pass (NaN when not recorded): with one intra-op
     *                    thread, the work without the waits a busy machine adds
     */
    public record Point(Primitive primitive, double medianMs, double halfWidthMs, boolean noisy, double cpuMs) {
        /** A point without CPU time. */
        public Point(Primitive primitive, double medianMs, double halfWidthMs, boolean noisy) {
            this(primitive, medianMs, halfWidthMs, noisy, Double.NaN);
        }

        /** Its time by this clock (the wall clock where no CPU time was recorded). */
        public double ms(Clock clock) {
            return clock == Clock.CPU && !Double.isNaN(cpuMs) ? cpuMs : medianMs;
        }
    }

    /** What a time is measured by. */
    public enum Clock {
        /** Wall-clock time: what a caller waits (the project's latency). */
        WALL,
        /** The timing thread's CPU time: the work alone, steady on a busy machine; equal to the wall time on a quiet one. */
        CPU
    }

    /** Points timed under interference. */
    public long noisyPoints() {
        return points.stream().filter(Point::noisy).count() + networks.stream().filter(NetworkPoint::noisy).count();
    }

    /** {@code calibration 3 (full grid, batch 1, 1 thread, 2026-11-30T22:40Z) on AMD EPYC ..., 2 cores, DJL ...}. */
    public String describe() {
        return "calibration " + id + " (" + grid + " grid, batch " + batch + ", " + threads + " thread" + (threads == 1 ? "" : "s") + ", "
                + createdAt + ") of " + fingerprint.describe()
                + (noisyPoints() > 0 ? "; " + noisyPoints() + " of its " + (points.size() + networks.size()) + " timings were taken under interference" : "");
    }
}
