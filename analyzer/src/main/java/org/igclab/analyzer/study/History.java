package org.igclab.analyzer.study;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a study has learned, in the order it learned it: what a sampler is asked from. Samplers are pure
 * functions of their settings and this history, so a study resumed in another process asks exactly what it would
 * have asked had it never stopped.
 *
 * @param told one entry per design tried
 */
public record History(List<Told> told) {
    public static final History EMPTY = new History(List.of());

    public History {
        told = List.copyOf(told);
    }

    /** The designs tried, with what was learned of each. */
    public Map<Long, Told> byDesign() {
        Map<Long, Told> m = new HashMap<>();
        told.forEach(t -> m.put(t.design(), t));
        return m;
    }

    public Set<Long> designs() {
        return byDesign().keySet();
    }

    public History plus(List<Told> more) {
        List<Told> all = new java.util.ArrayList<>(told);
        all.addAll(more);
        return new History(all);
    }
}
