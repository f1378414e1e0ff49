package org.igclab.analyzer.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;

/**
 * The one expansion of a chain of structured sparse kernels into operations: kernel {@code W_l} is a bias-free
 * convolution with "same" padding, the permutation after it ({@link KernelChain#permutationAfter}) a channel shuffle
 * when it is one, an explicit permutation otherwise, and nothing when it is the identity. Chain designs, the chain
 * blocks (IGCV1, IGCV2, depthwise-separable, ResNet's IGC pairs) and the dense execution all go through it, so a chain
 * is counted by the one cost model ({@link org.igclab.analyzer.network.cost.CostModel}).
 */
public final class ChainOps {

    private ChainOps() {
    }

    /** What a step of the expansion stands for. */
    public enum Role { KERNEL, PERMUTATION }

    /**
     * One operation of a chain's expansion.
     *
     * @param role  a kernel or the permutation after one
     * @param index {@code l}, from 0: kernel {@code W_(l+1)} or the permutation {@code P_(l+1)} that follows it
     * @param op    the operation
     */
    public record Step(Role role, int index, Op op) {
        /** {@code W1}, {@code P1}, ...: the names of the papers and of {@code igc check}. */
        public String name() {
            return (role == Role.KERNEL ? "W" : "P") + (index + 1);
        }
    }

    /** The chain's operations in execution order: each kernel, then the permutation after it unless that is the identity. */
    public static List<Step> expand(KernelChain chain) {
        List<Step> steps = new ArrayList<>(2 * chain.length());
        for (int l = 0; l < chain.length(); l++) {
            steps.add(new Step(Role.KERNEL, l, kernel(chain.kernel(l))));
            int index = l;
            chain.permutationAfter(l).flatMap(ChainOps::permutation).ifPresent(op -> steps.add(new Step(Role.PERMUTATION, index, op)));
        }
        return steps;
    }

    /** A kernel as a bias-free convolution with "same" padding. */
    public static Op.Conv kernel(GroupConv k) {
        return new Op.Conv(k.outChannels(), k.kernelSize(), k.stride(), k.kernelSize() / 2, k.groups(), false);
    }

    /** A permutation as a channel shuffle when it is one, an explicit permutation otherwise; empty for the identity. */
    public static Optional<Op> permutation(Permutation p) {
        if (p.isIdentity()) {
            return Optional.empty();
        }
        int rows = p.shuffleRows();
        return Optional.of(rows > 0 ? new Op.Shuffle(rows) : new Op.Permute(p));
    }

    /**
     * The chain multiplied out: one dense convolution of the first kernel's size and stride to the last kernel's
     * outputs, which can compute every function the chain can (the dense execution).
     */
    public static Op.Conv multipliedOut(KernelChain chain) {
        GroupConv first = chain.kernel(0);
        return new Op.Conv(chain.outChannels(), first.kernelSize(), first.stride(), first.kernelSize() / 2, 1, false);
    }

    /**
     * How many of the leading layers are the chain's expansion, step for step: its length when they are, 0 when they
     * are not (BN and ReLU between the kernels, say). This is where a block's chain sits among its operations.
     */
    public static int prefixLength(List<Layer> layers, KernelChain chain) {
        List<Step> steps = expand(chain);
        if (layers.size() < steps.size()) {
            return 0;
        }
        for (int i = 0; i < steps.size(); i++) {
            Layer layer = layers.get(i);
            // a leaf with the step's operation: composites have children, and an operation's only op is itself
            List<Op> ops = layer.ops().map(Layer.OpLayer::op).toList();
            if (!layer.children().isEmpty() || !ops.equals(List.of(steps.get(i).op()))) {
                return 0;
            }
        }
        return steps.size();
    }

    /** A chain as a network of its operations on a {@code C x side x side} input, the layers named {@code layers[i]}. */
    public static Network network(String name, KernelChain chain, int side) {
        List<LayerSpec> layers = new ArrayList<>();
        for (Step step : expand(chain)) {
            layers.add(new LayerSpec.OpSpec("layers[" + layers.size() + "]", step.op()));
        }
        return new Network(name, new TensorShape(chain.inChannels(), side, side), layers);
    }
}
