package org.igclab.analyzer.network.template;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.igclab.analyzer.network.ChainOps;
import org.igclab.analyzer.network.LayerSpec;
import org.igclab.analyzer.network.Op;
import org.igclab.rules.model.KernelChain;

/** Builds the sequence a template expands into, naming each layer under the block's path. */
final class SpecBuilder {
    private final String path;
    private final List<LayerSpec> layers = new ArrayList<>();

    SpecBuilder(String path) {
        this.path = path;
    }

    String sub(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    SpecBuilder op(String name, Op op) {
        layers.add(new LayerSpec.OpSpec(sub(name), op));
        return this;
    }

    /** A bias-free convolution with "same" padding. */
    SpecBuilder conv(String name, int out, int kernel, int stride, int groups) {
        return op(name, Op.Conv.same(out, kernel, stride, groups));
    }

    SpecBuilder bn(String name) {
        return op(name, new Op.BatchNorm());
    }

    SpecBuilder relu(String name) {
        return op(name, new Op.Activation(Op.Activation.Kind.RELU));
    }

    SpecBuilder relu6(String name) {
        return op(name, new Op.Activation(Op.Activation.Kind.RELU6));
    }

    /** An activation named after its kind ({@code <prefix>_hardswish}), or nothing for none. */
    SpecBuilder activation(String prefix, java.util.Optional<Op.Activation.Kind> kind) {
        kind.ifPresent(k -> op(prefix.isEmpty() ? k.fileName() : prefix + "_" + k.fileName(), new Op.Activation(k)));
        return this;
    }

    /** A channel shuffle, left out when it is the identity (one group, or one channel per group). */
    SpecBuilder shuffle(String name, int groups, int channels) {
        if (groups > 1 && groups < channels) {
            op(name, new Op.Shuffle(groups));
        }
        return this;
    }

    /**
     * A chain's operations ({@link ChainOps#expand}), named {@code W1}, {@code P1}, ...; {@code afterKernel} adds what
     * follows kernel {@code l} before its permutation (BN and ReLU, where a template normalises every kernel).
     */
    SpecBuilder chain(KernelChain chain, IntConsumer afterKernel) {
        for (ChainOps.Step step : ChainOps.expand(chain)) {
            op(step.name(), step.op());
            if (step.role() == ChainOps.Role.KERNEL) {
                afterKernel.accept(step.index());
            }
        }
        return this;
    }

    SpecBuilder add(LayerSpec spec) {
        layers.add(spec);
        return this;
    }

    LayerSpec.SequenceSpec build() {
        return new LayerSpec.SequenceSpec(path, layers);
    }

    /** The layers as a sequence at a sub-path (a residual body, a branch). */
    LayerSpec.SequenceSpec build(String name) {
        return new LayerSpec.SequenceSpec(sub(name), layers);
    }
}
