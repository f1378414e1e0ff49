package org.igclab.runtime.calibrate;

import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.igclab.analyzer.latency.Calibration;
import org.igclab.analyzer.latency.CalibrationNetworks;
import org.igclab.analyzer.latency.Fingerprint;
import org.igclab.analyzer.latency.Primitive;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.engine.MachineInfo;
import org.igclab.runtime.engine.SpeedProbe;
import org.igclab.runtime.engine.Threads;
import org.igclab.runtime.latency.AdaptiveTiming;
import org.igclab.runtime.latency.InterferenceRule;
import org.igclab.runtime.latency.Stop;
import org.igclab.runtime.latency.TimingPolicy;

/**
 * Calibrates this machine: times the grid's primitives, then a few whole networks ({@link CalibrationNetworks}: what a
 * network adds to its operations' sum) and the peak rates with the project's timing methodology
 * ({@link org.igclab.runtime.latency.AdaptiveTiming}, {@link InterferenceRule}), storing each primitive as it is timed,
 * and marks the calibration complete at the end. An interrupted calibration is continued by the next run with the same
 * settings on the same machine (never timing a stored primitive again), unless it is told to restart.
 */
public final class Calibrator {

    private Calibrator() {
    }

    /**
     * How to calibrate.
     *
     * @param grid    which grid
     * @param batch   images per pass
     * @param threads PyTorch intra-op threads (0: the engine's choice)
     * @param policy  when timing a primitive stops
     * @param rule    when a timing counts as disturbed
     * @param restart begin a new calibration even where an unfinished one could be continued
     * @param inContext time each primitive in context ({@link PrimitiveTiming}: copies, recent outputs kept) rather than
     *                alone; such a calibration's grid is named with {@code -in-context}, so it is never continued as the other
     */
    public record Settings(CalibrationGrid.Size grid, int batch, int threads, TimingPolicy policy, InterferenceRule rule, boolean restart,
                           boolean inContext) {
        /** Timing per primitive: 3% at 95% confidence, 10 to 60 passes, 1 s, warm-up of at most 20 passes, 2 attempts. */
        public static TimingPolicy defaultPolicy() {
            return new TimingPolicy(0.03, 0.95, 10, 60, 1.0, 5, 0.05, 20, 2);
        }

        String gridName() {
            return grid.name().toLowerCase(Locale.ROOT) + (inContext ? "-in-context" : "");
        }

        /** What a primitive's passes touch together: {@link PrimitiveTiming#CONTEXT_BYTES} in context, else 0 (alone). */
        double contextBytes() {
            return inContext ? PrimitiveTiming.CONTEXT_BYTES : 0;
        }
    }

    /**
     * Where a calibration stands, after each primitive.
     *
     * @param done       primitives stored (those of an earlier, interrupted run included)
     * @param total      primitives in the grid
     * @param last       the primitive just timed
     * @param lastMs     its median (NaN for a line that says what the calibration waits for)
     * @param etaSeconds the time left at this run's pace so far
     */
    public record Progress(int done, int total, String last, double lastMs, double etaSeconds) {
    }

    /**
     * What a calibration run did.
     *
     * @param id          the calibration in the store
     * @param resumed     whether it continued an unfinished calibration
     * @param timed       primitives timed by this run
     * @param noisy       of those, how many were noisy (stored marked, never fitted on), after timing again
     * @param retimed     primitives timed again at the end, having been timed while the machine ran slower than its
     *                    reference speed
     * @param fasterSecond primitives whose second timing (the second round over the grid) was kept, quiet and faster
     * @param referenceMs the reference probe's floor over the whole calibration (NaN where the rule does not probe)
     * @param calibration the calibration, once complete; empty when it was interrupted
     */
    public record Outcome(long id, boolean resumed, int timed, int noisy, int retimed, int fasterSecond, double referenceMs,
                          Optional<Calibration> calibration) {
    }

    /**
     * How a whole network is timed: as {@code igc latency-bench} times the designs its correction predicts (warm-up of up
     * to 50 passes, then until the median is known to 3%, at most 3 s and 2 attempts), not as a primitive is (at most 20
     * warm-up passes and 1 s), so that what the correction is fitted on and what it predicts are measured alike.
     */
    static final TimingPolicy NETWORK_POLICY = TimingPolicy.defaults().withMaxSeconds(3).withAttempts(2);

    /**
     * Rounds over the whole networks, spread over the calibration: the first after the grid, the second halfway through
     * the primitives' second round, the third after it. Each network keeps its fastest quiet timing of them. Back to back,
     * a slow spell of a minute caught both rounds of every network: one calibration timed all 20 about 4% slower (up to
     * 17%), fitted a correction 1.109 where the others fitted 1.002 and 1.010, and put 42% of the bench's designs within
     * +-10% where they put 88% and 64% (benchmarks.md).
     */
    static final int NETWORK_ROUNDS = 3;

    /** Seconds of untimed passes before the grid. */
    static final double WARM_UP_SECONDS = 3;

    /**
     * Untimed passes of the grid's first primitives for {@link #WARM_UP_SECONDS}: until the JIT has compiled the engine's
     * Java side, a fresh process runs every operation slower, and the grid's first timings (its smallest inputs) were
     * several times those of the same operations later.
     */
    private static void warmUp(List<Primitive> grid, Settings s, BooleanSupplier cancelled) {
        TimingPolicy brief = new TimingPolicy(0.5, 0.95, 1, 50, 0.1, 5, 1, 0, 1);
        long end = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
        for (int i = 0; System.nanoTime() < end && !cancelled.getAsBoolean(); i = (i + 1) % Math.min(24, grid.size())) {
            PrimitiveTiming.time(grid.get(i), s.batch(), s.contextBytes(), brief, s.rule(), cancelled);
        }
    }

    private static Progress progress(int done, int total, String last, PrimitiveTiming.Timed timing, long began, int timed) {
        double perPoint = (System.nanoTime() - began) / 1e9 / timed;
        return new Progress(done, total, last, timing.stats().medianMs(), perPoint * (total - done));
    }

    /** Lowers the calibration's stored reference to this process's probe floor (where the rule probes). */
    private static void recordFloor(CalibrationStore store, long id, Settings s) {
        if (s.rule().checksSpeed()) {
            store.lowerReference(id, SpeedProbe.reference().floorMs());
        }
    }

    /**
     * What timing again found: how many primitives, and how many of them were noisy before and after.
     */
    private record Retimed(int count, int noisyBefore, int noisyAfter) {
    }

    /**
     * Times again, once, the primitives whose probe ran above the tolerance against the whole calibration's floor (those
     * timed while the machine ran slow, and those timed before the floor settled that a lower floor now shows slow): first
     * waits, bounded ({@link InterferenceRule#maxWaitSeconds()}), for the machine to return to its reference speed.
     */
    private static Retimed retimeSlow(CalibrationStore store, long id, Settings s, List<Primitive> grid, Consumer<Progress> progress,
                                      BooleanSupplier cancelled) {
        if (!s.rule().checksSpeed()) {
            return new Retimed(0, 0, 0);
        }
        recordFloor(store, id, s);
        double floor = store.referenceMs(id);
        SpeedProbe.reference().adopt(floor);
        Map<String, Boolean> slow = store.slowPoints(id, floor * s.rule().maxSlowdown());
        List<Primitive> again = grid.stream().filter(p -> slow.containsKey(p.key())).toList();
        if (again.isEmpty()) {
            return new Retimed(0, 0, 0);
        }
        progress.accept(new Progress(grid.size(), grid.size(), String.format("%d primitives were timed while the machine ran slower than its "
                + "reference speed (probe floor %.3f ms); waiting up to %.0f s for it before timing them again", again.size(), floor,
                s.rule().maxWaitSeconds()), Double.NaN, Double.NaN));
        AdaptiveTiming.Wait wait = AdaptiveTiming.awaitReference(s.rule(), SpeedProbe.environment(s.rule()), cancelled);
        progress.accept(new Progress(grid.size(), grid.size(), wait.reached()
                ? String.format("back at its reference speed after %.0f s; timing them again", wait.seconds())
                : String.format("still %.2fx slower after %.0f s; timing them again anyway (stored noisy where still slow)", wait.slowdown(),
                        wait.seconds()), Double.NaN, Double.NaN));
        int noisyAfter = 0;
        long began = System.nanoTime();
        int done = 0;
        for (Primitive p : again) {
            PrimitiveTiming.Timed timing = PrimitiveTiming.time(p, s.batch(), s.contextBytes(), s.policy(), s.rule(), cancelled);
            if (timing.stats().stop() == Stop.CANCELLED) {
                break;
            }
            store.retimePoint(id, p, timing.stats(), timing.cpuMs());
            noisyAfter += timing.stats().noisy() ? 1 : 0;
            done++;
            Progress at = progress(done, again.size(), p.key(), timing, began, done);
            progress.accept(new Progress(at.done(), at.total(), "again: " + p.key(), at.lastMs(), at.etaSeconds()));
        }
        return new Retimed(done, (int) slow.values().stream().filter(n -> n).count(), noisyAfter);
    }

    /**
     * Every primitive not timed again yet is timed a second time, after the whole grid, and keeps the faster quiet of
     * its two timings, as a whole network keeps the fastest of its rounds: the machine runs 1.2 to 1.7 times slower
     * for seconds to minutes at a time, partly where the reference probe cannot see it (benchmarks.md), and a slow
     * spell rarely catches one primitive in both rounds. Returns how many second timings were kept.
     */
    private static int secondRound(CalibrationStore store, long id, Settings s, List<Primitive> grid, Consumer<Progress> progress,
                                   BooleanSupplier cancelled) {
        Set<String> left = store.notRetimed(id);
        List<Primitive> again = grid.stream().filter(p -> left.contains(p.key())).toList();
        int kept = 0;
        int done = 0;
        long began = System.nanoTime();
        for (Primitive p : again) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            PrimitiveTiming.Timed timing = PrimitiveTiming.time(p, s.batch(), s.contextBytes(), s.policy(), s.rule(), cancelled);
            if (timing.stats().stop() == Stop.CANCELLED) {
                break;
            }
            kept += store.retimeIfFaster(id, p, timing.stats(), timing.cpuMs()) ? 1 : 0;
            Progress at = progress(++done, again.size(), p.key(), timing, began, done);
            progress.accept(new Progress(at.done(), at.total(), "second round: " + p.key(), at.lastMs(), at.etaSeconds()));
        }
        return kept;
    }

    private static PrimitiveTiming.Timed timeNetwork(ResolvedNetwork n, Settings s, BooleanSupplier cancelled) {
        try (Instantiation inst = Instantiation.of(n, 42)) {
            return PrimitiveTiming.forward(inst, s.batch(), NETWORK_POLICY, s.rule(), cancelled);
        }
    }

    /**
     * Round {@code round} over the whole networks that have not had it yet (a resumed calibration never times a round
     * twice): each keeps the faster quiet of its timings ({@link CalibrationStore#networkRoundIfFaster}).
     */
    private static void networkRound(CalibrationStore store, long id, Settings s, List<ResolvedNetwork> networks, int round,
                                    Consumer<Progress> progress, BooleanSupplier cancelled) {
        Map<String, Integer> rounds = store.networkRounds(id);
        List<ResolvedNetwork> due = networks.stream().filter(n -> rounds.getOrDefault(n.spec().name(), round) < round).toList();
        int done = 0;
        long began = System.nanoTime();
        for (ResolvedNetwork n : due) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            PrimitiveTiming.Timed timing = timeNetwork(n, s, cancelled);
            if (timing.stats().stop() == Stop.CANCELLED) {
                break;
            }
            store.networkRoundIfFaster(id, n, round, timing.stats(), timing.cpuMs());
            Progress at = progress(++done, due.size(), n.spec().name(), timing, began, done);
            progress.accept(new Progress(at.done(), at.total(), "round " + round + " of " + NETWORK_ROUNDS + ": " + n.spec().name(),
                    at.lastMs(), at.etaSeconds()));
        }
    }

    /** The outcome of an interrupted run: what it stored, no calibration. */
    private static Outcome stopped(long id, boolean resumed, int timed, int noisy) {
        return new Outcome(id, resumed, timed, noisy, 0, 0, Double.NaN, Optional.empty());
    }

    public static Outcome run(CalibrationStore store, Settings s, Consumer<Progress> progress, BooleanSupplier cancelled) {
        Threads.Counts threads = Threads.apply(s.threads(), Threads.DEFAULT);
        Fingerprint here = MachineInfo.fingerprint();
        List<Primitive> grid = CalibrationGrid.of(s.grid());
        List<ResolvedNetwork> networks = CalibrationNetworks.all().stream().map(ShapeInference::resolve).toList();
        int total = grid.size() + networks.size();
        CalibrationStore.Start start = new CalibrationStore.Start(here, MachineInfo.machine(), s.gridName(), s.batch(), threads.intra(), total);
        Optional<Long> unfinished = s.restart() ? Optional.empty() : store.unfinished(start);
        long id = unfinished.orElseGet(() -> store.begin(start));
        Set<String> stored = store.timedKeys(id);
        int done = (int) (grid.stream().filter(p -> stored.contains(p.key())).count()
                + networks.stream().filter(n -> stored.contains(n.spec().name())).count());
        warmUp(grid, s, cancelled);
        int timed = 0;
        int noisy = 0;
        long began = System.nanoTime();
        for (Primitive p : grid) {
            if (cancelled.getAsBoolean()) {
                return stopped(id, unfinished.isPresent(), timed, noisy);
            }
            if (stored.contains(p.key())) {
                continue;
            }
            PrimitiveTiming.Timed timing = PrimitiveTiming.time(p, s.batch(), s.contextBytes(), s.policy(), s.rule(), cancelled);
            if (timing.stats().stop() == Stop.CANCELLED) {
                return stopped(id, unfinished.isPresent(), timed, noisy);
            }
            store.addPoint(id, p, timing.stats(), timing.cpuMs());
            recordFloor(store, id, s);
            timed++;
            noisy += timing.stats().noisy() ? 1 : 0;
            progress.accept(progress(++done, total, p.key(), timing, began, timed));
        }
        // whole networks, for the correction from a network's summed operations to its latency: the first round now, the
        // later ones spread over the rest of the calibration (NETWORK_ROUNDS)
        for (ResolvedNetwork n : networks) {
            if (cancelled.getAsBoolean()) {
                return stopped(id, unfinished.isPresent(), timed, noisy);
            }
            if (stored.contains(n.spec().name())) {
                continue;
            }
            PrimitiveTiming.Timed timing = timeNetwork(n, s, cancelled);
            if (timing.stats().stop() == Stop.CANCELLED) {
                return stopped(id, unfinished.isPresent(), timed, noisy);
            }
            store.addNetwork(id, n, timing.stats(), timing.cpuMs());
            timed++;
            noisy += timing.stats().noisy() ? 1 : 0;
            progress.accept(progress(++done, total, n.spec().name(), timing, began, timed));
        }
        Retimed again = retimeSlow(store, id, s, grid, progress, cancelled);
        if (cancelled.getAsBoolean()) {
            return stopped(id, unfinished.isPresent(), timed, noisy);
        }
        List<Primitive> firstHalf = grid.subList(0, grid.size() / 2);
        int faster = secondRound(store, id, s, firstHalf, progress, cancelled);
        if (!cancelled.getAsBoolean()) {
            networkRound(store, id, s, networks, 2, progress, cancelled);
        }
        faster += cancelled.getAsBoolean() ? 0 : secondRound(store, id, s, grid.subList(firstHalf.size(), grid.size()), progress, cancelled);
        if (!cancelled.getAsBoolean()) {
            networkRound(store, id, s, networks, 3, progress, cancelled);
        }
        if (cancelled.getAsBoolean()) {
            return stopped(id, unfinished.isPresent(), timed, noisy);
        }
        noisy = Math.max(0, noisy + again.noisyAfter() - again.noisyBefore());
        double macs = PrimitiveTiming.peakMacsPerSecond(s.policy(), s.rule(), cancelled);
        double bytes = PrimitiveTiming.peakBytesPerSecond(s.policy(), s.rule(), cancelled);
        if (cancelled.getAsBoolean()) {
            return stopped(id, unfinished.isPresent(), timed, noisy);
        }
        recordFloor(store, id, s);
        store.complete(id, macs, bytes);
        return new Outcome(id, unfinished.isPresent(), timed, noisy, again.count(), faster, store.referenceMs(id), store.get(id));
    }
}
