package org.igclab.runtime.cli;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.cli.InputException;
import org.igclab.analyzer.cli.OutputFormat;
import org.igclab.analyzer.text.Csv;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.study.StudyRecord;
import org.igclab.runtime.study.StudyStore;
import org.igclab.runtime.study.StudyView;
import org.igclab.runtime.study.TrialRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code igc study list}: the studies in the store. */
@Command(name = "list", mixinStandardHelpOptions = true, header = "The studies in the results store, with their trials' counts.",
        footerHeading = "%nExamples:%n", footer = {"  igc study list", "  igc study list --store runs.db --json"})
public final class StudyListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    OutputFormat format;

    @Override
    public Integer call() {
        OutputFormat.Format chosen = format.chosen();
        if (!Files.exists(store.path())) {
            throw new InputException("no results store at " + store.path() + " (igc study create first, or pass --store)");
        }
        List<List<Object>> rows = new ArrayList<>();
        List<Map<String, Integer>> counts = new ArrayList<>();
        List<String> created = new ArrayList<>();
        try (ResultStore db = store.open(spec.commandLine().getErr())) {
            StudyStore studies = new StudyStore(db);
            for (StudyRecord s : studies.list()) {
                List<TrialRecord> trials = studies.trials(s.id());
                rows.add(List.of(s.name(), s.spaceFile(), s.objectives(), s.constraints(), trials.size()));
                counts.add(StudyView.counts(trials));
                created.add(s.createdAt());
            }
        }
        List<String> header = List.of("name", "space", "objectives", "constraints", "trials");
        String text = switch (chosen) {
            case CSV -> {
                // one column a status, so that no cell holds a map
                List<String> columns = new ArrayList<>(header);
                TrialRecord.STATUSES.forEach(st -> columns.add("trials_" + st));
                columns.add("created");
                List<List<Object>> cells = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    List<Object> row = new ArrayList<>(rows.get(i));
                    Map<String, Integer> c = counts.get(i);
                    TrialRecord.STATUSES.forEach(st -> row.add(c.getOrDefault(st, 0)));
                    row.add(created.get(i));
                    cells.add(row);
                }
                yield Csv.of(columns, cells);
            }
            case JSON -> {
                var a = JsonFields.MAPPER.createArrayNode();
                for (int i = 0; i < rows.size(); i++) {
                    var n = a.addObject();
                    for (int k = 0; k < header.size(); k++) {
                        n.set(header.get(k), JsonFields.MAPPER.valueToTree(rows.get(i).get(k)));
                    }
                    n.set("by_status", JsonFields.MAPPER.valueToTree(counts.get(i)));
                    n.put("created", created.get(i));
                }
                yield JsonFields.pretty(a);
            }
            default -> {
                if (rows.isEmpty()) {
                    yield "no studies in " + store.path() + " (igc study create NAME --space SPACE --objectives ...)\n";
                }
                TextTable t = new TextTable("name", "space", "objectives", "constraints", ">trials", "by status", "created");
                for (int i = 0; i < rows.size(); i++) {
                    List<Object> row = new ArrayList<>(rows.get(i));
                    row.add(StudyView.countsText(counts.get(i)));
                    row.add(created.get(i));
                    t.row(row.toArray());
                }
                yield t.render();
            }
        };
        spec.commandLine().getOut().print(text);
        return IgcCli.OK;
    }
}
