package org.igclab.rules.io;

import java.util.List;

/**
 * Several chains kept together in one {@code igc-chains/1} file (see {@link ChainListJson}).
 *
 * @param name   a human name for the list; may be empty
 * @param chains the chains, in file order
 */
public record ChainList(String name, List<ChainDocument> chains) {
    public ChainList {
        name = name == null ? "" : name;
        chains = List.copyOf(chains);
    }
}
