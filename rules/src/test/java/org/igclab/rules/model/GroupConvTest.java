package org.igclab.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igclab.rules.testing.Invalid.rejects;

import org.junit.jupiter.api.Test;

class GroupConvTest {

    @Test
    void connectivityOfAGroupConvolution() {
        // 8 channels, 4 groups: K = 2; output 5 is in group 2 and reads inputs 4 and 5 only
        GroupConv k = GroupConv.of(8, 4, 3);
        assertThat(k.groupSize()).isEqualTo(2);
        assertThat(k.outPerGroup()).isEqualTo(2);
        assertThat(k.groupOfOutput(5)).isEqualTo(2);
        assertThat(k.connects(5, 4)).isTrue();
        assertThat(k.connects(5, 5)).isTrue();
        assertThat(k.connects(5, 3)).isFalse();
        assertThat(k.connects(5, 6)).isFalse();
        assertThat(k.kernelArea()).isEqualTo(9);
        // 8 outputs * 2 inputs * 9 taps
        assertThat(k.weightCount()).isEqualTo(144);
    }

    @Test
    void widthChangingGroupConvolution() {
        // 6 -> 12 with 3 groups: each output reads 2 inputs, each group has 4 outputs; output 7 is in group 1
        GroupConv k = new GroupConv(6, 12, 3, 1, 1);
        assertThat(k.groupSize()).isEqualTo(2);
        assertThat(k.outPerGroup()).isEqualTo(4);
        assertThat(k.groupOfOutput(7)).isEqualTo(1);
        assertThat(k.connects(7, 2)).isTrue();
        assertThat(k.connects(7, 3)).isTrue();
        assertThat(k.connects(7, 1)).isFalse();
        assertThat(k.weightCount()).isEqualTo(24);
    }

    @Test
    void channelWiseAndDense() {
        GroupConv depthwise = GroupConv.withGroupSize(64, 1, 3);
        assertThat(depthwise.groups()).isEqualTo(64);
        assertThat(depthwise.isChannelWise()).isTrue();
        assertThat(depthwise.isDense()).isFalse();
        GroupConv dense = GroupConv.withGroupSize(64, 64, 1);
        assertThat(dense.groups()).isEqualTo(1);
        assertThat(dense.isDense()).isTrue();
        assertThat(dense.isChannelWise()).isFalse();
        assertThat(GroupConv.withGroupSize(64, 8, 1)).isEqualTo(new GroupConv(64, 64, 8, 1, 1));
    }

    @Test
    void invalidGroupConvolutions() {
        rejects(() -> GroupConv.of(64, 5, 1), "groups", "groups = 5 does not divide 64 input channels");
        rejects(() -> new GroupConv(64, 48, 32, 1, 1), "groups", "groups = 32 does not divide 48 output channels");
        rejects(() -> new GroupConv(0, 8, 1, 1, 1), "inChannels", "inChannels = 0 must be positive");
        rejects(() -> new GroupConv(8, -8, 1, 1, 1), "outChannels", "outChannels = -8 must be positive");
        rejects(() -> new GroupConv(8, 8, 0, 1, 1), "groups", "groups = 0 must be positive");
        rejects(() -> new GroupConv(8, 8, 1, 0, 1), "kernelSize", "kernelSize = 0 must be positive");
        rejects(() -> new GroupConv(8, 8, 1, 1, -1), "stride", "stride = -1 must be positive");
        rejects(() -> GroupConv.withGroupSize(64, 5, 1), "groupSize", "groupSize = 5 does not divide 64 channels");
        rejects(() -> GroupConv.withGroupSize(64, 0, 1), "groupSize", "groupSize = 0 must be positive");
    }
}
