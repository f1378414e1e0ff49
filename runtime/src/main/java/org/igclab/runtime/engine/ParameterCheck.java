package org.igclab.runtime.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The instantiated network's parameters against the analyzer's, operation by operation.
 *
 * @param rows        every operation with both counts
 * @param analyzer    the analyzer's total
 * @param engine      the engine's total
 */
public record ParameterCheck(List<Row> rows, long analyzer, long engine) {

    /** One operation's counts. */
    public record Row(String path, String op, long analyzer, long engine) {
        public boolean agrees() {
            return analyzer == engine;
        }
    }

    public ParameterCheck {
        rows = List.copyOf(rows);
    }

    public boolean agrees() {
        return analyzer == engine && rows.stream().allMatch(Row::agrees);
    }

    /** The first operation whose counts differ. */
    public Optional<Row> firstDifference() {
        return rows.stream().filter(r -> !r.agrees()).findFirst();
    }

    /** Counts every mapped operation of an instantiation. */
    public static ParameterCheck of(Instantiation inst) {
        List<Row> rows = new ArrayList<>();
        long analyzer = 0;
        for (DjlNetwork.Mapped m : inst.djl().mapped()) {
            long a = m.layer().op().params(m.layer().in()).total();
            long e = Instantiation.trainableParameters(m.block());
            rows.add(new Row(m.layer().path(), m.layer().op().type().fileName(), a, e));
            analyzer += a;
        }
        // the whole block's count also catches parameters in blocks no operation accounts for
        return new ParameterCheck(rows, analyzer, Instantiation.trainableParameters(inst.block()));
    }

    /** {@code parameters agree: 11,689,512} or the first difference. */
    public String describe() {
        if (agrees()) {
            return String.format("parameters agree: analyzer %,d = engine %,d", analyzer, engine);
        }
        return firstDifference()
                .map(r -> String.format("parameters differ at %s (%s): analyzer %,d, engine %,d; totals %,d vs %,d",
                        r.path(), r.op(), r.analyzer(), r.engine(), analyzer, engine))
                .orElse(String.format("parameter totals differ: analyzer %,d, engine %,d", analyzer, engine));
    }
}
