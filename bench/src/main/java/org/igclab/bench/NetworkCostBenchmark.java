package org.igclab.bench;

import java.util.concurrent.TimeUnit;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.NetworkJson;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What {@code igc cost NETWORK.json} computes for a network of 100 blocks: shape inference, template expansion,
 * the per-operation cost table and every block's closed-form formula ({@link CostModel#of(Network)}), from a network
 * already read. The network is a 3x3 stem to 64 channels at 32x32, then 100 blocks of the family given as a parameter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NetworkCostBenchmark {
    static final int BLOCKS = 100;

    @Param({"{\"type\": \"igcv2\", \"K\": 8}", "{\"type\": \"igcv1\", \"L\": 8}", "{\"type\": \"resnet-basic\", \"out\": 64}"})
    public String block;

    private Network network;

    @Setup
    public void network() {
        StringBuilder layers = new StringBuilder("{\"type\": \"conv\", \"out\": 64}");
        for (int i = 0; i < BLOCKS; i++) {
            layers.append(", ").append(block);
        }
        network = NetworkJson.parse("{\"input\": {\"channels\": 3, \"size\": 32}, \"layers\": [" + layers + "]}");
        if (network.layers().size() != BLOCKS + 1) {
            throw new IllegalStateException("the network has " + network.layers().size() + " layers");
        }
    }

    @Benchmark
    public NetworkCost cost() {
        return CostModel.of(network);
    }
}
