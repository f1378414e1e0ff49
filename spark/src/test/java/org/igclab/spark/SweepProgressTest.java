package org.igclab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("spark")
class SweepProgressTest {

    private static final List<SweepProgress.Executor> TWO = List.of(new SweepProgress.Executor("0", "10.0.0.7", 2, 1, 0, false),
            new SweepProgress.Executor("1", "10.0.0.8", 1, 0, 1, true));

    @Test
    void timeLeftIsTheRemainingDesignsAtTheRateSoFar() {
        // 4 of 10 finished in 60 s: 6 more take 90 s
        SweepProgress p = new SweepProgress(10, 3, 1, 2, 0, TWO, 60);
        assertThat(p.etaSeconds()).hasValue(90.0);
        assertThat(p.counts()).isEqualTo("3 of 10 done, 2 running, 1 failed; about 1:30 left");
    }

    @Test
    void timeLeftIsUnknownBeforeTheFirstDesign() {
        SweepProgress p = new SweepProgress(10, 0, 0, 2, 0, TWO, 30);
        assertThat(p.etaSeconds()).isEmpty();
        assertThat(p.counts()).endsWith("time left known after the first design");
        assertThat(new SweepProgress(10, 0, 0, 0, 0, List.of(), Double.NaN).etaSeconds()).isEmpty();
    }

    @Test
    void theLineGivesEveryExecutorsShareAndLostAttempts() {
        SweepProgress p = new SweepProgress(10, 3, 1, 1, 2, TWO, 60);
        assertThat(p.line()).isEqualTo("spark: 3 of 10 done, 1 running, 1 failed, 2 attempts lost and run again; about 1:30 left; "
                + "executor 0 (10.0.0.7) 2 done 1 running; executor 1 (10.0.0.8) lost, 1 done 0 running 1 failed");
    }

    @Test
    void clockShowsHoursOnlyWhenThereAreSome() {
        assertThat(SweepProgress.clock(42)).isEqualTo("0:42");
        assertThat(SweepProgress.clock(3_909)).isEqualTo("1:05:09");
    }
}
