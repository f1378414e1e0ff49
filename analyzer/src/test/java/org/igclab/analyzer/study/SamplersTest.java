package org.igclab.analyzer.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SamplersTest {

    @Test
    void gridAsksInSweepOrderSkippingWhatWasTried() {
        GridSampler grid = new GridSampler(10);
        assertThat(grid.ask(History.EMPTY, 4)).containsExactly(0L, 1L, 2L, 3L);
        History h = new History(List.of(Told.infeasible(0, 1), Told.feasible(2, new double[] {1})));
        assertThat(grid.ask(h, 3)).containsExactly(1L, 3L, 4L);
        assertThat(grid.ask(h, 100)).hasSize(8);
    }

    @Test
    void randomIsSeededAndNeverRepeats() {
        RandomSampler a = new RandomSampler(1000, 7);
        List<Long> first = a.ask(History.EMPTY, 1000);
        assertThat(first).hasSize(1000).doesNotHaveDuplicates().allMatch(d -> d >= 0 && d < 1000);
        assertThat(new RandomSampler(1000, 7).ask(History.EMPTY, 1000)).isEqualTo(first);
        assertThat(new RandomSampler(1000, 8).ask(History.EMPTY, 20)).isNotEqualTo(first.subList(0, 20));
        assertThat(first.subList(0, 20)).isNotEqualTo(LongStream.range(0, 20).boxed().toList());
        // asked in two halves with the first half told: the same order, no repeat
        History told = new History(first.subList(0, 300).stream().map(d -> Told.feasible(d, new double[] {d})).toList());
        assertThat(a.ask(told, 700)).isEqualTo(first.subList(300, 1000));
    }

    @Test
    void randomIsUniformEnough() {
        int[] firstDrawCounts = new int[10];
        for (long seed = 0; seed < 2000; seed++) {
            firstDrawCounts[(int) (long) new RandomSampler(10, seed).ask(History.EMPTY, 1).get(0)]++;
        }
        // 200 expected per design; 4 standard deviations is about 54
        assertThat(java.util.Arrays.stream(firstDrawCounts).boxed().toList()).allMatch(c -> Math.abs(c - 200) < 60);
    }

    @Test
    void randomWorksOnSpacesLargerThanAnInt() {
        RandomSampler big = new RandomSampler(20_000_000_000L, 3);
        assertThat(big.ask(History.EMPTY, 50)).hasSize(50).doesNotHaveDuplicates().allMatch(d -> d >= 0 && d < 20_000_000_000L);
    }

    @Test
    void axesMapIndicesToCoordinatesAndBack() {
        DesignAxes axes = new DesignAxes(List.of("list", "width", "K"), new int[] {2, 3, 4});
        assertThat(axes.designs()).isEqualTo(24);
        for (long d = 0; d < 24; d++) {
            assertThat(axes.index(axes.coordinates(d))).isEqualTo(d);
        }
        assertThat(axes.coordinates(23)).containsExactly(1, 2, 3);
        assertThat(axes.coordinates(4)).containsExactly(0, 1, 0);
    }

    /** Two objectives on a 40 x 40 grid: f1 = x, f2 = (39 - x) + |y - 20| * 3, feasible when x + y >= 10. */
    static Map<Long, Told> analytic(DesignAxes axes) {
        Map<Long, Told> oracle = new HashMap<>();
        for (long d = 0; d < axes.designs(); d++) {
            int[] c = axes.coordinates(d);
            int x = c[0];
            int y = c[1];
            oracle.put(d, x + y < 10 ? Told.infeasible(d, (10 - x - y) / 10.0)
                    : Told.feasible(d, new double[] {x, (39 - x) + Math.abs(y - 20) * 3}));
        }
        return oracle;
    }

    @Test
    void nsga2NeverRepeatsResumesExactlyAndIsSeeded() {
        DesignAxes axes = new DesignAxes(List.of("x", "y"), new int[] {40, 40});
        Map<Long, Told> oracle = analytic(axes);
        Nsga2Sampler nsga2 = new Nsga2Sampler(axes, 2, 10, 5);
        List<Told> straight = SearchQuality.search(nsga2, oracle, 80);
        List<Long> designs = straight.stream().map(Told::design).toList();
        assertThat(designs).doesNotHaveDuplicates();
        // resumed: the first 30 trials told, then asked again from a fresh sampler (another process)
        List<Told> resumed = new ArrayList<>(straight.subList(0, 30));
        History h = new History(resumed);
        while (resumed.size() < straight.size()) {
            List<Long> asked = new Nsga2Sampler(axes, 2, 10, 5).ask(h, 1);
            resumed.add(oracle.get(asked.get(0)));
            h = new History(resumed);
        }
        assertThat(resumed.stream().map(Told::design).toList()).isEqualTo(designs);
        assertThat(SearchQuality.search(new Nsga2Sampler(axes, 2, 10, 6), oracle, 80).stream().map(Told::design).toList())
                .isNotEqualTo(designs);
    }

    @Test
    void nsga2IsToldInfeasibleDesignsAndStillFindsFeasibleOnes() {
        DesignAxes axes = new DesignAxes(List.of("x", "y"), new int[] {40, 40});
        Map<Long, Told> oracle = analytic(axes);
        List<Told> found = SearchQuality.search(new Nsga2Sampler(axes, 2, 10, 1), oracle, 60);
        assertThat(found.stream().filter(Told::isFeasible).count()).isEqualTo(60);
        assertThat(new HashSet<>(found.stream().map(Told::design).toList())).hasSize(found.size());
    }

    @Test
    void nsga2AsksNothingOnceEveryDesignWasTried() {
        DesignAxes axes = new DesignAxes(List.of("x"), new int[] {6});
        History all = new History(LongStream.range(0, 6).mapToObj(d -> Told.feasible(d, new double[] {d, -d})).toList());
        assertThat(new Nsga2Sampler(axes, 2, 4, 1).ask(all, 5)).isEmpty();
    }
}
