package org.igclab.analyzer.report;

import java.util.ArrayList;
import java.util.List;
import org.igclab.analyzer.sweep.Assignment;
import org.igclab.analyzer.sweep.BudgetSolver;
import org.igclab.analyzer.sweep.DesignGrid;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.text.FlatCsv;
import org.igclab.analyzer.text.TextTable;

/** The answers of a budget search: per combination of the other variables, the largest value that fits. */
public final class BudgetView {
    public static final String FORMAT = "igc-budget/1";

    /**
     * The question asked.
     *
     * @param file     the space file, as the user named it
     * @param variable the variable maximized
     * @param step     the candidates' spacing
     * @param max      the largest candidate
     */
    public record Question(String file, String variable, int step, int max) {
    }

    private BudgetView() {
    }

    /** The other variables: what tells one answer from another. */
    private static List<String> others(Space space, Question q) {
        return space.grid().names().stream().filter(n -> !n.equals(q.variable())).toList();
    }

    public static String text(Space space, Question q, BudgetSolver.Solution solution) {
        StringBuilder s = new StringBuilder();
        String name = space.name().isEmpty() ? "space" : space.name();
        s.append(String.format("# %s (%s): the largest %s among %d, %d, ..., %d (multiples of %d) within: %s%n", name, q.file(),
                q.variable(), q.step(), 2 * q.step(), q.max() / q.step() * q.step(), q.step(), solution.space().constraints().describe()));
        s.append("# assumes the budgeted counts grow with ").append(q.variable())
                .append("; every value tried is checked against the other constraints\n");
        s.append(NetworkCostView.conventionsText());
        List<String> headers = new ArrayList<>(others(space, q));
        headers.add(">" + q.variable());
        headers.addAll(DesignCells.textHeaders(predicted(solution)));
        headers.add(">probes");
        headers.add("note");
        TextTable t = new TextTable(headers.toArray(String[]::new));
        for (BudgetSolver.Answer a : solution.answers()) {
            DesignGrid grid = solution.space().grid();
            List<Object> cells = new ArrayList<>(DesignCells.variables(grid, others(space, q), solution.space().values(a.design())));
            cells.add(a.found() ? Integer.toString(a.value()) : "-");
            cells.addAll(DesignCells.textFigures(a.found() ? a.best().figures() : null, predicted(solution)));
            cells.add(a.probes());
            cells.add(a.note());
            t.row(cells.toArray());
        }
        s.append(t.render());
        return s.toString();
    }

    /** One row an answer; a variable whose values are objects (a block) is flattened into a column per field. */
    public static String csv(Space space, Question q, BudgetSolver.Solution solution) {
        List<String> after = new ArrayList<>();
        after.add(q.variable());
        after.addAll(DesignCells.csvHeaders(predicted(solution)));
        after.add("probes");
        after.add("note");
        DesignGrid grid = solution.space().grid();
        List<FlatCsv.Row> rows = new ArrayList<>();
        for (BudgetSolver.Answer a : solution.answers()) {
            List<Object> cells = new ArrayList<>();
            cells.add(a.found() ? a.value() : "");
            cells.addAll(DesignCells.csvFigures(a.found() ? a.best().figures() : null, predicted(solution)));
            cells.add(a.probes());
            cells.add(a.note());
            rows.add(new FlatCsv.Row(List.of(), DesignCells.flatVariables(grid, others(space, q), solution.space().values(a.design())),
                    cells));
        }
        return FlatCsv.of(List.of(), others(space, q), after, rows);
    }

    /** JSON; each answer carries its network filled in, ready to save as a network file. */
    public static String json(Space space, Question q, BudgetSolver.Solution solution) {
        return DesignCells.json(g -> {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("space", space.name());
            g.writeStringField("file", q.file());
            g.writeStringField("variable", q.variable());
            g.writeNumberField("step", q.step());
            g.writeNumberField("max", q.max());
            g.writeFieldName("constraints");
            g.writeTree(solution.space().constraints().toJson());
            g.writeFieldName("conventions");
            g.writeTree(NetworkCostView.conventionsJson());
            g.writeArrayFieldStart("answers");
            for (BudgetSolver.Answer a : solution.answers()) {
                DesignGrid grid = solution.space().grid();
                Assignment values = solution.space().values(a.design());
                g.writeStartObject();
                DesignCells.jsonVariables(g, grid, others(space, q), values);
                if (a.found()) {
                    g.writeNumberField("value", a.value());
                    DesignCells.jsonFigures(g, a.best().figures());
                } else {
                    g.writeNullField("value");
                    g.writeStringField("note", a.note());
                }
                g.writeNumberField("probes", a.probes());
                if (a.found()) {
                    g.writeFieldName("network");
                    g.writeTree(solution.space().filledIn(values));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static boolean predicted(BudgetSolver.Solution solution) {
        return DesignCells.predicted(solution.answers().stream().filter(BudgetSolver.Answer::found).map(a -> a.best().figures()));
    }
}
