package org.igclab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.igclab.analyzer.chain.EnumerationOptions;
import org.igclab.analyzer.chain.FirstKernel;
import org.junit.jupiter.api.Test;

class ControlFormTest {

    private static ControlForm form(Object... controlsAndTexts) {
        Map<Control, String> m = new EnumMap<>(Control.class);
        for (int i = 0; i < controlsAndTexts.length; i += 2) {
            m.put((Control) controlsAndTexts[i], (String) controlsAndTexts[i + 1]);
        }
        return new ControlForm(m);
    }

    @Test
    void theDefaultsAreAValidRequest() {
        Requests.Exploration r = new ControlForm(Map.of()).exploration().orElseThrow();
        assertThat(r.options()).isEqualTo(new EnumerationOptions(64, 1, 8, FirstKernel.ANY, 1, Integer.MAX_VALUE, 3, 32, false));
        assertThat(r.compareWidths()).containsExactly(16, 256);
        assertThat(r.budgetKind()).isEqualTo(Axis.PARAMS);
        assertThat(r.budget()).isEqualTo(20000L);
        assertThat(r.template()).isEqualTo(NetworkTemplate.BLOCK_KEY);
    }

    @Test
    void eachBadValueIsReportedAtItsOwnControl() {
        ControlForm f = form(Control.CHANNELS, "abc", Control.KERNEL, "4", Control.MIN_LAYERS, "5", Control.MAX_LAYERS, "3",
                Control.WIDTHS, "16, 0", Control.BUDGET, "-2", Control.FIRST_KERNEL, "diagonal");
        assertThat(f.exploration()).isEmpty();
        assertThat(f.error(Control.CHANNELS).get()).isEqualTo("'abc' is not a whole number");
        assertThat(f.error(Control.KERNEL).get()).startsWith("must be odd");
        assertThat(f.error(Control.MAX_LAYERS).get()).isEqualTo("must be at least the minimum, 5");
        assertThat(f.error(Control.MIN_LAYERS).get()).isEmpty();
        assertThat(f.error(Control.WIDTHS).get()).isEqualTo("0 must be at least 1");
        assertThat(f.error(Control.BUDGET).get()).isEqualTo("must be at least 1");
        assertThat(f.error(Control.FIRST_KERNEL).get()).isEqualTo("choose one of any, channel-wise, grouped");

        f.text(Control.CHANNELS).set("5000");
        f.exploration();
        assertThat(f.error(Control.CHANNELS).get()).isEqualTo("must be at most " + ControlForm.MAX_CHANNELS);
    }

    @Test
    void fixingAValueClearsItsError() {
        ControlForm f = form(Control.CHANNELS, "");
        assertThat(f.exploration()).isEmpty();
        assertThat(f.error(Control.CHANNELS).get()).isEqualTo("enter a whole number");
        f.text(Control.CHANNELS).set("1,024");
        assertThat(f.exploration()).map(r -> r.options().channels()).contains(1024);
        assertThat(f.error(Control.CHANNELS).get()).isEmpty();
    }

    @Test
    void blankMeansNoBound() {
        Requests.Exploration r = form(Control.MAX_GROUP, " ", Control.BUDGET, "", Control.WIDTHS, "").exploration().orElseThrow();
        assertThat(r.options().maxGroupSize()).isEqualTo(Integer.MAX_VALUE);
        assertThat(r.budget()).isNull();
        assertThat(r.compareWidths()).isEmpty();
    }

    @Test
    void filtersAndEvaluationHaveTheirOwnChecks() {
        ControlForm f = form(Control.TOLERANCE, "-1", Control.RUNS, "0", Control.EVALUATION, "latency");
        assertThat(f.filters()).isEmpty();
        assertThat(f.error(Control.TOLERANCE).get()).isEqualTo("must be 0 or more");
        assertThat(f.evaluation()).isEmpty();
        assertThat(f.error(Control.RUNS).get()).isEqualTo("must be at least 1");
        f.text(Control.EVALUATION).set("train");
        assertThat(f.evaluation()).map(Requests.Evaluation::training).contains(true);
    }
}
