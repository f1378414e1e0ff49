package org.igclab.ui.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.chain.ChainEnumerator;
import org.igclab.analyzer.chain.ClosedForms;
import org.igclab.analyzer.chain.EnumeratedDesign;
import org.igclab.analyzer.chain.EnumerationOptions;
import org.igclab.analyzer.design.DesignIdentity;
import org.igclab.analyzer.sweep.Figures;
import org.igclab.analyzer.sweep.NetworkFigures;
import org.igclab.rules.model.InvalidDesignException;

/**
 * Computes what the controls ask for with the analyzer's public API, the calls {@code igc enumerate} makes: enumerate
 * and check the chains, cost them under the template, join the store's measurements, and draw the curves.
 */
public final class Exploration {
    /** Most designs listed at once: beyond it the table and the scatter stop being a view of anything. */
    public static final int MAX_DESIGNS = 20_000;

    /** Hears how far a computation has got: the phase in words, and a count of its steps. */
    @FunctionalInterface
    public interface Steps {
        void at(String phase, long done, long total);

        Steps NONE = (phase, done, total) -> { };
    }

    private Exploration() {
    }

    /** Cheapest first: parameters under the template, then MACs, then fewer kernels, then the group sizes. */
    static final Comparator<DesignRow> CHEAPEST = Comparator.comparingLong(DesignRow::params).thenComparingLong(DesignRow::macs)
            .thenComparingInt(DesignRow::length).thenComparing(r -> r.design().shape().groupSizes(), org.igclab.analyzer.chain.ChainEnumerator::lexicographic);

    /**
     * @param stale true once a newer request has replaced this one (or the user cancelled); the work then stops at its next step
     * @throws CancellationException when it became stale
     */
    public static ExplorationResult run(Requests.Exploration request, NetworkTemplate template, Measurements measured,
                                        Steps steps, BooleanSupplier stale) {
        long start = System.nanoTime();
        EnumerationOptions o = request.options();
        long count = count(o);
        if (count > MAX_DESIGNS) {
            String notice = String.format("C = %d has %,d chains within these bounds, more than %,d: narrow the layer range "
                    + "or the group sizes", o.channels(), count, MAX_DESIGNS);
            return new ExplorationResult(request, template, List.of(), null, new LengthCurves(List.of()), null, notice, 0);
        }
        List<EnumeratedDesign> designs = enumerate(o, (done, total) -> {
            check(stale);
            steps.at("checking and costing the chains", done, total);
        });
        check(stale);
        List<DesignRow> rows = new ArrayList<>(designs.size());
        String unbuilt = null;
        int unbuiltCount = 0;
        NetworkFigures figures = NetworkFigures.costsOnly();
        for (int i = 0; i < designs.size(); i++) {
            EnumeratedDesign d = designs.get(i);
            try {
                rows.add(row(d, template, figures, measured));
            } catch (InvalidDesignException | ArithmeticException e) {
                unbuilt = unbuilt == null ? d.name() + ": " + e.getMessage() : unbuilt;
                unbuiltCount++;
            }
            if (!template.isBlock() && i % 16 == 0) {
                check(stale);
                steps.at("costing the designs as " + template.label(), i, designs.size());
            }
        }
        rows.sort(CHEAPEST);
        check(stale);
        steps.at("drawing the curves", 0, 1);
        ClosedForms closed = ClosedForms.of(o.channels(), o.firstKernelSize());
        LengthCurves curves = LengthCurves.of(o, request.compareWidths());
        check(stale);
        BudgetCurve budget = request.budget() == null ? null : BudgetCurve.of(o, template, request.budgetKind(), request.budget());
        String notice = unbuiltCount == 0 ? "" : String.format("%,d designs do not fit the template (%s)", unbuiltCount, unbuilt);
        return new ExplorationResult(request, template, rows, closed, curves, budget, notice, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Where the enumerator's parallel checks run: all cores but one. The window renders on the core the enumeration
     * leaves; on two cores, a parallel enumeration on both made every frame wait for it.
     */
    private static final ForkJoinPool CHECKS = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));

    /** The enumeration, its parallel stream on {@link #CHECKS} (a parallel stream runs in the pool it is started from). */
    static List<EnumeratedDesign> enumerate(EnumerationOptions o, ProgressListener progress) {
        return CHECKS.submit(() -> ChainEnumerator.enumerate(o, progress)).join();
    }

    /** How many chains the options allow, counted without building them. */
    static long count(EnumerationOptions o) {
        long[] n = {0};
        ChainEnumerator.forEachStrictShape(o, (k, length) -> n[0]++);
        return n[0] + (o.includeLoose() ? ChainEnumerator.looseShapes(o).size() : 0);
    }

    /** A design's row: the chain's own costs, or the template network's from figures cached layer by layer. */
    static DesignRow row(EnumeratedDesign d, NetworkTemplate template, NetworkFigures figures, Measurements measured) {
        long params = d.params();
        long macs = d.macs();
        if (!template.isBlock()) {
            Figures f = figures.of(template.network(d.shape(), d.name()));
            params = f.params();
            macs = f.macs();
        }
        // the identity hash serializes the design: only worth it when there is something to join
        String hash = measured.isEmpty() ? null : DesignIdentity.of(template.design(d.shape())).hash();
        Measurements.Measured m = measured.of(hash);
        return new DesignRow(d, params, macs, hash, m.latency(), m.accuracy());
    }

    private static void check(BooleanSupplier stale) {
        if (stale.getAsBoolean()) {
            throw new CancellationException("superseded by newer values");
        }
    }
}
