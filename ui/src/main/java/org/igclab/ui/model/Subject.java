package org.igclab.ui.model;

import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.network.Network;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.model.KernelChain;

/**
 * What the detail pane describes: a chain (a row of the table, or a chain file the user opened, whose permutations
 * may be anything), and the network it is the block of under a template, if any.
 *
 * @param name       the design's name
 * @param chain      the chain
 * @param network    the template's network with the chain as its blocks, or null for the block alone
 * @param resolution input side for a bare chain's MACs
 * @param row        the table row, or null for an opened chain
 */
public record Subject(String name, KernelChain chain, Network network, int resolution, DesignRow row) {

    public static Subject of(DesignRow row, NetworkTemplate template, int resolution) {
        Design design = template.design(row.design().shape());
        Network network = design instanceof Design.NetworkDesign n ? n.network() : null;
        return new Subject(design.name(), row.design().shape().toChain(), network, resolution, row);
    }

    public static Subject opened(ChainDocument doc, int resolution) {
        return new Subject(doc.name().isEmpty() ? "opened chain" : doc.name(), doc.chain(), null, resolution, null);
    }

    /** The design as saved, exported and evaluated. */
    public Design design() {
        return network == null ? new Design.ChainDesign(new ChainDocument(name, chain)) : new Design.NetworkDesign(network);
    }
}
