package org.igclab.analyzer.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SearchQualityTest {

    private static double hypervolume(List<Told> told, double[] ideal, double[] nadir) {
        List<double[]> points = told.stream().filter(Told::isFeasible).map(Told::objectives).collect(Collectors.toList());
        return Hypervolumes.of(SearchQuality.front(points), ideal, nadir);
    }

    /**
     * NSGA-II improves on its initial population. The problem of {@link SamplersTest#analytic}: the hypervolume of
     * the first 20 evaluations (the random initial population) against that after 200. Over seeds 1..200 the
     * improvement was at least 0.065 for every seed (seed 86 the least; mean 0.165); the margin asserted is 0.03.
     */
    @Test
    void nsga2ImprovesOnItsInitialPopulation() {
        DesignAxes axes = new DesignAxes(List.of("x", "y"), new int[] {40, 40});
        Map<Long, Told> oracle = SamplersTest.analytic(axes);
        double[] ideal = {0, 0};
        double[] nadir = {40, 100};
        List<Told> found = SearchQuality.search(new Nsga2Sampler(axes, 2, 20, 11), oracle, 200);
        List<Told> initial = new ArrayList<>();
        int feasible = 0;
        for (Told t : found) {
            if (feasible == 20) {
                break;
            }
            initial.add(t);
            feasible += t.isFeasible() ? 1 : 0;
        }
        assertThat(hypervolume(found, ideal, nadir)).isGreaterThan(hypervolume(initial, ideal, nadir) + 0.03);
    }
}
