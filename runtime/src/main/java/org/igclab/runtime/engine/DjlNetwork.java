package org.igclab.runtime.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.ResolvedNetwork;

/**
 * Builds a DJL {@link Block} for a resolved network, one DJL block per operation of the network description,
 * and keeps which block came from which operation so counts can be compared layer by layer.
 *
 * <p>This is the network as designed, the one the analyzer counts and checkpoints hold; other executions of it
 * ({@code org.igclab.runtime.plan}) are built from its blocks and weights.
 */
public final class DjlNetwork {

    /** PyTorch's BatchNorm defaults (eps 1e-5; momentum 0.1, which DJL writes as the kept share 0.9). */
    public static final float BN_EPSILON = 1e-5f;
    public static final float BN_MOMENTUM = 0.9f;

    /** A DJL block made for one operation. */
    public record Mapped(Layer.OpLayer layer, Block block) {
    }

    private final Block block;
    private final List<Mapped> mapped;
    private final Map<Layer.OpLayer, Block> byLayer = new ConcurrentHashMap<>();

    private DjlNetwork(Block block, List<Mapped> mapped) {
        this.block = block;
        this.mapped = List.copyOf(mapped);
        mapped.forEach(m -> byLayer.put(m.layer(), m.block()));
    }

    /** The network as designed: one DJL block per operation. */
    public static DjlNetwork build(ResolvedNetwork network) {
        List<Mapped> mapped = new ArrayList<>();
        Block block = new Builder(mapped, network.ops().get(network.ops().size() - 1)).layer(network.root());
        return new DjlNetwork(block, mapped);
    }

    public Block block() {
        return block;
    }

    /** The operations and their blocks in execution order. */
    public List<Mapped> mapped() {
        return mapped;
    }

    /** The block made for an operation. */
    public Block blockOf(Layer.OpLayer op) {
        return byLayer.computeIfAbsent(op, o -> mapped.stream().filter(m -> m.layer().equals(o)).findFirst().map(Mapped::block)
                .orElseThrow(() -> new IllegalArgumentException("no block for " + o.path())));
    }

    /**
     * Whether global pooling at {@code layer} flattens to {@code (N, C)}: as the network's last operation, the output
     * classifiers expect; elsewhere it keeps {@code (N, C, 1, 1)} for what follows (a squeeze-and-excitation's convolution;
     * a fully connected layer flattens its input anyway).
     */
    public static boolean flattens(Layer.OpLayer layer, Layer.OpLayer last) {
        return layer.op() instanceof Op.GlobalAvgPool && layer.equals(last);
    }

    private static final class Builder extends BlockTree {
        private final List<Mapped> mapped;
        private final Layer.OpLayer last;

        Builder(List<Mapped> mapped, Layer.OpLayer last) {
            this.mapped = mapped;
            this.last = last;
        }

        @Override
        public Block op(Layer.OpLayer op) {
            if (op.op() instanceof Op.Unknown u) {
                throw u.refusal(op.path());
            }
            Block b = op.op() instanceof Op.GlobalAvgPool && !flattens(op, last)
                    ? LambdaBlock.singleton(x -> Pool.globalAvgPool2d(x).reshape(x.getShape().get(0), x.getShape().get(1), 1, 1), "gap")
                    : op.op().accept(new OpBlocks());
            mapped.add(new Mapped(op, b));
            return b;
        }

    }

    /** One DJL block per operation. */
    private static final class OpBlocks implements Op.Visitor<Block> {
        @Override
        public Block conv(Op.Conv c) {
            return DjlNetwork.conv(c);
        }

        @Override
        public Block shuffle(Op.Shuffle sh) {
            int g = sh.groups();
            return LambdaBlock.singleton(x -> {
                Shape shape = x.getShape();
                long n = shape.get(0);
                long ch = shape.get(1);
                long h = shape.get(2);
                long w = shape.get(3);
                return x.reshape(n, g, ch / g, h, w).transpose(0, 2, 1, 3, 4).reshape(n, ch, h, w);
            }, "shuffle");
        }

        @Override
        public Block permute(Op.Permute p) {
            long[] source = java.util.Arrays.stream(p.permutation().toArray()).asLongStream().toArray();
            return LambdaBlock.singleton(x -> {
                try (NDArray index = x.getManager().create(source)) {
                    return x.get(new NDIndex(":, {}", index));
                }
            }, "permute");
        }

        @Override
        public Block batchNorm(Op.BatchNorm b) {
            return BatchNorm.builder().optEpsilon(BN_EPSILON).optMomentum(BN_MOMENTUM).build();
        }

        @Override
        public Block activation(Op.Activation a) {
            return switch (a.kind()) {
                case RELU -> Activation.reluBlock();
                case RELU6 -> Activation.relu6Block();
                case HARDSWISH -> LambdaBlock.singleton(x -> x.mul(hardSigmoid(x)), "hardswish");
                case HARDSIGMOID -> LambdaBlock.singleton(DjlNetwork::hardSigmoid, "hardsigmoid");
                case SIGMOID -> Activation.sigmoidBlock();
            };
        }

        @Override
        public Block pool(Op.Pool p) {
            Shape k = new Shape(p.kernel(), p.kernel());
            Shape st = new Shape(p.stride(), p.stride());
            Shape pad = new Shape(p.padding(), p.padding());
            return p.max() ? Pool.maxPool2dBlock(k, st, pad) : Pool.avgPool2dBlock(k, st, pad, false, true);
        }

        @Override
        public Block globalAvgPool(Op.GlobalAvgPool g) {
            return Pool.globalAvgPool2dBlock();
        }

        @Override
        public Block linear(Op.Linear l) {
            SequentialBlock seq = new SequentialBlock();
            seq.add(Blocks.batchFlattenBlock());
            seq.add(Linear.builder().setUnits(l.outFeatures()).optBias(l.bias()).build());
            return seq;
        }

        @Override
        public Block identity(Op.Identity i) {
            return Blocks.identityBlock();
        }

        @Override
        public Block unknown(Op.Unknown u) {
            throw u.refusal("");
        }
    }

    /** PyTorch's {@code hardsigmoid(x) = relu6(x + 3) / 6}, which DJL does not have as a block. */
    private static NDArray hardSigmoid(NDArray x) {
        return x.add(3f).clip(0f, 6f).div(6f);
    }

    private static Block conv(Op.Conv c) {
        return Conv2d.builder()
                .setKernelShape(new Shape(c.kernel(), c.kernel()))
                .setFilters(c.outChannels())
                .optStride(new Shape(c.stride(), c.stride()))
                .optPadding(new Shape(c.padding(), c.padding()))
                .optGroups(c.groups())
                .optDilation(new Shape(c.dilation(), c.dilation()))
                .optBias(c.bias())
                .build();
    }
}
