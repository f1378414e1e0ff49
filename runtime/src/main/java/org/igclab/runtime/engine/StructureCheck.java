package org.igclab.runtime.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.util.Optional;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.rules.condition.PathCountMatrix;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.model.KernelChain;

/**
 * Proves that the engine computes the wiring the analyzer counts: the chain is instantiated with positive random
 * weights (so no sum can cancel), fed the identity basis at 1x1 spatial size, and the composite linear map it
 * returns must be nonzero exactly where the path-count matrix is.
 *
 * @param label     which chain
 * @param channels  {@code C_out x C_in}
 * @param matches   whether the zero patterns agree
 * @param mismatch  the first pair that differs, described
 */
public record StructureCheck(String label, String channels, boolean matches, Optional<String> mismatch) {

    /** Positive weights: every path contributes a positive amount, so nonzero means "at least one path". */
    private static final Initializer POSITIVE = (manager, shape, type) -> manager.randomUniform(0.5f, 1.5f, shape, type);

    public static StructureCheck of(String label, KernelChain chain, long seed) {
        return compare(label, chain, PathCountMatrix.of(chain), seed);
    }

    /** Runs {@code chain} in the engine and compares its zero pattern with {@code expected}. */
    public static StructureCheck compare(String label, KernelChain chain, PathCountMatrix expected, long seed) {
        Design design = new Design.ChainDesign(new ChainDocument(label, chain));
        try (Instantiation inst = Instantiation.of(ShapeInference.resolve(design.asNetwork(1)), seed, POSITIVE);
             NDManager pass = inst.manager().newSubManager()) {
            int in = chain.inChannels();
            NDArray basis = pass.eye(in, in, 0, DataType.FLOAT32).reshape(in, in, 1, 1);
            NDArray out = inst.block().forward(new ParameterStore(pass, false), new NDList(basis), false).singletonOrThrow();
            float[] values = out.reshape(in, chain.outChannels()).toFloatArray();
            int outChannels = chain.outChannels();
            for (int i = 0; i < in; i++) {
                for (int o = 0; o < outChannels; o++) {
                    boolean engine = values[i * outChannels + o] != 0f;
                    boolean analyzer = expected.get(o, i) > 0;
                    if (engine != analyzer) {
                        return new StructureCheck(label, outChannels + "x" + in, false, Optional.of(String.format(
                                "output %d from input %d: engine gives %s, the analyzer counts %d paths",
                                o, i, engine ? "a nonzero weight" : "zero", expected.exact(o, i))));
                    }
                }
            }
            return new StructureCheck(label, outChannels + "x" + in, true, Optional.empty());
        }
    }

    public String describe() {
        return label + " (" + channels + "): " + (matches ? "engine wiring matches the path-count matrix" : "MISMATCH, " + mismatch.orElse(""));
    }
}
