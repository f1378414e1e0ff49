package org.igclab.runtime.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The layout kept under {@code --layout auto}, from the whole network's medians in each (synthetic figures, no timing). */
class LayoutTest {
    private static final double NOT_TIMED = Double.POSITIVE_INFINITY;

    @Test
    void channelsLastIsKeptOnlyWhenStrictlyFaster() {
        assertThat(Layout.faster(10.0, 6.6)).isEqualTo(Layout.CHANNELS_LAST);
        assertThat(Layout.faster(6.6, 10.0)).isEqualTo(Layout.NCHW);
        assertThat(Layout.faster(10.0, 10.0)).as("a tie keeps the design's own layout").isEqualTo(Layout.NCHW);
    }

    @Test
    void aLayoutThatDidNotAgreeIsNeverKeptOverOneThatDid() {
        assertThat(Layout.faster(NOT_TIMED, 8.0)).isEqualTo(Layout.CHANNELS_LAST);
        assertThat(Layout.faster(8.0, NOT_TIMED)).isEqualTo(Layout.NCHW);
        assertThat(Layout.faster(NOT_TIMED, NOT_TIMED)).isEqualTo(Layout.NCHW);
    }

    @Test
    void theCommandLineNamesEachLayout() throws Exception {
        Layout.Names names = new Layout.Names();
        assertThat(names.convert("channels-last")).isEqualTo(Layout.CHANNELS_LAST);
        assertThat(names.convert("NCHW")).isEqualTo(Layout.NCHW);
        assertThat(names).containsExactly("nchw", "channels-last", "auto");
        assertThatThrownBy(() -> names.convert("nhwc")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("nhwc");
    }
}
