package org.igclab.analyzer.latency;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.LayerWalk;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.cost.CostModel;

/**
 * A network's predicted latency, operation by operation in execution order (the joins of residuals and branches
 * included), their sum, and the network's total with its roofline bound: the sum through the calibration's
 * {@link NetworkCorrection} where it has one, else the sum itself.
 *
 * @param rows       one per operation and join
 * @param sum        the operations' predictions summed, and their bounds
 * @param total      the network's prediction (never below the summed bound) and the bound
 * @param correction what turned the sum into the total; empty when the total is the sum
 */
public record LatencyPrediction(List<Row> rows, Estimate sum, Estimate total, Optional<NetworkCorrection> correction) {

    public LatencyPrediction {
        rows = List.copyOf(rows);
    }

    /** A prediction whose total is its operations' sum. */
    public LatencyPrediction(List<Row> rows, Estimate sum) {
        this(rows, sum, sum, Optional.empty());
    }

    /**
     * One operation's prediction.
     *
     * @param path      where it stands in the network file
     * @param block     the label of the block it belongs to, or empty
     * @param op        what it is ({@code conv 3x3 G=4}, {@code add})
     * @param primitive what the model priced
     * @param estimate  the prediction
     */
    public record Row(String path, String block, String op, Primitive primitive, Estimate estimate) {
    }

    /** Every operation of the network as designed, priced by {@code model}, and the total through its correction. */
    public static LatencyPrediction of(ResolvedNetwork network, OpLatency model) {
        LatencyPrediction summed = summed(network, model);
        return model.correction().map(c -> summed.corrected(c)).orElse(summed);
    }

    /** The same rows and sum, with the total {@code c} gives (never below the summed bound). */
    public LatencyPrediction corrected(NetworkCorrection c) {
        double ms = Math.max(c.apply(sum.ms(), rows.size()), sum.boundMs());
        return new LatencyPrediction(rows, sum, new Estimate(ms, sum.boundMs(), sum.basis(), sum.points()), Optional.of(c));
    }

    /** Every operation of the network as designed, priced by {@code model}; the total is their sum. */
    public static LatencyPrediction summed(ResolvedNetwork network, OpLatency model) {
        List<Row> rows = new ArrayList<>();
        LayerWalk.walk(network.root(), "", new LayerWalk.Steps() {
            @Override
            public void op(Layer.OpLayer l, String block) {
                Primitive p = Primitive.of(l.op(), l.in());
                rows.add(new Row(l.path(), block, CostModel.describe(l.op()), p, model.estimate(p)));
            }

            @Override
            public void join(Layer layer, LayerWalk.Join join, String block) {
                Primitive p = switch (join) {
                    case ADD -> Primitive.add(layer.out());
                    case MUL -> Primitive.mul(layer.out());
                    case CONCAT -> Primitive.concat(layer.in(), layer.out());
                };
                rows.add(new Row(layer.path() + "." + join.label(), block, join.label(), p, model.estimate(p)));
            }
        });
        return new LatencyPrediction(rows, Estimate.total(rows.stream().map(Row::estimate).toList()));
    }
}
