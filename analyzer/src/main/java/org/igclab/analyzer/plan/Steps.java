package org.igclab.analyzer.plan;

import java.util.List;
import java.util.stream.Collectors;
import org.igclab.analyzer.network.Layer.OpLayer;
import org.igclab.analyzer.network.Op;

/** Names of planned operations, for reports. */
public final class Steps {

    private Steps() {
    }

    /** {@code conv 3x3 /2 g64 +bias}, {@code shuffle 8}, {@code bn}: an operation in a few characters. */
    public static String name(Op op) {
        if (op instanceof Op.Conv c) {
            return "conv " + c.kernel() + "x" + c.kernel() + (c.stride() > 1 ? " /" + c.stride() : "") + (c.groups() > 1 ? " g" + c.groups() : "")
                    + (c.bias() ? " +bias" : "");
        }
        if (op instanceof Op.Shuffle s) {
            return "shuffle " + s.groups();
        }
        return op.type().fileName();
    }

    /** The last part of an operation's path: {@code W2}, {@code P1}, {@code bn}, {@code stem[0]}. */
    public static String shortName(OpLayer layer) {
        String path = layer.path();
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** {@code conv 3x3 g64, conv 1x1 +bias = P1.W2.P2.W3.bn}. */
    public static String describe(List<Step> steps) {
        return steps.stream().map(Step::describe).collect(Collectors.joining(", "));
    }
}
