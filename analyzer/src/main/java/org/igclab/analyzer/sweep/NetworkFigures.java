package org.igclab.analyzer.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.LayerSpec;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.analyzer.network.template.BlockTemplate;
import org.igclab.rules.condition.BalanceCondition;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.condition.Verdict;
import org.igclab.rules.model.CountOverflowException;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.rules.model.KernelChain;

/**
 * The {@link Figures} of networks, fast enough for large sweeps. The cost model's totals are sums (and one
 * maximum) over operations, so a network's figures are those of its top-level layers put together; a layer is
 * costed by {@link CostModel} once per (operation or block template, input shape) and remembered. A CIFAR
 * network has at most six distinct blocks whatever its depth, and designs that differ in depth share all of
 * them. The conditions' verdicts depend on a block's template and input channels only, so they are remembered
 * apart, across input resolutions. Not thread-safe: one per sweep.
 */
public final class NetworkFigures {
    private static final int CACHE_SIZE = 100_000;

    private record LayerKey(Object what, TensorShape in) {
    }

    private record Costed(Figures figures, TensorShape out) {
    }

    private record ChainKey(BlockTemplate template, int channels) {
    }

    private record ChainVerdict(Verdict verdict, double imbalance) {
        /** The worse of two: the later verdict (strict < dense < neither) and the larger imbalance. */
        ChainVerdict worse(ChainVerdict o) {
            return new ChainVerdict(verdict.compareTo(o.verdict) >= 0 ? verdict : o.verdict, Math.max(imbalance, o.imbalance));
        }
    }

    private final Map<LayerKey, Costed> layers = bounded();
    private final Map<ChainKey, ChainVerdict> chains = bounded();
    private final boolean judged;

    /** Figures with the chains' verdicts. */
    public NetworkFigures() {
        this(true);
    }

    private NetworkFigures(boolean judged) {
        this.judged = judged;
    }

    /**
     * Figures without the conditions' verdicts ({@link Figures#verdict()} null): for callers that judge the chains
     * themselves, such as the explorer, which knows its chains are canonical. Judging a wide network's stage blocks
     * exactly costs {@code O(L C^2 / 64)} each, far more than costing them.
     */
    public static NetworkFigures costsOnly() {
        return new NetworkFigures(false);
    }

    private static <K, V> Map<K, V> bounded() {
        return new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > CACHE_SIZE;
            }
        };
    }

    /** The network's figures; the same totals as {@code CostModel.of(network)}, and the same errors. */
    public Figures of(Network network) {
        Figures total = Figures.NONE;
        TensorShape shape = network.input();
        Object previous = null;
        TensorShape previousIn = null;
        Costed c = null;
        try {
            for (LayerSpec spec : network.layers()) {
                Object what = cacheKey(spec);
                // a stage's repeated blocks share one template on one shape: the last answer serves without a lookup
                if (what == null || what != previous || !shape.equals(previousIn)) {
                    c = what == null ? cost(spec, shape) : layer(spec, what, shape);
                }
                total = total.plus(c.figures());
                previous = what;
                previousIn = shape;
                shape = c.out();
            }
        } catch (CountOverflowException e) {
            throw new InvalidDesignException("input", "the network is too large: its counts do not fit in 64-bit integers", e);
        }
        return total;
    }

    private Costed layer(LayerSpec spec, Object what, TensorShape in) {
        LayerKey key = new LayerKey(what, in);
        Costed c = layers.get(key);
        if (c == null) {
            c = cost(spec, in);
            layers.put(key, c);
        }
        return c;
    }

    private Costed cost(LayerSpec spec, TensorShape in) {
        Layer layer = ShapeInference.resolve(spec, in);
        Layer.SequenceLayer root = new Layer.SequenceLayer("", in, layer.out(), List.of(layer));
        NetworkCost cost = CostModel.of(new ResolvedNetwork(new Network("", in, List.of(spec)), root));
        Figures f = Figures.counts(cost);
        return new Costed(judged ? conditions(layer, f) : f, layer.out());
    }

    /** Adds the verdicts of the chain blocks and the convolutions' channels found inside a layer. */
    private Figures conditions(Layer layer, Figures f) {
        Figures with = f.withConvGcd(layer.ops().mapToInt(op -> convChannels(op.op())).reduce(f.convGcd(), Figures::gcd));
        for (Layer.BlockLayer block : layer.blocks().toList()) {
            ChainVerdict v = verdict(block.template(), block.in());
            if (v != null) {
                with = with.plus(Figures.judged(v.verdict(), v.imbalance()));
            }
        }
        return with;
    }

    private ChainVerdict verdict(BlockTemplate template, TensorShape in) {
        ChainKey key = new ChainKey(template, in.channels());
        if (chains.containsKey(key)) {
            return chains.get(key);
        }
        ChainVerdict v = null;
        for (KernelChain chain : template.chains(in)) {
            ChainVerdict one = judge(chain);
            v = v == null ? one : v.worse(one);
        }
        chains.put(key, v);
        return v;
    }

    private static ChainVerdict judge(KernelChain chain) {
        return new ChainVerdict(ComplementaryCondition.check(chain).verdict(), BalanceCondition.imbalance(chain));
    }

    /**
     * What a top-level layer's cost depends on beside its input shape: its operation or template; null for composites,
     * which are costed each time. A question about two kinds of layer, not a handler per kind: no visitor.
     */
    private static Object cacheKey(LayerSpec spec) {
        if (spec instanceof LayerSpec.OpSpec op) {
            return op.op();
        }
        return spec instanceof LayerSpec.BlockSpec block ? block.template() : null;
    }

    /** A convolution's output channels, for {@code channelsMultipleOf}; 0 (no constraint) for other operations. */
    private static int convChannels(Op op) {
        return op instanceof Op.Conv conv ? conv.outChannels() : 0;
    }
}
