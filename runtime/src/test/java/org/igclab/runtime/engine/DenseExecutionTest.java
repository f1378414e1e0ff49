package org.igclab.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.NetworkJson;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dense execution multiplies a chain block's kernels and permutations into one dense convolution of the first
 * kernel's size, keeps what follows (BN, ReLU), and leaves blocks whose kernels have BN and ReLU between them as
 * designed. The expected figures are worked out by hand from the block's definition.
 */
class DenseExecutionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // block on 16x8x8                                         | ops kept        | trainable parameters
        "{\"type\": \"igcv1\", \"L\": 4}                             | bn relu         | 2336",   // 16*16*9 + 2*16
        "{\"type\": \"igcv2\", \"groupSizes\": [1, 4, 4]}            | bn relu         | 2336",
        "{\"type\": \"igcv2\", \"groupSizes\": [1, 4, 4], \"stride\": 2} | bn relu     | 2336",
        "{\"type\": \"dwsep\", \"out\": 32, \"norm\": \"end\"}       | pw_bn pw_relu   | 4672",   // 32*16*9 + 2*32
        // BN and ReLU after every kernel: nothing to multiply out, the sparse kernels stay
        "{\"type\": \"igcv2\", \"groupSizes\": [1, 4, 4], \"norm\": \"each\"} | W1 W1_bn W1_relu W2 W2_bn W2_relu P2 W3 W3_bn W3_relu | 368",  // 16*9 + 2*16*4 + 3*2*16; P1 after K_1 = 1 is the identity
        "{\"type\": \"dwsep\", \"out\": 32}                           | dw dw_bn dw_relu pw pw_bn pw_relu | 752",  // 16*9 + 2*16 + 32*16 + 2*32
    })
    void chainBlocksMultiplyOutWhereNothingSitsBetweenTheirKernels(String block, String kept, long parameters) {
        ResolvedNetwork network = ShapeInference.resolve(NetworkJson.parse(
                "{\"input\": {\"channels\": 16, \"size\": 8}, \"layers\": [" + block + "]}"));
        try (Instantiation dense = Instantiation.of(network, DjlNetwork.Execution.DENSE, 1);
             Instantiation sparse = Instantiation.of(network, DjlNetwork.Execution.SPARSE, 1);
             NDManager m = NDManager.newBaseManager()) {
            List<String> names = dense.djl().mapped().stream().map(mapped -> mapped.layer().path())
                    .map(p -> p.substring(p.lastIndexOf('.') + 1)).toList();
            assertThat(names).containsExactly(kept.split(" "));
            assertThat(Instantiation.trainableParameters(dense.block())).isEqualTo(parameters);
            assertThat(sparse.djl().mapped()).hasSize(network.ops().size());

            NDArray x = m.randomNormal(Instantiation.batchShape(network.spec().input(), 2));
            long[] denseShape = dense.block().forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow().getShape().getShape();
            long[] sparseShape = sparse.block().forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow().getShape().getShape();
            assertThat(denseShape).containsExactly(sparseShape);
            Layer.SequenceLayer root = network.root();
            assertThat(denseShape).containsExactly(2, root.out().channels(), root.out().height(), root.out().width());
        }
    }
}
