package org.igclab.analyzer.chain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.igclab.analyzer.ProgressListener;
import org.igclab.rules.condition.BalanceCondition;
import org.igclab.rules.condition.CanonicalChains;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.condition.ComplementaryReport;
import org.igclab.rules.factor.Factorizations;
import org.igclab.rules.model.KernelChain;

/**
 * Lists every chain of a width: the ordered factorizations {@code K_1..K_L} of {@code C} (strict candidates),
 * and on request the loose ones ({@code prod K_l > C}, every kernel needed) that are dense. Each chain is
 * built with canonical permutations, checked ({@link CanonicalChains}: by construction when {@code prod K_l = C}, else by
 * {@link ComplementaryCondition}) and costed.
 */
public final class ChainEnumerator {

    private ChainEnumerator() {
    }

    /**
     * Visits the group sizes of every chain with {@code prod K_l = C} within the options, without allocating.
     * The array is reused; the first {@code length} entries are the chain.
     */
    public static void forEachStrictShape(EnumerationOptions o, Factorizations.Visitor visitor) {
        int maxLength = Math.min(o.maxLayers(), 64);
        if (o.minLayers() > maxLength) {
            // no strict chain is that long: with factors of 2 or more, 4,096 channels allow at most 13 kernels
            return;
        }
        int minFactor = Math.max(2, o.minGroupSize());
        if (o.firstKernel().allowsChannelWise() && o.channels() == 1) {
            visitor.visit(new int[] {1}, 1);
            return;
        }
        if (o.firstKernel().allowsChannelWise() && o.maxGroupSize() >= minFactor && o.maxLayers() >= 2) {
            int[] buffer = new int[65];
            buffer[0] = 1;
            Factorizations.Bounds rest = new Factorizations.Bounds(
                    Math.max(1, o.minLayers() - 1), maxLength - 1, minFactor, o.maxGroupSize());
            Factorizations.forEachOrdered(o.channels(), rest, (factors, length) -> {
                System.arraycopy(factors, 0, buffer, 1, length);
                visitor.visit(buffer, length + 1);
            });
        }
        if (o.firstKernel().allowsGrouped() && o.maxGroupSize() >= minFactor) {
            Factorizations.Bounds all = new Factorizations.Bounds(o.minLayers(), maxLength, minFactor, o.maxGroupSize());
            Factorizations.forEachOrdered(o.channels(), all, visitor);
        }
    }

    /** Receives a shape with its costs; the array is reused. */
    @FunctionalInterface
    public interface CostVisitor {
        void visit(int[] groupSizes, int length, long params, long macs);
    }

    /**
     * Visits every strict shape with its parameters and MACs, computed by {@link ChainCosts} without building
     * chains: the fast path for sweeping many widths. Canonical chains of these shapes are strictly
     * complementary (checked by the property tests of this module and of igc-rules).
     */
    public static void forEachCostedShape(EnumerationOptions o, CostVisitor visitor) {
        int side = o.resolution();
        int first = o.firstKernelSize();
        forEachStrictShape(o, (k, length) -> {
            long params = ChainCosts.weights(o.channels(), first, k, length);
            visitor.visit(k, length, params, ChainCosts.macs(params, side));
        });
    }

    /** The shapes with {@code prod K_l > C} in which dropping any kernel (other than a channel-wise first) leaves fewer than {@code C}. */
    public static List<ChainShape> looseShapes(EnumerationOptions o) {
        List<ChainShape> shapes = new ArrayList<>();
        int[] divisors = Factorizations.divisorsAtLeastTwo(o.channels());
        int maxLength = Math.min(o.maxLayers(), 64);
        int[] buffer = new int[maxLength + 1];
        if (o.firstKernel().allowsChannelWise() && maxLength >= 2) {
            buffer[0] = 1;
            extendLoose(o, divisors, buffer, 1, 1, Integer.MAX_VALUE, maxLength, shapes);
        }
        if (o.firstKernel().allowsGrouped()) {
            extendLoose(o, divisors, buffer, 0, 1, Integer.MAX_VALUE, maxLength, shapes);
        }
        return shapes;
    }

    private static void extendLoose(EnumerationOptions o, int[] divisors, int[] buffer, int length, long product,
                                     int smallest, int maxLength, List<ChainShape> out) {
        if (length >= maxLength) {
            return;
        }
        long c = o.channels();
        for (int d : divisors) {
            if (d < o.minGroupSize() || d > o.maxGroupSize()) {
                continue;
            }
            long next = product * d;
            int nextSmallest = Math.min(smallest, d);
            buffer[length] = d;
            if (next > c) {
                // minimal: removing the smallest needed kernel must fall below C
                if (next < c * nextSmallest && length + 1 >= o.minLayers()) {
                    out.add(ChainShape.of(o.channels(), o.firstKernelSize(), buffer, length + 1));
                }
            } else if (next < c) {
                extendLoose(o, divisors, buffer, length + 1, next, nextSmallest, maxLength, out);
            }
        }
    }

    /** Every shape the options allow, strict candidates first, then (when asked) loose ones. */
    public static List<ChainShape> shapes(EnumerationOptions o) {
        List<ChainShape> shapes = new ArrayList<>();
        forEachStrictShape(o, (k, length) -> shapes.add(ChainShape.of(o.channels(), o.firstKernelSize(), k, length)));
        if (o.includeLoose()) {
            shapes.addAll(looseShapes(o));
        }
        return shapes;
    }

    /**
     * Builds, checks and costs every shape, sorted by parameters (then length, then group sizes).
     * Loose shapes whose verdict is neither are dropped. {@code progress} hears of every chain checked.
     */
    public static List<EnumeratedDesign> enumerate(EnumerationOptions o, ProgressListener progress) {
        List<ChainShape> shapes = shapes(o);
        int total = shapes.size();
        AtomicInteger done = new AtomicInteger();
        List<EnumeratedDesign> designs = shapes.parallelStream()
                .map(shape -> {
                    EnumeratedDesign d = evaluate(shape, o.resolution());
                    progress.progress(done.incrementAndGet(), total);
                    return d;
                })
                .filter(d -> !d.shape().isLoose() || d.complementary().isDense())
                .sorted(ORDER)
                .toList();
        return designs;
    }

    /**
     * Checks and costs one shape at an input of {@code side x side}. Its chain is canonical, so with {@code prod K_l = C}
     * it is strict by construction and only the loose shapes need the exact check ({@link CanonicalChains}).
     */
    public static EnumeratedDesign evaluate(ChainShape shape, int side) {
        KernelChain chain = shape.toChain();
        ComplementaryReport report = CanonicalChains.check(chain);
        return new EnumeratedDesign(shape, ShapeNames.name(shape), report, BalanceCondition.imbalance(chain),
                shape.weights(), shape.macs(side));
    }

    private static final Comparator<EnumeratedDesign> ORDER = Comparator
            .comparingLong(EnumeratedDesign::params)
            .thenComparingInt(d -> d.shape().length())
            .thenComparing(d -> d.shape().groupSizes(), ChainEnumerator::lexicographic);

    /** Group sizes in dictionary order, a shorter list first where one starts the other: how equal costs are listed. */
    public static int lexicographic(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
