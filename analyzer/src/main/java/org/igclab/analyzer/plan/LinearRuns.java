package org.igclab.analyzer.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.Op;

/** Finds the {@link LinearRun}s of a network: maximal runs of linear operations inside one sequence. */
public final class LinearRuns {

    private LinearRuns() {
    }

    /** Every run with at least two operations and a convolution, in execution order. */
    public static List<LinearRun> of(Layer root, Mode mode) {
        List<LinearRun> runs = new ArrayList<>();
        collect(root, Optional.empty(), mode, runs);
        return runs;
    }

    private static void collect(Layer layer, Optional<String> block, Mode mode, List<LinearRun> runs) {
        Optional<String> here = layer.blockLabel().isPresent() ? layer.blockLabel() : block;
        if (layer instanceof Layer.SequenceLayer s) {
            List<Layer.OpLayer> current = new ArrayList<>();
            for (Layer child : s.layers()) {
                if (child instanceof Layer.OpLayer op && linear(op.op(), mode)) {
                    current.add(op);
                    continue;
                }
                close(current, here, mode, runs);
                collect(child, here, mode, runs);
            }
            close(current, here, mode, runs);
            return;
        }
        layer.children().forEach(c -> collect(c, here, mode, runs));
    }

    private static void close(List<Layer.OpLayer> current, Optional<String> block, Mode mode, List<LinearRun> runs) {
        if (current.size() >= 2 && current.stream().anyMatch(o -> o.op() instanceof Op.Conv)) {
            runs.add(new LinearRun(current, block, mode));
        }
        current.clear();
    }

    /** Whether an operation is linear with fixed weights in this mode: what may be multiplied with its neighbours. */
    public static boolean linear(Op op, Mode mode) {
        return op.accept(new Op.Visitor<Boolean>() {
            @Override
            public Boolean conv(Op.Conv conv) {
                return true;
            }

            @Override
            public Boolean shuffle(Op.Shuffle shuffle) {
                return true;
            }

            @Override
            public Boolean permute(Op.Permute permute) {
                return true;
            }

            @Override
            public Boolean batchNorm(Op.BatchNorm batchNorm) {
                return mode == Mode.INFERENCE;
            }

            @Override
            public Boolean activation(Op.Activation activation) {
                return false;
            }

            @Override
            public Boolean pool(Op.Pool pool) {
                return false;
            }

            @Override
            public Boolean globalAvgPool(Op.GlobalAvgPool pool) {
                return false;
            }

            @Override
            public Boolean linear(Op.Linear linear) {
                return false;
            }

            @Override
            public Boolean identity(Op.Identity identity) {
                return false;
            }

            @Override
            public Boolean unknown(Op.Unknown unknown) {
                return false;
            }
        });
    }
}
