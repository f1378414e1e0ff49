package org.igclab.analyzer.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.Layer.OpLayer;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;

/**
 * Consecutive linear operations of one sequence (convolutions, permutations, and in inference BatchNorm) with at least
 * one convolution among them: the unit a plan chooses a {@link Strategy} for. A nonlinearity, a pooling, a residual
 * or a branch ends a run.
 *
 * @param ops   the operations, in execution order
 * @param block the label of the block the run belongs to ({@code IGCV2 K=(1,8,8) 64->64}), or empty outside blocks
 * @param mode  inference or training
 */
public record LinearRun(List<OpLayer> ops, Optional<String> block, Mode mode) {

    public LinearRun {
        ops = List.copyOf(ops);
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("an empty run");
        }
    }

    /** The path of its first operation: where the run is. */
    public String path() {
        return ops.get(0).path();
    }

    public TensorShape in() {
        return ops.get(0).in();
    }

    public TensorShape out() {
        return ops.get(ops.size() - 1).out();
    }

    /**
     * What the run computes, apart from where it is: its operations and input shape. Runs with the same signature
     * (the repeated blocks of a stage) take the same time and the same plan.
     */
    public record Signature(List<Op> ops, TensorShape in) {
    }

    public Signature signature() {
        return new Signature(ops.stream().map(OpLayer::op).toList(), in());
    }

    /** The run executed by {@code strategy}. */
    public List<Step> steps(Strategy strategy) {
        if (strategy == Strategy.DESIGNED) {
            return ops.stream().<Step>map(Step.Keep::new).toList();
        }
        int first = firstConv();
        List<Step> steps = new ArrayList<>(ops.subList(0, first).stream().<Step>map(Step.Keep::new).toList());
        List<List<OpLayer>> groups = convGroups(first);
        if (strategy == Strategy.FOLDED) {
            steps.addAll(folded(groups));
            return steps;
        }
        for (List<List<OpLayer>> segment : segments(groups)) {
            steps.addAll(strategy == Strategy.MERGED ? merged(segment) : dense(segment));
        }
        return steps;
    }

    /**
     * The distinct ways to execute the run, each under the first strategy (in the enum's order) that gives it: a
     * strategy with nothing to change here is not a candidate of its own.
     */
    public List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            List<Step> steps = steps(s);
            if (out.stream().noneMatch(c -> c.steps().equals(steps))) {
                out.add(new Candidate(s, steps));
            }
        }
        return out;
    }

    /** A distinct execution of a run. */
    public record Candidate(Strategy strategy, List<Step> steps) {
        public Candidate {
            steps = List.copyOf(steps);
        }
    }

    private int firstConv() {
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).op() instanceof Op.Conv) {
                return i;
            }
        }
        throw new IllegalStateException("a run without a convolution: " + path());
    }

    /** From the first convolution on: each convolution with the operations after it, up to the next convolution. */
    private List<List<OpLayer>> convGroups(int first) {
        List<List<OpLayer>> groups = new ArrayList<>();
        for (OpLayer op : ops.subList(first, ops.size())) {
            if (op.op() instanceof Op.Conv) {
                groups.add(new ArrayList<>());
            }
            groups.get(groups.size() - 1).add(op);
        }
        return groups;
    }

    /** The groups cut before every spatial convolution (a kernel larger than 1x1, or a stride): each segment multiplies out exactly. */
    private static List<List<List<OpLayer>>> segments(List<List<OpLayer>> groups) {
        List<List<List<OpLayer>>> segments = new ArrayList<>();
        for (List<OpLayer> group : groups) {
            if (segments.isEmpty() || !pointwise(group.get(0))) {
                segments.add(new ArrayList<>());
            }
            segments.get(segments.size() - 1).add(group);
        }
        return segments;
    }

    static boolean pointwise(OpLayer layer) {
        return layer.op() instanceof Op.Conv c && c.kernel() == 1 && c.stride() == 1 && c.padding() == 0;
    }

    private static boolean dense(OpLayer layer) {
        return layer.op() instanceof Op.Conv c && c.groups() == 1;
    }

    private static List<OpLayer> flat(List<List<OpLayer>> groups) {
        return groups.stream().flatMap(List::stream).toList();
    }

    /** The spatial kernel kept, everything after it in the segment one dense 1x1; a pointwise head merges too. */
    private List<Step> merged(List<List<OpLayer>> segment) {
        List<OpLayer> all = flat(segment);
        if (segment.size() == 1) {
            return folded(segment);
        }
        if (pointwise(all.get(0))) {
            return List.of(new Step.Compose(all));
        }
        return List.of(new Step.Keep(all.get(0)), new Step.Compose(all.subList(1, all.size())));
    }

    /** The whole segment one dense convolution, where it has more than one kernel. */
    private List<Step> dense(List<List<OpLayer>> segment) {
        return segment.size() == 1 ? folded(segment) : List.of(new Step.Compose(flat(segment)));
    }

    /**
     * BatchNorm folded into the convolution before it, through the permutations between; a dense convolution takes the
     * permutations next to it into its weights (those before it that follow a group convolution, those after it).
     */
    private List<Step> folded(List<List<OpLayer>> groups) {
        List<Step> steps = new ArrayList<>();
        List<OpLayer> carried = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<OpLayer> group = groups.get(g);
            OpLayer conv = group.get(0);
            List<OpLayer> after = group.subList(1, group.size());
            if (dense(conv)) {
                List<OpLayer> sources = new ArrayList<>(carried);
                sources.addAll(group);
                carried.clear();
                steps.add(sources.size() == 1 ? new Step.Keep(conv) : new Step.Compose(sources));
                continue;
            }
            carried.forEach(p -> steps.add(new Step.Keep(p)));
            carried.clear();
            int norm = mode == Mode.INFERENCE ? indexOfNorm(after) : -1;
            List<OpLayer> left = new ArrayList<>(after);
            if (norm >= 0) {
                steps.add(new Step.FoldNorm(conv, after.subList(0, norm), after.get(norm)));
                left.remove(norm);
            } else {
                steps.add(new Step.Keep(conv));
            }
            boolean nextDense = g + 1 < groups.size() && dense(groups.get(g + 1).get(0));
            if (nextDense && left.stream().allMatch(o -> o.op() instanceof Op.Shuffle || o.op() instanceof Op.Permute)) {
                carried.addAll(left);
            } else {
                left.forEach(o -> steps.add(new Step.Keep(o)));
            }
        }
        return steps;
    }

    /** The first BatchNorm reached from the convolution through permutations only, or -1. */
    private static int indexOfNorm(List<OpLayer> after) {
        for (int i = 0; i < after.size(); i++) {
            Op op = after.get(i).op();
            if (op instanceof Op.BatchNorm) {
                return i;
            }
            if (!(op instanceof Op.Shuffle || op instanceof Op.Permute)) {
                return -1;
            }
        }
        return -1;
    }
}
