package org.igclab.runtime.latency;

import java.util.Locale;

/**
 * Whether other work disturbed a timing, and the evidence ({@link InterferenceRule} says how it is judged).
 *
 * @param verdict        quiet, noisy, or unchecked (a figure from before the check existed)
 * @param cpuShare       median over the timed passes of the timing thread's CPU time divided by the pass's wall time
 * @param disturbedShare share of the timed passes whose CPU share was below the rule's least
 * @param runnable       median over the passes of the machine's runnable threads, this one included (NaN where unknown)
 * @param loadBefore     the 1-minute load average before timing (NaN where the system does not tell)
 * @param loadAfter      the 1-minute load average after timing
 * @param cores          processors the JVM sees
 * @param reason         why it is noisy, in words; empty when quiet
 * @param probeMs        median of the reference probe run before, during and after the timing ({@link ReferenceSpeed}), NaN
 *                       where it was not run
 * @param referenceMs    the machine's reference: the probe's floor when the timing was judged, NaN where unknown
 */
public record Interference(Verdict verdict, double cpuShare, double disturbedShare, double runnable, double loadBefore, double loadAfter,
                           int cores, String reason, double probeMs, double referenceMs) {

    /** Evidence without the reference probe (a figure from before it, or a timing that did not run it). */
    public Interference(Verdict verdict, double cpuShare, double disturbedShare, double runnable, double loadBefore, double loadAfter, int cores,
                        String reason) {
        this(verdict, cpuShare, disturbedShare, runnable, loadBefore, loadAfter, cores, reason, Double.NaN, Double.NaN);
    }

    /** A measurement's standing. */
    public enum Verdict {
        /** Checked, and nothing else competed for the timing thread's processor. */
        QUIET,
        /** Taken under interference: shown marked, never used as a good figure. */
        NOISY,
        /** Measured before interference was checked (a store written by an older IGC Lab). */
        UNCHECKED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A figure with no interference evidence, e.g. one upgraded from a version-1 store. */
    public static Interference unchecked(String why) {
        return new Interference(Verdict.UNCHECKED, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, why);
    }

    public boolean noisy() {
        return verdict == Verdict.NOISY;
    }

    /** Only a checked, quiet figure may be ranked (in a Pareto front, a chart). */
    public boolean trusted() {
        return verdict == Verdict.QUIET;
    }

    /** The probe's median over the reference: 1 at the machine's reference speed, 1.42 when it ran 1.42 times as long; NaN unknown. */
    public double slowdown() {
        return probeMs / referenceMs;
    }

    /** {@code reference speed 1.42x} (the probe took 1.42 times its floor); empty where the probe was not run. */
    public String speed() {
        return Double.isFinite(slowdown()) ? String.format("reference speed %.2fx", slowdown()) : "";
    }

    /**
     * {@code 2 runnable threads; load 1.20 -> 1.35 on 2 cores; reference speed 1.00x}; empty when the system tells none of
     * them.
     */
    public String load() {
        String running = Double.isNaN(runnable) ? "" : String.format("%.0f runnable thread%s; ", runnable, Math.round(runnable) == 1 ? "" : "s");
        String load = Double.isNaN(loadBefore) && Double.isNaN(loadAfter) ? (running.isEmpty() ? "" : running + cores + " cores")
                : running + String.format("load %.2f -> %.2f on %d cores", loadBefore, loadAfter, cores);
        return load.isEmpty() || speed().isEmpty() ? load + speed() : load + "; " + speed();
    }
}
