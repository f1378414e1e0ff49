package org.igclab.ui.model.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void countsAreShortUpToExa() {
        assertThat(Ticks.shortNumber(950)).isEqualTo("950");
        assertThat(Ticks.shortNumber(1200)).isEqualTo("1.2k");
        assertThat(Ticks.shortNumber(35_000)).isEqualTo("35k");
        assertThat(Ticks.shortNumber(4_100_000)).isEqualTo("4.1M");
        assertThat(Ticks.shortNumber(2e9)).isEqualTo("2G");
        // a thousand G is a T, not "1000G"
        assertThat(Ticks.shortNumber(1e12)).isEqualTo("1T");
        assertThat(Ticks.shortNumber(999_999)).isEqualTo("1M");
        assertThat(Ticks.shortNumber(3e15)).isEqualTo("3P");
        assertThat(Ticks.shortNumber(0.25)).isEqualTo("0.25");
        assertThat(Ticks.shortNumber(0)).isEqualTo("0");
    }

    @Test
    void logTicksAreDecadesInsideTheRangeNotItsEnds() {
        // points from 1,344 to 36,864 with a margin: the range ends are not round, the ticks are
        List<Double> ticks = Ticks.major(3.05, 4.64, true, false);
        assertThat(ticks).allMatch(t -> t >= 3.05 && t <= 4.64);
        assertThat(ticks.stream().map(t -> Ticks.label(t, true)).toList()).contains("2k", "5k", "10k", "20k");
        assertThat(Ticks.major(2.7, 11.3, true, false).stream().map(t -> Ticks.label(t, true)).toList())
                .containsExactly("10k", "1M", "100M", "10G");
    }

    @Test
    void wholeAxesHaveWholeTicks() {
        assertThat(Ticks.major(0.5, 8.5, false, true)).containsExactly(2.0, 4.0, 6.0, 8.0);
        assertThat(Ticks.major(0.7, 3.3, false, true)).containsExactly(1.0, 2.0, 3.0);
        assertThat(Ticks.minor(0.5, 8.5, false, true)).isEmpty();
    }

    @Test
    void aLatencyAxisAroundOneMillisecondReadsInValues() {
        // log10 of 0.8 ms to 1.3 ms: less than a decade, so the ticks are round values of the milliseconds themselves
        List<String> labels = Ticks.major(Math.log10(0.8), Math.log10(1.3), true, false).stream().map(t -> Ticks.label(t, true)).toList();
        assertThat(labels).hasSizeGreaterThanOrEqualTo(2).allMatch(l -> l.matches("[0-9.]+"));
        assertThat(labels).contains("1");
    }

    @Property(tries = 300)
    void everyTickLiesInsideItsRangeAndTheyAscend(@ForAll @DoubleRange(min = -3, max = 15) double lo,
                                                  @ForAll @DoubleRange(min = 0.01, max = 12) double span, @ForAll boolean log) {
        double hi = lo + span;
        List<Double> major = Ticks.major(lo, hi, log, false);
        assertThat(major).isNotEmpty().allMatch(t -> t >= lo - 1e-9 && t <= hi + 1e-9).isSorted();
        assertThat(major.size()).isLessThanOrEqualTo(Ticks.TARGET + 3);
        assertThat(Ticks.minor(lo, hi, log, false)).allMatch(t -> t > lo && t < hi);
    }
}
