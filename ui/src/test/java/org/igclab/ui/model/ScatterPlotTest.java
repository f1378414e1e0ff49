package org.igclab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.igclab.analyzer.chain.EnumerationOptions;
import org.igclab.analyzer.chain.FirstKernel;
import org.igclab.ui.model.plot.Ink;
import org.igclab.ui.model.plot.Mark;
import org.igclab.ui.model.plot.Plot;
import org.junit.jupiter.api.Test;

/** The scatter as the user sees it: coincident designs counted, the front a staircase, a degenerate choice of axes named. */
class ScatterPlotTest {
    static final EnumerationOptions C64 = new EnumerationOptions(64, 1, 8, FirstKernel.ANY, 1, Integer.MAX_VALUE, 3, 32, false);

    private static List<DesignRow> rows() {
        return Exploration.run(new Requests.Exploration(C64, "block", List.of(), Axis.PARAMS, null), NetworkTemplate.BLOCK,
                Measurements.NONE, Exploration.Steps.NONE, () -> false).rows();
    }

    private static List<Mark.Dot> designDots(Plot p) {
        return p.marks().stream().filter(m -> m instanceof Mark.Dot d && !d.hollow()).map(m -> (Mark.Dot) m).toList();
    }

    @Test
    void parametersAgainstMacsOfABareBlockIsOneLineAndSaysSo() {
        List<DesignRow> rows = rows();
        ScatterData data = ScatterData.of(rows, new Requests.ChartAxes(Axis.PARAMS, Axis.MACS, true, true));
        assertThat(data.note()).contains("Every design lies on one line (MACs = 1,024 x parameters)", "kernels L");
        Plot p = ScatterPlot.of("t", data, null, List.of());
        // the 13 cheapest designs share one point: drawn once, counted
        Mark.Dot cheapest = designDots(p).stream().filter(d -> d.ink() == Ink.FRONT).findFirst().orElseThrow();
        assertThat(cheapest.count()).isEqualTo((int) rows.stream().filter(r -> r.params() == 1344).count()).isGreaterThan(1);
        assertThat(cheapest.hover()).startsWith(cheapest.count() + " designs here:").contains("and ", "more", "on the Pareto front");
        assertThat(designDots(p).stream().mapToInt(Mark.Dot::count).sum()).isEqualTo(rows.size());
    }

    @Test
    void theDefaultAxesSeparateTheDesignsAndTheFrontIsAStaircase() {
        List<DesignRow> rows = rows();
        ScatterData data = ScatterData.of(rows, new ControlForm(java.util.Map.of()).axes());
        assertThat(data.axes().y()).isEqualTo(Axis.LENGTH);
        assertThat(data.note()).isEmpty();
        Plot p = ScatterPlot.of("t", data, rows.get(0), List.of(rows.get(1), rows.get(2)));
        Mark.Line front = p.marks().stream().filter(m -> m instanceof Mark.Line).map(m -> (Mark.Line) m).findFirst().orElseThrow();
        assertThat(front.stepped()).isTrue();
        // one point per length on the front, from the cheapest (longest) chain to the dense kernel (L = 1)
        assertThat(front.xs()).isSorted();
        assertThat(front.ys()[0]).isEqualTo(4);
        assertThat(front.ys()[front.ys().length - 1]).isEqualTo(1);
        assertThat(designDots(p).size()).isGreaterThan(10).isLessThan(rows.size());
        // the selected design ringed boldly, the two chosen thinly
        List<Mark.Dot> rings = p.marks().stream().filter(m -> m instanceof Mark.Dot d && d.hollow()).map(m -> (Mark.Dot) m).toList();
        assertThat(rings).hasSize(3);
        assertThat(rings.stream().filter(d -> d.radius() == 8)).hasSize(1);
        assertThat(p.range().contains(Math.log10(rows.get(0).params()), rows.get(0).length())).isTrue();
    }

    @Test
    void noisyLatenciesAreDrawnMarkedAndNeverOnTheFront() {
        List<DesignRow> rows = rows();
        Measurements.Measured quiet = new Measurements.Measured(new MeasuredLatency(2.0, false), null);
        Measurements.Measured loud = new Measurements.Measured(new MeasuredLatency(0.5, true), null);
        List<DesignRow> measured = List.of(rows.get(0).measured("a", quiet), rows.get(1).measured("b", loud), rows.get(2));
        ScatterData data = ScatterData.of(measured, new Requests.ChartAxes(Axis.MACS, Axis.LATENCY, true, true));
        Plot p = ScatterPlot.of("t", data, null, List.of());
        assertThat(p.marks()).filteredOn(m -> m instanceof Mark.Dot d && d.ink() == Ink.NOISY && d.hollow()).hasSize(1);
        assertThat(data.onFront()).containsExactly(measured.get(0));
        assertThat(p.legend().stream().map(Plot.LegendEntry::text)).contains("noisy latency");
        assertThat(data.note()).contains("1 shown designs have no latency", "1 latencies measured under interference (noisy)");
    }
}
