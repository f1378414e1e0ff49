package org.igclab.runtime.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.igclab.analyzer.cli.OutputFormat;
import org.igclab.analyzer.plot.Charts;
import org.igclab.analyzer.plot.Plots;
import org.igclab.analyzer.text.Csv;
import org.igclab.analyzer.text.TextTable;
import org.igclab.analyzer.sweep.DesignName;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.RunRecord;

/**
 * Several runs' learning curves, as {@code igc results --curve} shows them without {@code --id}: one row per run and
 * epoch, and a chart of their test accuracies overlaid.
 */
final class StoredCurves {
    private static final List<String> HEADER = List.of("run", "design", "epoch", "train_loss", "train_accuracy", "test_accuracy",
            "learning_rate", "seconds");

    /** A run and its epochs. */
    record Curve(RunRecord run, List<EpochRecord> epochs) {
        Curve {
            epochs = List.copyOf(epochs);
        }

        /** {@code #3 IGCV2 K=8, depth 38 (done)}: the legend's name. */
        String label() {
            return "#" + run.id() + " " + DesignName.readable(run.designName()) + " (" + run.status() + ")";
        }
    }

    private StoredCurves() {
    }

    static String text(List<Curve> curves, OutputFormat.Format format) {
        return switch (format) {
            case CSV -> csv(curves);
            case JSON -> json(curves);
            case TABLE -> table(curves);
        };
    }

    private static String csv(List<Curve> curves) {
        List<List<?>> rows = new ArrayList<>();
        for (Curve c : curves) {
            for (EpochRecord e : c.epochs()) {
                rows.add(List.of(c.run().id(), DesignName.readable(c.run().designName()), e.epoch(), e.trainLoss(), e.trainAccuracy(), e.testAccuracy(),
                        e.learningRate(), e.seconds()));
            }
        }
        return Csv.of(HEADER, rows);
    }

    private static String json(List<Curve> curves) {
        ArrayNode a = JsonFields.MAPPER.createArrayNode();
        for (Curve c : curves) {
            ObjectNode n = a.addObject().put("run", c.run().id()).put("design", c.run().designName()).put("status", c.run().status());
            n.set("epochs", JsonFields.MAPPER.valueToTree(c.epochs()));
        }
        return JsonFields.pretty(a);
    }

    private static String table(List<Curve> curves) {
        if (curves.isEmpty()) {
            return "no training runs match\n";
        }
        TextTable t = new TextTable(">run", "design", ">epoch", ">train loss", ">train acc", ">test acc", ">lr", ">seconds");
        for (Curve c : curves) {
            for (EpochRecord e : c.epochs()) {
                t.row(c.run().id(), DesignName.readable(c.run().designName()), e.epoch(), String.format("%.4f", e.trainLoss()),
                        String.format("%.2f%%", 100 * e.trainAccuracy()), String.format("%.2f%%", 100 * e.testAccuracy()),
                        String.format("%.5f", e.learningRate()), String.format("%.1f", e.seconds()));
            }
        }
        return t.render() + "(" + TextTable.count(curves.size(), "run") + ")\n";
    }

    /** The runs' test accuracies (in %) against the epoch, one line a run; a run without epochs is left out. */
    static Plots.Chart chart(List<Curve> curves, String store) {
        Map<String, List<double[]>> lines = new LinkedHashMap<>();
        for (Curve c : curves) {
            if (!c.epochs().isEmpty()) {
                lines.put(c.label(), c.epochs().stream().map(e -> new double[] {e.epoch(), 100 * e.testAccuracy()}).toList());
            }
        }
        return Charts.curves("learning curves of " + TextTable.count(lines.size(), "run") + " in " + store, "test accuracy (%)", lines);
    }
}
