package org.igclab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AxisLabelTest {
    /** Six pixels a character, as a 12 px font is near enough. */
    private static double width(String s) {
        return 6 * s.length();
    }

    @Test
    void theLongestFormThatFitsIsChosen() {
        assertThat(AxisLabel.fit("predicted latency (ms)", true, 400, AxisLabelTest::width)).isEqualTo("predicted latency (ms) (log)");
        assertThat(AxisLabel.fit("predicted latency (ms)", true, 140, AxisLabelTest::width)).isEqualTo("predicted latency (ms)");
        assertThat(AxisLabel.fit("predicted latency (ms)", true, 90, AxisLabelTest::width)).isEqualTo("predicted (ms)");
        assertThat(AxisLabel.fit("predicted latency (ms)", false, 60, AxisLabelTest::width)).isEqualTo("predicted");
        assertThat(AxisLabel.fit("predicted latency (ms)", false, 10, AxisLabelTest::width)).isEqualTo("predicted");
    }

    @Test
    void aLabelWithoutAUnitLosesItsLastWordsOnly() {
        assertThat(AxisLabel.forms("test accuracy", false)).containsExactly("test accuracy", "test");
        assertThat(AxisLabel.forms("weights", true)).containsExactly("weights (log)", "weights");
        assertThat(AxisLabel.forms("MACs", false)).containsExactly("MACs");
    }
}
