package org.igclab.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;

/** The project's sample designs, for tests that must hold for every one of them. */
public final class Samples {
    /** Input side for bare chains: small, so that every sample instantiates quickly. */
    public static final int CHAIN_SIDE = 8;

    private Samples() {
    }

    public static Stream<Path> all() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String folder : new String[] {"networks", "chains"}) {
            try (Stream<Path> files = Files.list(Path.of("..", "samples", folder))) {
                files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(all::add);
            }
        }
        return all.stream();
    }

    /** The network a sample describes: a network as written, a chain on a small input. */
    public static ResolvedNetwork network(Design design) {
        return ShapeInference.resolve(design.network(CHAIN_SIDE));
    }

    public static ResolvedNetwork network(Path sample) throws IOException {
        return network(DesignFiles.read(sample));
    }
}
