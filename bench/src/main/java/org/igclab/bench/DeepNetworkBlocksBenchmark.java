package org.igclab.bench;

import java.util.concurrent.TimeUnit;
import org.igclab.analyzer.network.NetworkJson;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.analyzer.report.NetworkCostView;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What {@code igc cost NETWORK.json --blocks} computes for a very deep network: the cost model, then the one row
 * per block of {@link NetworkCostView#groups}, which must grow linearly with depth (it once compared every block
 * with every operation). The network is IGCV1's CIFAR skeleton at width 16 with IGCV2 {@code K = 4} blocks; depth
 * 38,000 has 37,998 blocks and about 300,000 operations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DeepNetworkBlocksBenchmark {
    @Param({"3800", "11000", "38000"})
    public int depth;

    private NetworkCost cost;

    @Setup
    public void network() {
        cost = CostModel.of(NetworkJson.parse("{\"skeleton\": {\"type\": \"cifar\", \"width\": 16, \"depth\": " + depth
                + ", \"block\": {\"type\": \"igcv2\", \"K\": 4}}}"));
    }

    /** The block rows alone, from the costs already computed. */
    @Benchmark
    public int blockRows() {
        return NetworkCostView.groups(cost).size();
    }

    /** The whole {@code --blocks} report: cost model, block rows and the text table. */
    @Benchmark
    public int costAndReport() {
        NetworkCost fresh = CostModel.of(cost.network().spec());
        return NetworkCostView.text(fresh, true, false).length();
    }
}
