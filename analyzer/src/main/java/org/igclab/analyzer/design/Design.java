package org.igclab.analyzer.design;

import org.igclab.analyzer.network.ChainOps;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.io.ChainDocument;

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

    /** The design as a network on a {@code side x side} input; a chain becomes its operations ({@link ChainOps#network}). */
    Network asNetwork(int side);

    /** The design as a network: a network on its own input, a chain on a {@code C x chainSide x chainSide} input. */
    Network network(int chainSide);

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of design. */
    interface Visitor<R> {
        R chain(ChainDesign design);

        R network(NetworkDesign design);
    }

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
            return ChainOps.network(name(), document.chain(), side);
        }

        @Override
        public Network network(int chainSide) {
            return asNetwork(chainSide);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.chain(this);
        }
    }

    record NetworkDesign(Network network) implements Design {
        @Override
        public String name() {
            return network.name();
        }

        @Override
        public Design withName(String name) {
            return new NetworkDesign(new Network(name, network.input(), network.layers(), network.labels()));
        }

        /** The network at another input side (same channels). */
        @Override
        public Network asNetwork(int side) {
            TensorShape in = network.input();
            return new Network(network.name(), new TensorShape(in.channels(), side, side), network.layers(), network.labels());
        }

        @Override
        public Network network(int chainSide) {
            return network;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.network(this);
        }
    }
}
