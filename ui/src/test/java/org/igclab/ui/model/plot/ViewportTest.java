package org.igclab.ui.model.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewportTest {

    @Test
    void aRangeKeepsEveryPointWhole() {
        Range r = Range.around(10, 20, 1, 1, false, true, false, false);
        assertThat(r.xLo()).isLessThan(10);
        assertThat(r.xHi()).isGreaterThan(20);
        // one value on a whole axis gets half a unit each side
        assertThat(r.yLo()).isEqualTo(0.5);
        assertThat(r.yHi()).isEqualTo(1.5);
        Range log = Range.around(3, 3, 0, 1, false, false, true, false);
        assertThat(log.width()).isEqualTo(1.0);
    }

    @Test
    void zoomKeepsThePointUnderThePointerAndPanMovesTheView() {
        Range r = new Range(0, 10, 0, 100);
        Range in = r.zoom(0.5, 0.2, 0.5);
        assertThat(in.width()).isEqualTo(5.0);
        // the point at 20% of the width stays at 20% of it
        assertThat(in.xLo() + 0.2 * in.width()).isCloseTo(2.0, within(1e-9));
        Range moved = r.pan(0.1, -0.5);
        assertThat(moved).isEqualTo(new Range(1, 11, -50, 50));
        assertThat(r.box(0.9, 0.1, 0.1, 0.3)).isEqualTo(new Range(1, 9, 10, 30));
    }

    @Test
    void aViewportResetsOnNewAxesAndKeepsAZoomOnTheSame() {
        Viewport v = new Viewport();
        List<Range> heard = new ArrayList<>();
        v.onChange(heard::add);
        Range all = new Range(0, 10, 0, 10);
        v.fit(all, "params-L");
        assertThat(v.zoomed()).isFalse();
        v.zoom(2, 0.5, 0.5);
        assertThat(v.zoomed()).isTrue();
        assertThat(v.view().width()).isCloseTo(10 / 1.44, within(1e-9));
        v.drag(0.5, 0);
        assertThat(v.view().xLo()).isLessThan(all.xLo() + 10 * (1 - 1 / 1.44) / 2);
        Range zoomed = v.view();
        v.fit(new Range(0, 12, 0, 12), "params-L");
        assertThat(v.view()).as("new points on the same axes keep the zoom").isEqualTo(zoomed);
        v.fit(new Range(0, 12, 0, 12), "params-MACs");
        assertThat(v.view()).as("other axes show everything").isEqualTo(new Range(0, 12, 0, 12));
        v.zoom(1, 0, 0);
        v.reset();
        assertThat(v.zoomed()).isFalse();
        assertThat(heard).hasSize(7);
    }
}
