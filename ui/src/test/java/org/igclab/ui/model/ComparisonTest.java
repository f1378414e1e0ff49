package org.igclab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.igclab.analyzer.chain.EnumerationOptions;
import org.igclab.analyzer.chain.FirstKernel;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void sideBySideWithTheBestOfEachNumberMarked() {
        EnumerationOptions o = new EnumerationOptions(96, 2, 4, FirstKernel.CHANNEL_WISE, 2, 64, 3, 32, true);
        List<DesignRow> rows = Exploration.run(new Requests.Exploration(o, "block", List.of(), Axis.PARAMS, null), NetworkTemplate.BLOCK,
                Measurements.NONE, Exploration.Steps.NONE, () -> false).rows();
        DesignRow strict = rows.stream().filter(r -> r.groupSizes().equals("1,8,12")).findFirst().orElseThrow();
        DesignRow loose = rows.stream().filter(r -> r.groupSizes().equals("1,32,4")).findFirst().orElseThrow();
        DesignRow timed = strict.measured("h", new Measurements.Measured(new MeasuredLatency(3.5, true), 0.9));
        Comparison c = Comparison.of(List.of(timed, loose), "block", Set.of(timed));
        assertThat(c.designs()).hasSize(2);
        Comparison.Line params = line(c, "parameters (block)");
        assertThat(params.values()).containsExactly(String.format("%,d", strict.params()), String.format("%,d", loose.params()));
        assertThat(params.best()).isEqualTo(strict.params() < loose.params() ? 0 : 1);
        assertThat(line(c, "complementary").values()).containsExactly("strict", "dense");
        // a noisy latency is shown marked and never counted best
        assertThat(line(c, "latency, batch 1").values().get(0)).contains("3.50 ms, noisy");
        assertThat(line(c, "latency, batch 1").best()).isEqualTo(-1);
        assertThat(line(c, "test accuracy").values()).containsExactly("90.0%", "not measured");
        assertThat(line(c, "on the Pareto front").values()).containsExactly("yes", "no");
        assertThat(line(c, "kernels L").best()).isEqualTo(-1);
        // 96 channels: too wide to draw, a path-count matrix each
        assertThat(c.wirings()).containsOnlyNulls();
        assertThat(c.heatMaps()).doesNotContainNull();
        assertThat(Comparison.compares(1)).isFalse();
        assertThat(Comparison.compares(4)).isTrue();
        assertThat(Comparison.compares(5)).isFalse();
    }

    private static Comparison.Line line(Comparison c, String property) {
        return c.lines().stream().filter(l -> l.property().equals(property)).findFirst().orElseThrow();
    }
}
