package org.igclab.analyzer.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.igclab.rules.io.JsonFields;

/**
 * Network generators for the reference skeletons of IGCV1's released code, so a whole family is a few numbers.
 *
 * <p>{@code cifar} (IGCV1's released CIFAR code): 3x3 conv stem to {@code C} channels + BN + ReLU; three stages of
 * {@code (D - 2) / 3} blocks of widths {@code C, 2C, 4C}, stride 2 in the first block of stages 2 and 3; global
 * average pool; fully connected. The block is any template; its {@code out} and {@code stride} are filled in.
 */
public final class Skeletons {
    private Skeletons() {
    }

    static Network generate(String name, JsonFields f) {
        return CifarSkeleton.read(f).network(name);
    }

    /** The CIFAR skeleton with a block template written as JSON (without {@code out} and {@code stride}). */
    public static Network cifar(String name, TensorShape input, int width, int depth, int classes, ObjectNode block, String blockPath) {
        return new CifarSkeleton(input, width, depth, classes, new CifarSkeleton.Written(block, blockPath)).network(name);
    }
}
