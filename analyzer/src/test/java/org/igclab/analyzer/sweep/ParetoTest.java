package org.igclab.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ParetoTest {

    /** The definition, {@code O(n^2)}: on the front when nothing dominates it. */
    static BitSet bruteForce(double[][] points) {
        BitSet front = new BitSet();
        for (int i = 0; i < points.length; i++) {
            boolean dominated = false;
            for (int j = 0; j < points.length && !dominated; j++) {
                dominated = j != i && Pareto.dominates(worstNaN(points[j]), worstNaN(points[i]));
            }
            if (!dominated) {
                front.set(i);
            }
        }
        return front;
    }

    private static double[] worstNaN(double[] p) {
        double[] q = p.clone();
        for (int d = 0; d < q.length; d++) {
            q[d] = Double.isNaN(q[d]) ? Double.POSITIVE_INFINITY : q[d];
        }
        return q;
    }

    @Provide
    Arbitrary<double[][]> points() {
        // few distinct values so that ties and duplicates are common; NaN now and then
        Arbitrary<Double> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.integers().between(0, 6).map(i -> (double) i)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Double.NaN)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(-0.0)));
        return Arbitraries.integers().between(1, 5).flatMap(dims ->
                value.array(double[].class).ofSize(dims).array(double[][].class).ofMinSize(0).ofMaxSize(40));
    }

    @Property(tries = 400)
    void frontIsExactlyTheUndominatedPoints(@ForAll("points") double[][] points) {
        assertThat(Pareto.front(points)).isEqualTo(bruteForce(points));
    }

    @Test
    void twoObjectivesWithTiesAndDuplicates() {
        double[][] p = {{1, 5}, {2, 3}, {2, 3}, {2, 4}, {3, 3}, {4, 1}, {1, 5}, {5, 0}, {5, 0.5}};
        BitSet front = Pareto.front(p);
        assertThat(front.stream().toArray()).containsExactly(0, 1, 2, 5, 6, 7);
    }

    @Test
    void objectivesAreValidatedAndMayBeMaximized() {
        List<Objective> o = Objective.parseList("params, width:max,macs:min", List.of("width", "depth"));
        assertThat(o).containsExactly(new Objective("params", false), new Objective("width", true), new Objective("macs", false));
        assertThatThrownBy(() -> Objective.parseList("params,speed", List.of("width")))
                .hasMessage("'speed' is not an objective (known: params, macs, activations, peak_activation, traffic, imbalance, latency_pred, "
                        + Objective.MEASURED_NAMES + ", width; add :max to maximize)");
        assertThat(Objective.parseList("latency_b8,latency_b1", List.of())).extracting(x -> x.latencyBatch().getAsInt()).containsExactly(8, 1);
        assertThatThrownBy(() -> Objective.parseList("latency_b0", List.of())).hasMessageContaining("'latency_b0' is not an objective");
        assertThatThrownBy(() -> Objective.parseList("latency_b", List.of())).hasMessageContaining("'latency_b' is not an objective");
        assertThatThrownBy(() -> Objective.parseList("params:up", List.of())).hasMessageContaining("must be min or max");
        assertThatThrownBy(() -> Objective.parseList("params,params:max", List.of())).hasMessageContaining("named twice");
        assertThatThrownBy(() -> Objective.parseList("params,", List.of())).hasMessageContaining("is not an objective");
    }

    @Test
    void sweepFrontMaximizesWhatItIsTold() {
        Space s = SpaceJsonTest.cifar("{\"type\": \"dwsep\"}", "\"grid\": {\"width\": [8, 16, 32], \"depth\": [5, 8]}");
        Sweep sweep = Sweep.run(s, org.igclab.analyzer.ProgressListener.NONE);
        // fewest parameters alone: the smallest network
        assertThat(Objective.front(sweep, List.of(new Objective("params", false))).stream().toArray()).containsExactly(0);
        // parameters against width: the shallow network of each width
        BitSet front = Objective.front(sweep, Objective.parseList("params,width:max", Objective.numericVariables(s.grid())));
        assertThat(front.stream().toArray()).containsExactly(0, 2, 4);
    }
}
