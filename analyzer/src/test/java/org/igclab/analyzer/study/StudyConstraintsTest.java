package org.igclab.analyzer.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.SpaceJson;
import org.igclab.analyzer.sweep.SweepRow;
import org.junit.jupiter.api.Test;

class StudyConstraintsTest {

    @Test
    void parsesTheSpaceFilesNames() {
        List<DesignConstraint> c = StudyConstraints.parse("maxParams=300000, complementary,balancedWithin=0.5,channelsMultipleOf=16");
        assertThat(StudyConstraints.written(c)).isEqualTo("maxParams=300000,complementary,balancedWithin=0.5,channelsMultipleOf=16");
        assertThat(StudyConstraints.parse("")).isEmpty();
    }

    @Test
    void badInputNamesTheConstraint() {
        assertThatThrownBy(() -> StudyConstraints.parse("maxParms=3")).hasMessageContaining("'maxParms' is not a constraint");
        assertThatThrownBy(() -> StudyConstraints.parse("maxParams=-3")).hasMessageContaining("maxParams=-3 must be positive");
        assertThatThrownBy(() -> StudyConstraints.parse("maxParams=x")).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> StudyConstraints.parse("complementary=1")).hasMessageContaining("takes no value");
        assertThatThrownBy(() -> StudyConstraints.parse("maxMacs")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> StudyConstraints.parse("maxMacs=5,maxMacs=6")).hasMessageContaining("given twice");
    }

    @Test
    void screeningIsTheFreeFirstFilterWithRelativeViolations() throws Exception {
        Space space = SpaceJson.read(Path.of("../samples/spaces/cifar-igcv2-grid.json"));
        Screening screening = new Screening(space, StudyConstraints.parse("maxParams=100000"));
        int checked = 0;
        for (long d = 0; d < space.size(); d++) {
            Screening.Screened s = screening.screen(d);
            if (s.row().status() == SweepRow.Status.INVALID) {
                assertThat(s.violation()).isEqualTo(Screening.INVALID);
                continue;
            }
            long params = s.row().figures().params();
            assertThat(s.feasible()).isEqualTo(params <= 100_000);
            if (!s.feasible()) {
                assertThat(s.violation()).isCloseTo(params / 100_000.0 - 1, org.assertj.core.api.Assertions.within(1e-9));
                assertThat(s.reason().orElseThrow()).contains("exceed maxParams 100,000");
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void aPredictedLatencyBudgetScreensByTheModelGiven() throws Exception {
        Space space = SpaceJson.read(Path.of("../samples/spaces/fashion-tiny.json"));
        // a model that prices every operation at 1 ms: a design's prediction is its count of operations and joins
        org.igclab.analyzer.latency.OpLatency perOp = p -> new org.igclab.analyzer.latency.Estimate(1, 0,
                org.igclab.analyzer.latency.Estimate.Basis.TIMED, 1);
        assertThat(StudyConstraints.written(StudyConstraints.parse("maxLatencyPred=40ms"))).isEqualTo("maxLatencyPred=40");
        Screening screening = new Screening(space, StudyConstraints.parse("maxLatencyPred=40"), perOp);
        int under = 0;
        for (long d = 0; d < space.size(); d++) {
            Screening.Screened s = screening.screen(d);
            double predicted = s.row().figures().latencyPredMs();
            assertThat(predicted).isEqualTo((double) org.igclab.analyzer.latency.LatencyPrediction.of(
                    org.igclab.analyzer.network.ShapeInference.resolve(space.network(space.grid().assignment(d))), perOp).rows().size());
            assertThat(s.feasible()).isEqualTo(predicted <= 40);
            under += s.feasible() ? 1 : 0;
            if (!s.feasible()) {
                assertThat(s.reason().orElseThrow()).contains("exceeds maxLatencyPred 40 ms");
            }
        }
        assertThat(under).as("the budget splits the space").isBetween(1, (int) space.size() - 1);
        // without a model, no design is taken to fit
        assertThat(new Screening(space, StudyConstraints.parse("maxLatencyPred=40")).screen(0).reason().orElseThrow())
                .contains("no latency predicted");
    }
}
