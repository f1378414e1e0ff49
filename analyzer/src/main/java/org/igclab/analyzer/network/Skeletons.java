package org.igclab.analyzer.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.igclab.analyzer.network.template.BlockTemplate;
import org.igclab.analyzer.network.template.Templates;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;

/**
 * Network generators for the reference skeletons of IGCV1's released code, so a whole family is a few numbers.
 *
 * <p>{@code cifar} (IGCV1's released CIFAR code): 3x3 conv stem to {@code C} channels + BN + ReLU; three stages of
 * {@code (D - 2) / 3} blocks of widths {@code C, 2C, 4C}, stride 2 in the first block of stages 2 and 3; global
 * average pool; fully connected. The block is any template; its {@code out} and {@code stride} are filled in.
 */
public final class Skeletons {
    private static final Set<String> CIFAR = Set.of("type", "block", "width", "depth", "classes", "resolution", "inputChannels");

    private Skeletons() {
    }

    static Network generate(String name, JsonFields f) {
        String type = f.requiredString("type");
        if (!type.equals("cifar")) {
            throw new InvalidDesignException(f.pathOf("type"), "= \"" + type + "\" is not a skeleton (known: cifar)");
        }
        f.allowOnly(CIFAR);
        int width = f.requiredInt("width");
        int depth = f.requiredInt("depth");
        int classes = f.optionalInt("classes", 10);
        int resolution = f.optionalInt("resolution", 32);
        int inputChannels = f.optionalInt("inputChannels", 3);
        InvalidDesignException.requirePositive(f.pathOf("width"), width);
        InvalidDesignException.requirePositive(f.pathOf("classes"), classes);
        InvalidDesignException.requirePositive(f.pathOf("resolution"), resolution);
        InvalidDesignException.requirePositive(f.pathOf("inputChannels"), inputChannels);
        if (4L * width > Integer.MAX_VALUE) {
            throw new InvalidDesignException(f.pathOf("width"), "= " + width + " is too large: the last stage's 4 * width channels do not fit");
        }
        if (depth < 5 || (depth - 2) % 3 != 0) {
            throw new InvalidDesignException(f.pathOf("depth"), "= " + depth + " must be 2 more than a positive multiple of 3 (5, 8, ..., 20, ..., 38)");
        }
        JsonFields block = f.object("block");
        for (String set : List.of("out", "stride")) {
            if (block.has(set)) {
                throw new InvalidDesignException(block.pathOf(set), "is set by the skeleton (widths C, 2C, 4C; stride 2 where a stage starts)");
            }
        }
        String blockType = block.requiredString("type");
        if (!Templates.isTemplate(blockType)) {
            throw new InvalidDesignException(block.pathOf("type"), "= \"" + blockType + "\" is not a block template (known: "
                    + String.join(", ", Templates.names()) + ")");
        }
        return cifar(name, new TensorShape(inputChannels, resolution, resolution), width, depth, classes, (ObjectNode) block.node(), block.path());
    }

    /** The CIFAR skeleton with a block template written as JSON (without {@code out} and {@code stride}). */
    public static Network cifar(String name, TensorShape input, int width, int depth, int classes, ObjectNode block, String blockPath) {
        if (4L * width > Integer.MAX_VALUE) {
            throw new InvalidDesignException("width", "= " + width + " is too large: the last stage's 4 * width channels do not fit");
        }
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec.OpSpec("stem[0]", Op.Conv.same(width, 3, 1, 1)));
        layers.add(new LayerSpec.OpSpec("stem[1]", new Op.BatchNorm()));
        layers.add(new LayerSpec.OpSpec("stem[2]", new Op.Activation(Op.Activation.Kind.RELU)));
        int perStage = (depth - 2) / 3;
        for (int s = 0; s < 3; s++) {
            // a stage's blocks after its first are alike: one template serves them (sweeps build many deep networks)
            int out = Math.multiplyExact(width, 1 << s);
            BlockTemplate first = block(block, blockPath, out, s > 0 ? 2 : 1);
            BlockTemplate rest = s == 0 || perStage == 1 ? first : block(block, blockPath, out, 1);
            for (int b = 0; b < perStage; b++) {
                layers.add(new LayerSpec.BlockSpec("stages[" + s + "].blocks[" + b + "]", b == 0 ? first : rest));
            }
        }
        layers.add(new LayerSpec.OpSpec("head[0]", new Op.GlobalAvgPool()));
        layers.add(new LayerSpec.OpSpec("head[1]", new Op.Linear(classes, true)));
        return new Network(name, input, layers);
    }

    private static BlockTemplate block(ObjectNode block, String blockPath, int out, int stride) {
        ObjectNode node = block.deepCopy();
        node.put("out", out);
        node.put("stride", stride);
        return Templates.parse(node.get("type").asText(), JsonFields.of(node, blockPath));
    }
}
