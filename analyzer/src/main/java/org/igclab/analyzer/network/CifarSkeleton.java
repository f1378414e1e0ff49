package org.igclab.analyzer.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.igclab.analyzer.network.template.BlockTemplate;
import org.igclab.analyzer.network.template.Igcv2Block;
import org.igclab.analyzer.network.template.Norm;
import org.igclab.analyzer.network.template.Templates;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;

/**
 * The CIFAR skeleton of IGCV1's released code as a value: 3x3 conv stem to {@code C} channels + BN + ReLU; three
 * stages of {@code (D - 2) / 3} blocks of widths {@code C, 2C, 4C}, stride 2 in the first block of stages 2 and 3;
 * global average pool; fully connected. {@link #withWidth} and {@link #withBlock} give the same network at another
 * width or with another block, which is how the explorer and {@code igc sweep} vary a skeleton file without copying
 * its JSON.
 *
 * @param input   the image shape
 * @param width   {@code C}, the first stage's width
 * @param depth   {@code D}: 2 more than a multiple of 3
 * @param classes outputs of the classifier
 * @param block   the block of every stage
 */
public record CifarSkeleton(TensorShape input, int width, int depth, int classes, StageBlock block) {
    static final Set<String> FIELDS = Set.of("type", "block", "width", "depth", "classes", "resolution", "inputChannels");

    /** How a stage's block is made at a stage width and stride. */
    public sealed interface StageBlock permits Written, Chain {
        /** The block of a stage of {@code out} channels, in a skeleton of first width {@code width}. */
        BlockTemplate at(int width, int out, int stride);
    }

    /** A block template as written in a file, less {@code out} and {@code stride}, which the skeleton fills in. */
    public record Written(ObjectNode json, String path) implements StageBlock {
        @Override
        public BlockTemplate at(int width, int out, int stride) {
            ObjectNode node = json.deepCopy();
            node.put("out", out);
            node.put("stride", stride);
            return Templates.parse(node.get("type").asText(), JsonFields.of(node, path));
        }
    }

    /**
     * An IGCV2 block whose group sizes multiply to the first stage's width. In the wider stages its last kernel takes the
     * extra factor ({@code K_L * 2}, {@code K_L * 4}), as the paper's rule lets its last kernel take what is left, so
     * every stage's chain multiplies to the width it reads; a stage's first block reads the narrower width (stride 2) and
     * doubles it in its last kernel ({@link Igcv2Block.Widen#LAST}), which keeps it strictly complementary.
     */
    public record Chain(List<Integer> groupSizes, int kernel, Norm norm) implements StageBlock {
        public Chain {
            groupSizes = List.copyOf(groupSizes);
        }

        @Override
        public BlockTemplate at(int width, int out, int stride) {
            int reads = stride > 1 ? out / 2 : out;
            List<Integer> sizes = new ArrayList<>(groupSizes);
            int last = sizes.size() - 1;
            sizes.set(last, sizes.get(last) * Math.max(1, reads / width));
            return new Igcv2Block(new Igcv2Block.GroupSizes(sizes), java.util.Optional.of(out), kernel, stride, norm,
                    Igcv2Block.Widen.LAST);
        }
    }

    public CifarSkeleton {
        InvalidDesignException.requirePositive("width", width);
        InvalidDesignException.requirePositive("classes", classes);
        if (4L * width > Integer.MAX_VALUE) {
            throw new InvalidDesignException("width", "= " + width + " is too large: the last stage's 4 * width channels do not fit");
        }
        if (depth < 5 || (depth - 2) % 3 != 0) {
            throw new InvalidDesignException("depth", "= " + depth + " must be 2 more than a positive multiple of 3 (5, 8, ..., 20, ..., 38)");
        }
    }

    /** The skeleton read from a network file's {@code skeleton} object; an error names the field. */
    public static CifarSkeleton read(JsonFields f) {
        String type = f.requiredString("type");
        if (!type.equals("cifar")) {
            throw new InvalidDesignException(f.pathOf("type"), "= \"" + type + "\" is not a skeleton (known: cifar)");
        }
        f.allowOnly(FIELDS);
        int width = f.requiredInt("width");
        int depth = f.requiredInt("depth");
        int classes = f.optionalInt("classes", 10);
        int resolution = f.optionalInt("resolution", 32);
        int inputChannels = f.optionalInt("inputChannels", 3);
        InvalidDesignException.requirePositive(f.pathOf("resolution"), resolution);
        InvalidDesignException.requirePositive(f.pathOf("inputChannels"), inputChannels);
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
        Written written = new Written((ObjectNode) block.node(), block.path());
        CifarSkeleton skeleton;
        try {
            skeleton = new CifarSkeleton(new TensorShape(inputChannels, resolution, resolution), width, depth, classes, written);
        } catch (InvalidDesignException e) {
            throw e.under(f.path());
        }
        return skeleton.withBlock(typed(written, width));
    }

    /**
     * An IGCV2 block written with group sizes that multiply to the width and {@code "widen": "last"} is a {@link Chain},
     * widened with the stages as the explorer widens its chains (a sweep of a width and group sizes thus costs the
     * networks the explorer shows); any other block stays as written.
     */
    private static StageBlock typed(Written written, int width) {
        if (written.at(width, width, 1) instanceof Igcv2Block b && b.recipe() instanceof Igcv2Block.GroupSizes g
                && b.widen() == Igcv2Block.Widen.LAST) {
            long product = 1;
            for (int k : g.sizes()) {
                product = Math.min((long) width + 1, product * k);
            }
            if (product == width) {
                return new Chain(g.sizes(), b.kernel(), b.norm());
            }
        }
        return written;
    }

    /** The same skeleton at another first width. */
    public CifarSkeleton withWidth(int c) {
        return new CifarSkeleton(input, c, depth, classes, block);
    }

    /** The same skeleton with another block in every stage. */
    public CifarSkeleton withBlock(StageBlock b) {
        return new CifarSkeleton(input, width, depth, classes, b);
    }

    /** The generated network. */
    public Network network(String name) {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec.OpSpec("stem[0]", Op.Conv.same(width, 3, 1, 1)));
        layers.add(new LayerSpec.OpSpec("stem[1]", new Op.BatchNorm()));
        layers.add(new LayerSpec.OpSpec("stem[2]", new Op.Activation(Op.Activation.Kind.RELU)));
        int perStage = (depth - 2) / 3;
        for (int s = 0; s < 3; s++) {
            // a stage's blocks after its first are alike: one template serves them (sweeps build many deep networks)
            int out = Math.multiplyExact(width, 1 << s);
            BlockTemplate first = block.at(width, out, s > 0 ? 2 : 1);
            BlockTemplate rest = s == 0 || perStage == 1 ? first : block.at(width, out, 1);
            for (int b = 0; b < perStage; b++) {
                layers.add(new LayerSpec.BlockSpec("stages[" + s + "].blocks[" + b + "]", b == 0 ? first : rest));
            }
        }
        layers.add(new LayerSpec.OpSpec("head[0]", new Op.GlobalAvgPool()));
        layers.add(new LayerSpec.OpSpec("head[1]", new Op.Linear(classes, true)));
        return new Network(name, input, layers);
    }
}
