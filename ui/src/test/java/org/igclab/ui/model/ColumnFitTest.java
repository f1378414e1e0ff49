package org.igclab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnFitTest {
    private static final List<ColumnFit.Column> RESNET = List.of(
            new ColumnFit.Column("layer", 160, true), new ColumnFit.Column("type", 260, true), new ColumnFit.Column("verdict", 60, false),
            new ColumnFit.Column("params", 80, false), new ColumnFit.Column("% params", 70, false),
            new ColumnFit.Column("MACs", 100, false), new ColumnFit.Column("% MACs", 60, false), new ColumnFit.Column("input", 90, false));

    private static double sumOfFirst(Map<String, Double> widths, int n) {
        return widths.values().stream().limit(n).mapToDouble(Double::doubleValue).sum();
    }

    @Test
    void withRoomEveryColumnKeepsItsWidth() {
        Map<String, Double> widths = ColumnFit.widths(RESNET, 7, 2000);
        RESNET.forEach(c -> assertThat(widths.get(c.title())).isEqualTo(c.wanted()));
    }

    @Test
    void shortOfRoomTheNumbersStayWholeAndTheWidestTextGivesUpRoomFirst() {
        Map<String, Double> widths = ColumnFit.widths(RESNET, 7, 530);
        assertThat(sumOfFirst(widths, 7)).isLessThanOrEqualTo(530);
        RESNET.stream().filter(c -> !c.elides()).forEach(c -> assertThat(widths.get(c.title())).isEqualTo(c.wanted()));
        // 160 left for both: the type is cut down to the layer's width before the layer loses anything
        assertThat(widths.get("layer")).isEqualTo(80);
        assertThat(widths.get("type")).isEqualTo(80);

        Map<String, Double> roomier = ColumnFit.widths(RESNET, 7, 700);
        assertThat(roomier.get("layer")).isEqualTo(160);
        assertThat(roomier.get("type")).isEqualTo(170);
    }

    @Test
    void textIsNeverNarrowerThanItsLeastWidthAndColumnsAfterThoseShownKeepTheirs() {
        Map<String, Double> widths = ColumnFit.widths(RESNET, 7, 300);
        assertThat(widths.get("layer")).isEqualTo(ColumnFit.LEAST_TEXT);
        assertThat(widths.get("type")).isEqualTo(ColumnFit.LEAST_TEXT);
        assertThat(widths.get("input")).isEqualTo(90);
        assertThat(ColumnFit.widths(RESNET, 2, 200)).containsEntry("layer", 100.0).containsEntry("type", 100.0);
    }
}
