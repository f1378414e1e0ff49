package org.igclab.rules.io;

import org.igclab.rules.model.KernelChain;

/**
 * A chain as a user writes it in a file: the chain and the name it goes by.
 *
 * @param name  a human name, e.g. {@code IGCV2 C=64 K=(1,8,8)}; may be empty
 * @param chain the chain
 */
public record ChainDocument(String name, KernelChain chain) {
    public ChainDocument {
        name = name == null ? "" : name;
    }
}
