package org.igclab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableColumnsTest {
    private static Map<String, Double> widths() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("design", 145.0);
        w.put("K", 70.0);
        w.put("L", 30.0);
        w.put("params", 60.0);
        w.put("MACs", 80.0);
        w.put("verdict", 55.0);
        w.put("imbalance", 75.0);
        w.put("front", 45.0);
        return w;
    }

    @Test
    void aWideTableShowsEveryColumn() {
        assertThat(TableColumns.leftOut(widths(), Set.of(), 560)).isEmpty();
    }

    @Test
    void aNarrowTableLeavesOutTheLeastNeededFirstUntilTheRestFit() {
        // 560 in all: without imbalance 485, front 440
        assertThat(TableColumns.leftOut(widths(), Set.of(), 480)).containsExactly("imbalance", "front");
        // without design too 295; then front fits again beside the rest (340), imbalance does not (415)
        assertThat(TableColumns.leftOut(widths(), Set.of(), 361)).containsExactly("imbalance", "design");
        // what the user chose stays: front and design go instead, and front comes back
        assertThat(TableColumns.leftOut(widths(), Set.of("imbalance"), 480)).containsExactly("design");
        // never the costs or K, even when nothing else is left to leave out
        assertThat(TableColumns.leftOut(widths(), Set.of(), 100)).containsExactlyElementsOf(TableColumns.LEAST_NEEDED);
    }
}
