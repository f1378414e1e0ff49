package org.igclab.runtime.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.ChainOps;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.rules.model.KernelChain;

/**
 * Builds a DJL {@link Block} for a resolved network, one DJL block per operation of the network description,
 * and keeps which block came from which operation so counts can be compared layer by layer.
 *
 * <p>{@link Execution#DENSE} multiplies each chain of kernels that has nothing nonlinear between them into one
 * dense convolution of the first kernel's size, which can compute every function the chain can, for measuring whether
 * structured sparsity pays on the machine at hand (measured here: see src/site/markdown/benchmarks.md).
 */
public final class DjlNetwork {

    /** PyTorch's BatchNorm defaults (eps 1e-5; momentum 0.1, which DJL writes as the kept share 0.9). */
    public static final float BN_EPSILON = 1e-5f;
    public static final float BN_MOMENTUM = 0.9f;

    /** How a block's chain of kernels is executed. */
    public enum Execution {
        /** As the sparse kernels and permutations the design describes. */
        SPARSE,
        /** Multiplied out into one dense convolution wherever nothing nonlinear sits between the kernels. */
        DENSE
    }

    /** A DJL block made for one operation. */
    public record Mapped(Layer.OpLayer layer, Block block) {
    }

    private final Block block;
    private final List<Mapped> mapped;

    private DjlNetwork(Block block, List<Mapped> mapped) {
        this.block = block;
        this.mapped = List.copyOf(mapped);
    }

    public static DjlNetwork build(ResolvedNetwork network, Execution execution) {
        List<Mapped> mapped = new ArrayList<>();
        Block block = new Builder(execution, mapped, network.ops().get(network.ops().size() - 1)).layer(network.root());
        return new DjlNetwork(block, mapped);
    }

    public Block block() {
        return block;
    }

    /** The operations and their blocks in execution order (in dense execution, only the operations kept as they are). */
    public List<Mapped> mapped() {
        return mapped;
    }

    /**
     * Whether global pooling at {@code layer} flattens to {@code (N, C)}: as the network's last operation, the output
     * classifiers expect; elsewhere it keeps {@code (N, C, 1, 1)} for what follows (a squeeze-and-excitation's convolution;
     * a fully connected layer flattens its input anyway).
     */
    public static boolean flattens(Layer.OpLayer layer, Layer.OpLayer last) {
        return layer.op() instanceof Op.GlobalAvgPool && layer.equals(last);
    }

    private record Builder(Execution execution, List<Mapped> mapped, Layer.OpLayer last) implements Layer.Visitor<Block> {

        Block layer(Layer layer) {
            return layer.accept(this);
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

        @Override
        public Block block(Layer.BlockLayer b) {
            Optional<KernelChain> chain = execution == Execution.DENSE ? b.template().chain(b.in()) : Optional.empty();
            List<Layer> layers = b.body().children();
            int run = chain.map(c -> ChainOps.prefixLength(layers, c)).orElse(0);
            if (run < 2) {
                return layer(b.body());
            }
            // the chain's kernels and permutations, multiplied into one dense convolution; what follows is kept
            SequentialBlock seq = new SequentialBlock();
            seq.add(conv(ChainOps.multipliedOut(chain.get())));
            for (Layer rest : layers.subList(run, layers.size())) {
                seq.add(layer(rest));
            }
            return seq;
        }

        @Override
        public Block sequence(Layer.SequenceLayer s) {
            SequentialBlock seq = new SequentialBlock();
            s.layers().forEach(l -> seq.add(layer(l)));
            return seq;
        }

        @Override
        public Block residual(Layer.ResidualLayer r) {
            Block body = layer(r.body());
            Block shortcut = r.shortcut().map(this::layer).orElse(Blocks.identityBlock());
            return new ParallelBlock(list -> new NDList(list.get(0).singletonOrThrow().add(list.get(1).singletonOrThrow())),
                    List.of(body, shortcut));
        }

        @Override
        public Block mul(Layer.MulLayer m) {
            Block body = layer(m.body());
            Block other = m.other().map(this::layer).orElse(Blocks.identityBlock());
            // NDArray.mul broadcasts a C x 1 x 1 factor over the positions, as PyTorch does
            return new ParallelBlock(list -> new NDList(list.get(0).singletonOrThrow().mul(list.get(1).singletonOrThrow())),
                    List.of(body, other));
        }

        @Override
        public Block concat(Layer.ConcatLayer c) {
            return new ParallelBlock(DjlNetwork::concatChannels, c.branches().stream().map(this::layer).toList());
        }

        @Override
        public Block split(Layer.SplitLayer s) {
            List<Block> branches = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < s.branches().size(); i++) {
                int from = start;
                int to = start + s.sizes().get(i);
                SequentialBlock branch = new SequentialBlock();
                branch.add(LambdaBlock.singleton(x -> x.get(new NDIndex(":, {}:{}", from, to)), "split"));
                branch.add(layer(s.branches().get(i)));
                branches.add(branch);
                start = to;
            }
            return new ParallelBlock(DjlNetwork::concatChannels, branches);
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

    private static NDList concatChannels(List<NDList> outputs) {
        NDList all = new NDList();
        outputs.forEach(o -> all.add(o.singletonOrThrow()));
        return new NDList(NDArrays.concat(all, 1));
    }
}
