package org.igclab.analyzer.plan;

import java.util.List;
import java.util.stream.Collectors;
import org.igclab.analyzer.network.Layer.OpLayer;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;

/**
 * One operation of a plan and the design's operations it stands for. The runtime computes a step's weights from those
 * operations' weights (never afresh), so a plan computes what the design computes.
 */
public sealed interface Step {

    /** The operation executed. */
    Op op();

    /** The design's operations it replaces, in execution order. */
    List<OpLayer> sources();

    default TensorShape in() {
        return sources().get(0).in();
    }

    default TensorShape out() {
        return sources().get(sources().size() - 1).out();
    }

    /** {@code conv 3x3 /2 g64}, {@code conv 1x1 +bias = P1.W2.P2.W3.bn}: what runs, and what it stands for. */
    String describe();

    /** An operation of the design, executed as it is. */
    record Keep(OpLayer layer) implements Step {
        @Override
        public Op op() {
            return layer.op();
        }

        @Override
        public List<OpLayer> sources() {
            return List.of(layer);
        }

        @Override
        public String describe() {
            return Steps.name(layer.op());
        }
    }

    /**
     * A convolution with the BatchNorm after it folded into its weights and a bias: the per-channel scale and shift,
     * carried back through the permutations between them ({@code BN(P y) = P BN'(y)}), which stay as they are.
     *
     * @param conv    the convolution
     * @param between the permutations between the convolution and the BatchNorm (kept after the folded convolution)
     * @param norm    the BatchNorm
     */
    record FoldNorm(OpLayer conv, List<OpLayer> between, OpLayer norm) implements Step {
        public FoldNorm {
            between = List.copyOf(between);
        }

        @Override
        public Op op() {
            Op.Conv c = (Op.Conv) conv.op();
            return new Op.Conv(c.outChannels(), c.kernel(), c.stride(), c.padding(), c.groups(), true);
        }

        @Override
        public List<OpLayer> sources() {
            return List.of(conv, norm);
        }

        @Override
        public TensorShape out() {
            return conv.out();
        }

        @Override
        public String describe() {
            return Steps.name(op()) + " = " + Steps.shortName(conv) + "." + Steps.shortName(norm);
        }
    }

    /**
     * Consecutive linear operations multiplied into one dense convolution: the first may be spatial (the result takes
     * its kernel, stride and padding), every later one is pointwise (1x1 convolutions, permutations, BatchNorm in
     * inference), so the product is exact at every position, borders included.
     *
     * @param sources the operations, in execution order
     */
    record Compose(List<OpLayer> sources) implements Step {
        public Compose {
            sources = List.copyOf(sources);
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("nothing to compose");
            }
        }

        @Override
        public Op op() {
            Op.Conv head = sources.stream().map(OpLayer::op).filter(Op.Conv.class::isInstance).map(Op.Conv.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException("a composition without a convolution: " + sources));
            boolean bias = sources.stream().anyMatch(s -> s.op() instanceof Op.BatchNorm || s.op() instanceof Op.Conv c && c.bias());
            return new Op.Conv(out().channels(), head.kernel(), head.stride(), head.padding(), 1, bias);
        }

        @Override
        public String describe() {
            return Steps.name(op()) + " = " + sources.stream().map(Steps::shortName).collect(Collectors.joining("."));
        }
    }
}
