package org.igclab.analyzer.network.cost;

import java.util.function.Function;
import org.igclab.analyzer.network.Layer;

/** The one label of a layer in the reports ({@code cost --blocks}, {@code summary}): what it is, not what it ends with. */
public final class LayerLabel {
    private LayerLabel() {
    }

    /**
     * A block's label (its template's, {@code IGCV2 K=(1,8,8) 64->64}), an operation's as {@code opLabel} gives it, or a
     * composite's type and size ({@code residual, projection}, {@code concat of 2}, {@code split 2 ways}).
     */
    public static String of(Layer layer, Function<Layer.OpLayer, String> opLabel) {
        return layer.accept(new Layer.Visitor<String>() {
            @Override
            public String op(Layer.OpLayer o) {
                return opLabel.apply(o);
            }

            @Override
            public String block(Layer.BlockLayer b) {
                return b.template().label(b.in());
            }

            @Override
            public String sequence(Layer.SequenceLayer q) {
                return "sequence of " + q.layers().size();
            }

            @Override
            public String residual(Layer.ResidualLayer r) {
                return r.shortcut().isPresent() ? "residual, projection" : "residual";
            }

            @Override
            public String mul(Layer.MulLayer m) {
                return "mul";
            }

            @Override
            public String concat(Layer.ConcatLayer c) {
                return "concat of " + c.branches().size();
            }

            @Override
            public String split(Layer.SplitLayer sp) {
                return "split " + sp.branches().size() + " ways";
            }
        });
    }
}
