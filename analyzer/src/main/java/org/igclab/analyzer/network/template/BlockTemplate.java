package org.igclab.analyzer.network.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.igclab.analyzer.network.LayerSpec;
import org.igclab.analyzer.network.TensorShape;

/**
 * A block family that expands into primitive layers once its input shape is known, and that knows its
 * own closed-form parameter and MAC formulas (derived independently of the expansion, so each checks
 * the other). Errors use the template's field names; the caller adds the block's path.
 */
public sealed interface BlockTemplate
        permits PlainConvBlock, DepthwiseSeparableBlock, Igcv1Block, Igcv2Block, ResNetBasicBlock, ResNetBottleneckBlock,
        InvertedResidualBlock, SqueezeExcitationBlock, ShuffleUnitBlock {

    /** The file's name for the template ({@code igcv1}, {@code resnet-basic}, ...). */
    String type();

    /** A short human name on this input, e.g. {@code IGCV1 L24M2}. */
    String label(TensorShape in);

    /** The primitive layers, with paths under {@code path}. */
    LayerSpec expand(String path, TensorShape in);

    /** The closed-form counts with the numbers substituted. */
    BlockFormula formula(TensorShape in);

    /**
     * The block's product of structured sparse kernels as a chain, for the complementary and balance conditions,
     * when the block is one (IGCV1, IGCV2, depthwise-separable); empty otherwise.
     */
    default java.util.Optional<org.igclab.rules.model.KernelChain> chain(TensorShape in) {
        return java.util.Optional.empty();
    }

    /**
     * Every chain of structured sparse kernels in the block, for blocks that hold more than one (a ResNet basic block
     * made of IGC pairs); the block's {@link #chain} when it is one.
     */
    default java.util.List<org.igclab.rules.model.KernelChain> chains(TensorShape in) {
        return chain(in).map(java.util.List::of).orElse(java.util.List.of());
    }

    /** The template's fields, {@code type} included, as written in a network file. */
    ObjectNode toJson();
}
