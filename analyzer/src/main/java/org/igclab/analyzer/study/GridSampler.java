package org.igclab.analyzer.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The designs in the order {@code igc sweep} lists them, skipping those already tried. */
public record GridSampler(long designs) implements Sampler {

    @Override
    public List<Long> ask(History history, int n) {
        Set<Long> tried = history.designs();
        List<Long> out = new ArrayList<>();
        for (long d = 0; d < designs && out.size() < n; d++) {
            if (!tried.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }
}
