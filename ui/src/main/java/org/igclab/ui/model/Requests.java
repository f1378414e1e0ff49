package org.igclab.ui.model;

import java.nio.file.Path;
import java.util.List;
import org.igclab.analyzer.chain.EnumerationOptions;

/** The validated values of the controls, grouped by what they drive. */
public final class Requests {

    private Requests() {
    }

    /**
     * What to enumerate and cost.
     *
     * @param options       the chains of width {@code C}
     * @param template      {@link NetworkTemplate#BLOCK_KEY} or a network template's key
     * @param compareWidths the widths of the parameters-against-L chart besides {@code C}
     * @param budgetKind    what the budget limits
     * @param budget        the budget, or null for none
     */
    public record Exploration(EnumerationOptions options, String template, List<Integer> compareWidths, Axis budgetKind, Long budget) {
        public Exploration {
            compareWidths = List.copyOf(compareWidths);
        }
    }

    /** Which designs the table and the scatter show. */
    public record Filters(boolean onlyStrict, boolean onlyBalanced, double tolerance, String nameContains) {
        public boolean accepts(DesignRow row) {
            return (!onlyStrict || row.design().complementary().isStrict())
                    && (!onlyBalanced || row.design().isBalanced(tolerance))
                    && (nameContains.isBlank() || row.name().toLowerCase().contains(nameContains.trim().toLowerCase()));
        }
    }

    /** A scatter's axes, each on decades when asked and when it spans decades ({@link Axis#loggable()}). */
    public record ChartAxes(Axis x, Axis y, boolean logX, boolean logY) {
        public boolean xOnDecades() {
            return logX && x.loggable();
        }

        public boolean yOnDecades() {
            return logY && y.loggable();
        }
    }

    /**
     * How to evaluate the selected design.
     *
     * @param training    train (else time)
     * @param dataset     {@code fashion-mnist} or {@code cifar10}
     * @param dataDir     the data set's folder, or null for the default
     * @param epochs      training epochs
     * @param trainImages training images used (0: all)
     * @param runs        timed passes
     */
    public record Evaluation(boolean training, String dataset, Path dataDir, int epochs, int trainImages, int runs) {
    }
}
