package org.igclab.runtime.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.stream.Stream;
import org.igclab.analyzer.latency.CalibrationNetworks;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.engine.NoGrad;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole networks a calibration times build in DJL/PyTorch and run a forward pass to the shape the analyzer infers (nothing timed). */
class CalibrationNetworksEngineTest {

    static Stream<Network> networks() {
        return CalibrationNetworks.all().stream();
    }

    @ParameterizedTest
    @MethodSource("networks")
    void runsInTheEngine(Network spec) {
        ResolvedNetwork network = ShapeInference.resolve(spec);
        try (Instantiation inst = Instantiation.of(network, 1); NoGrad off = NoGrad.enter();
             NDManager scope = inst.manager().newSubManager()) {
            NDList x = new NDList(scope.randomUniform(0f, 1f, Instantiation.batchShape(spec.input(), 1)));
            NDList y = inst.block().forward(new ParameterStore(inst.manager(), false), x, false);
            assertThat(y.singletonOrThrow().getShape().getShape()).containsExactly(1, network.output().channels());
        }
    }
}
