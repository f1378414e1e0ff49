package org.igclab.analyzer.network.template;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;

/** The block templates by their file names. */
public final class Templates {
    private static final Map<String, Function<JsonFields, BlockTemplate>> PARSERS = Map.ofEntries(
            Map.entry(PlainConvBlock.TYPE, PlainConvBlock::parse),
            Map.entry(DepthwiseSeparableBlock.TYPE, DepthwiseSeparableBlock::parse),
            Map.entry(Igcv1Block.TYPE, Igcv1Block::parse),
            Map.entry(Igcv2Block.TYPE, Igcv2Block::parse),
            Map.entry(ResNetBasicBlock.TYPE, ResNetBasicBlock::parse),
            Map.entry(ResNetBottleneckBlock.TYPE, ResNetBottleneckBlock::parse),
            Map.entry(InvertedResidualBlock.TYPE, InvertedResidualBlock::parse),
            Map.entry(InvertedResidualBlock.V3, InvertedResidualBlock::parse),
            Map.entry(SqueezeExcitationBlock.TYPE, SqueezeExcitationBlock::parse),
            Map.entry(ShuffleUnitBlock.TYPE, ShuffleUnitBlock::parse));

    private Templates() {
    }

    public static boolean isTemplate(String type) {
        return PARSERS.containsKey(type);
    }

    public static TreeSet<String> names() {
        return new TreeSet<>(PARSERS.keySet());
    }

    /** Parses a template object whose {@code type} is known to be a template; errors carry the object's path. */
    public static BlockTemplate parse(String type, JsonFields f) {
        try {
            return PARSERS.get(type).apply(f);
        } catch (InvalidDesignException e) {
            // constructors name fields relative to the template; parsers already name them absolutely
            throw e.path().startsWith(f.path()) ? e : e.under(f.path());
        }
    }
}
