package org.igclab.analyzer.cli;

import org.igclab.analyzer.chain.FirstKernel;

/** {@code channel-wise} (also {@code channelwise}, {@code depthwise}), {@code grouped} ({@code group}) or {@code any}. */
public final class FirstKernelConverter extends Choice<FirstKernel> {
    public FirstKernelConverter() {
        super(FirstKernel.values());
        alias("channelwise", FirstKernel.CHANNEL_WISE);
        alias("channel_wise", FirstKernel.CHANNEL_WISE);
        alias("depthwise", FirstKernel.CHANNEL_WISE);
        alias("group", FirstKernel.GROUPED);
    }
}
