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
}
