package org.igclab.analyzer.design;

import java.util.ArrayList;
import java.util.List;
import org.igclab.analyzer.network.LayerSpec;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;

/** What a design file holds: a bare chain or a whole network. */
public sealed interface Design {

    String name();

    /** The same design under another name. */
    Design withName(String name);

    /** The design, named after {@code file} when it has no name of its own. */
    default Design namedAfter(java.nio.file.Path file) {
        if (!name().isEmpty() || file.getFileName() == null) {
            return this;
        }
        return withName(file.getFileName().toString().replaceFirst("\\.json$", ""));
    }

    /** The design as a network; a chain becomes its kernels and permutations on a {@code C x side x side} input. */
    Network asNetwork(int side);

    record ChainDesign(ChainDocument document) implements Design {
        @Override
        public String name() {
            return document.name();
        }

        @Override
        public Design withName(String name) {
            return new ChainDesign(new ChainDocument(name, document.chain()));
        }

        @Override
        public Network asNetwork(int side) {
            KernelChain chain = document.chain();
            List<LayerSpec> layers = new ArrayList<>();
            for (int l = 0; l < chain.length(); l++) {
                GroupConv k = chain.kernel(l);
                layers.add(new LayerSpec.OpSpec("layers[" + layers.size() + "]",
                        new Op.Conv(k.outChannels(), k.kernelSize(), k.stride(), k.kernelSize() / 2, k.groups(), false)));
                Permutation p = l + 1 < chain.length() ? chain.permutations().get(l) : chain.finalPermutation().orElse(null);
                if (p != null && !p.isIdentity()) {
                    int rows = p.shuffleRows();
                    layers.add(new LayerSpec.OpSpec("layers[" + layers.size() + "]", rows > 0 ? new Op.Shuffle(rows) : new Op.Permute(p)));
                }
            }
            return new Network(name(), new TensorShape(chain.inChannels(), side, side), layers);
        }
    }

    record NetworkDesign(Network network) implements Design {
        @Override
        public String name() {
            return network.name();
        }

        @Override
        public Design withName(String name) {
            return new NetworkDesign(new Network(name, network.input(), network.layers()));
        }

        /** The network at another input side (same channels). */
        @Override
        public Network asNetwork(int side) {
            TensorShape in = network.input();
            return new Network(network.name(), new TensorShape(in.channels(), side, side), network.layers());
        }
    }
}
