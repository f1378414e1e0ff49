package org.igclab.analyzer.cli;

import java.util.Locale;
import org.igclab.analyzer.chain.FirstKernel;
import picocli.CommandLine;

/** {@code channel-wise} (also {@code channelwise}, {@code depthwise}), {@code grouped} or {@code any}. */
final class FirstKernelConverter implements CommandLine.ITypeConverter<FirstKernel> {
    @Override
    public FirstKernel convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT).replace("_", "-")) {
            case "channel-wise", "channelwise", "depthwise" -> FirstKernel.CHANNEL_WISE;
            case "grouped", "group" -> FirstKernel.GROUPED;
            case "any" -> FirstKernel.ANY;
            default -> throw new CommandLine.TypeConversionException("'" + value + "' is not one of channel-wise, grouped, any");
        };
    }
}
