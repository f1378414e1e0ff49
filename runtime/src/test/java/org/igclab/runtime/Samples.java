package org.igclab.runtime;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.engine.NoGrad;

/** The project's sample designs, for tests that must hold for every one of them. */
public final class Samples {
    /** Input side for bare chains: small, so that every sample instantiates quickly. */
    public static final int CHAIN_SIDE = 8;

    private Samples() {
    }

    public static Stream<Path> all() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String folder : new String[] {"networks", "chains"}) {
            try (Stream<Path> files = Files.list(Path.of("..", "samples", folder))) {
                files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(all::add);
            }
        }
        return all.stream();
    }

    /**
     * Input side for the ImageNet samples: the same layers and weights (global pooling before the classifier), every
     * stride and padding still at work, in a tenth of the time.
     */
    public static final int MAX_SIDE = 64;

    /** The network a sample describes: a network as written (at most {@link #MAX_SIDE} high), a chain on a small input. */
    public static ResolvedNetwork network(Design design) {
        boolean large = design instanceof Design.NetworkDesign n && n.network().input().height() > MAX_SIDE;
        return ShapeInference.resolve(large ? design.asNetwork(MAX_SIDE) : design.network(CHAIN_SIDE));
    }

    public static ResolvedNetwork network(Path sample) throws IOException {
        return network(DesignFiles.read(sample));
    }

    /**
     * Training-mode passes on inputs like the test's move BatchNorm's running statistics away from 0 and 1 (so the export
     * must carry them) to values that keep activations at a trained network's scale. No gradient is recorded (the
     * statistics move all the same), and each pass frees its arrays.
     */
    public static void moveBatchNormStatistics(Instantiation inst) {
        var in = inst.network().spec().input();
        try (NoGrad off = NoGrad.enter()) {
            for (int i = 0; i < 12; i++) {
                try (NDManager pass = inst.manager().newSubManager()) {
                    var x = pass.randomNormal(0f, 1f, Instantiation.batchShape(in, 4), ai.djl.ndarray.types.DataType.FLOAT32);
                    inst.block().forward(new ParameterStore(pass, false), new NDList(x), true);
                }
            }
        }
    }
}
