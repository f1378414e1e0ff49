package org.igclab.analyzer.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalLong;
import org.igclab.analyzer.chain.ChainEnumerator;
import org.igclab.analyzer.chain.ClosedForms;
import org.igclab.analyzer.chain.EnumeratedDesign;
import org.igclab.analyzer.chain.EnumerationOptions;
import org.igclab.analyzer.chain.FirstKernel;
import org.igclab.analyzer.sweep.BudgetSolver;
import org.igclab.analyzer.sweep.Objective;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.SpaceJson;
import org.igclab.analyzer.sweep.Sweep;
import org.igclab.analyzer.sweep.SweepRow;
import org.igclab.analyzer.ProgressListener;
import org.junit.jupiter.api.Test;

/** The charts hold the commands' results: the front is the front, each budget line its answers, the optimum where it is. */
class ChartsTest {
    private static final Path SPACES = Path.of("..", "samples", "spaces");

    private static Plots.Series named(Plots.Chart chart, String prefix) {
        return chart.series().stream().filter(s -> s.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void aSweepChartMarksExactlyTheUndominatedDesignsOnLogAxes() throws Exception {
        Space space = SpaceJson.read(SPACES.resolve("cifar-igcv2-grid.json"), null);
        Sweep sweep = Sweep.run(space, ProgressListener.NONE);
        List<Objective> objectives = Objective.parseList("params,width:max", Objective.numericVariables(space.grid()));
        BitSet front = Objective.front(sweep, objectives);
        Plots.Chart chart = Charts.sweep(sweep, objectives, front, "grid.json");
        List<double[]> onFront = named(chart, "Pareto front").points();
        List<double[]> others = named(chart, "designs").points();
        assertThat(onFront.size() + others.size()).isEqualTo(sweep.count(SweepRow.Status.PASS));
        assertThat(onFront).hasSize(front.cardinality());
        // a design is on the front exactly when no other has at most its parameters and at least its width, and is better in one
        for (double[] p : others) {
            assertThat(onFront.stream().anyMatch(q -> q[0] <= p[0] && q[1] >= p[1])).isTrue();
        }
        for (double[] p : onFront) {
            assertThat(others.stream().noneMatch(q -> q[0] <= p[0] && q[1] >= p[1] && (q[0] < p[0] || q[1] > p[1]))).isTrue();
        }
        assertThat(chart.logX()).isTrue();
        assertThat(chart.xLabel()).isEqualTo("params");
        assertThat(chart.yLabel()).isEqualTo("width:max");
    }

    @Test
    void aBudgetChartHasALineForEachGroupSizeWithItsWidthsAgainstL() throws Exception {
        Space space = SpaceJson.read(SPACES.resolve("cifar-igcv2-layers.json"), "width");
        BudgetSolver.Solution solution = BudgetSolver.solve(space, "width", 8, 4096, OptionalLong.of(317_242), OptionalLong.empty(),
                ProgressListener.NONE);
        Plots.Chart chart = Charts.budget(space, "width", "317,242 parameters", solution, "layers.json");
        assertThat(chart.xLabel()).isEqualTo("L");
        assertThat(chart.series()).extracting(Plots.Series::name).containsExactly("K = 4", "K = 8");
        long found = solution.answers().stream().filter(BudgetSolver.Answer::found).count();
        assertThat(chart.series().stream().mapToInt(s -> s.points().size()).sum()).isEqualTo((int) found);
        for (BudgetSolver.Answer a : solution.answers()) {
            if (a.found()) {
                var v = solution.space().values(a.design());
                int k = v.node(solution.space().grid().names().indexOf("K")).asInt();
                int l = v.node(solution.space().grid().names().indexOf("L")).asInt();
                assertThat(named(chart, "K = " + k).points()).anySatisfy(p -> assertThat(p).containsExactly(l, a.value()));
            }
        }
    }

    @Test
    void anEnumerationChartPlacesTheIntegerOptimumAmongTheChainsAndTheBoundBelowThem() {
        EnumerationOptions o = new EnumerationOptions(64, 1, Integer.MAX_VALUE, FirstKernel.ANY, 1, Integer.MAX_VALUE, 3, 32, false);
        List<EnumeratedDesign> designs = ChainEnumerator.enumerate(o, ProgressListener.NONE);
        ClosedForms closed = ClosedForms.of(64, 3);
        Plots.Chart chart = Charts.enumeration(designs, closed, 3);
        assertThat(named(chart, "integer optimum, all kernels").points().get(0)).containsExactly(4, 1344);
        assertThat(named(chart, "closed form").points().get(0)[0]).isCloseTo(Math.log(64 * 9), org.assertj.core.data.Offset.offset(1e-9));
        List<double[]> bound = named(chart, "AM-GM bound").points();
        for (double[] chain : named(chart, "strict chains").points()) {
            double atL = bound.stream().filter(b -> b[0] == chain[0]).findFirst().orElseThrow()[1];
            assertThat(chain[1]).isGreaterThanOrEqualTo(atL - 1e-6);
        }
        assertThat(named(chart, "strict chains").points()).hasSize(designs.size());
    }
}
