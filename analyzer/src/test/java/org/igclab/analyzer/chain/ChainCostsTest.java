package org.igclab.analyzer.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.igclab.analyzer.network.ChainOps;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.analyzer.report.ChainCostView;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;

/**
 * The enumerator's fast path ({@link ChainCosts}, no objects built) counts exactly what the cost model counts on the
 * chain's operations, and chain costs follow strides and "same" padding.
 */
class ChainCostsTest {

    /** A width-keeping stride-1 chain as the enumerator lists it, on an input side. */
    record Case(int channels, int firstKernelSize, List<Integer> groupSizes, int side) {
        int[] sizes() {
            return groupSizes.stream().mapToInt(Integer::intValue).toArray();
        }

        KernelChain chain() {
            return KernelChain.interleaved(channels, firstKernelSize, sizes());
        }
    }

    @Property
    void theFastPathCountsWhatTheCostModelCounts(@ForAll("chains") Case c) {
        long weights = ChainCosts.weights(c.channels(), c.firstKernelSize(), c.sizes(), c.sizes().length);
        NetworkCost model = CostModel.of(ChainOps.network("", c.chain(), c.side()));
        assertThat(weights).isEqualTo(model.params().total());
        assertThat(ChainCosts.macs(weights, c.side())).isEqualTo(model.macs());
        ChainShape shape = ChainShape.of(c.channels(), c.firstKernelSize(), c.sizes(), c.sizes().length);
        assertThat(shape.weights()).isEqualTo(weights);
        assertThat(shape.macs(c.side())).isEqualTo(model.macs());
    }

    /** A width with divisors to choose from, group sizes among them (any product: strict, loose or short), odd sides. */
    @Provide
    Arbitrary<Case> chains() {
        return Arbitraries.integers().between(1, 256).flatMap(c -> {
            List<Integer> divisors = IntStream.rangeClosed(1, c).filter(d -> c % d == 0).boxed().toList();
            return Combinators.combine(Arbitraries.of(1, 3, 5, 7), Arbitraries.of(divisors).list().ofMinSize(1).ofMaxSize(6),
                    Arbitraries.integers().between(1, 64)).as((k, sizes, side) -> new Case(c, k, sizes, side));
        });
    }

    @Example
    void costsFollowStridesThroughTheChain() {
        // "same" padding: a side of 32 at stride 2 becomes (32 - 1) / 2 + 1 = 16; 64 * 16 * 16 * 1 * 9 MACs
        KernelChain channelWise = new KernelChain(List.of(new GroupConv(64, 64, 64, 3, 2)), List.of());
        assertThat(ChainCostView.rows(channelWise, 32).get(0).outSide()).isEqualTo(16);
        assertThat(ChainCostView.rows(channelWise, 7).get(0).outSide()).isEqualTo(4);
        assertThat(ChainCostView.costs(channelWise, 32).macs()).isEqualTo(147_456);
        // W1: 3x3 channel-wise stride 2 on 32x32 -> 16x16: 16 * 16 * 16 * 9; W2: 1x1 dense 16 -> 32 on 16x16: 32 * 256 * 16
        KernelChain widening = new KernelChain(List.of(new GroupConv(16, 16, 16, 3, 2), new GroupConv(16, 32, 1, 1, 1)),
                List.of(Permutation.identity(16)));
        ChainCostView.Costs costs = ChainCostView.costs(widening, 32);
        assertThat(costs.macs()).isEqualTo(16L * 256 * 9 + 32L * 256 * 16);
        assertThat(costs.params()).isEqualTo(16L * 9 + 32 * 16);
        assertThat(costs.rows()).extracting(ChainCostView.Row::step).containsExactly("W1", "W2");
        // stride 1 everywhere: MACs = weights * H * W; 64 * (9 * 1 + 8 + 8) weights
        ChainCostView.Costs interleaved = ChainCostView.costs(KernelChain.interleaved(64, 3, 1, 8, 8), 32);
        assertThat(interleaved.params()).isEqualTo(1600);
        assertThat(interleaved.macs()).isEqualTo(1600L * 32 * 32);
        assertThat(ChainCostView.costs(KernelChain.interleaved(64, 1, 8), 32).macs()).isEqualTo(64L * 32 * 32 * 8);
    }
}
