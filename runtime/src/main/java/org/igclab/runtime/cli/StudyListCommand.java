package org.igclab.runtime.cli;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
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
        try (ResultStore db = store.open(spec.commandLine().getErr())) {
            StudyStore studies = new StudyStore(db);
            for (StudyRecord s : studies.list()) {
                List<TrialRecord> trials = studies.trials(s.id());
                rows.add(List.of(s.name(), s.spaceFile(), s.objectives(), s.constraints(), trials.size(),
                        StudyView.counts(trials).toString(), s.createdAt()));
            }
        }
        List<String> header = List.of("name", "space", "objectives", "constraints", "trials", "by_status", "created");
        String text = switch (chosen) {
            case CSV -> Csv.of(header, rows);
            case JSON -> {
                var a = JsonFields.MAPPER.createArrayNode();
                for (List<Object> r : rows) {
                    var n = a.addObject();
                    for (int i = 0; i < header.size(); i++) {
                        n.set(header.get(i), JsonFields.MAPPER.valueToTree(r.get(i)));
                    }
                }
                yield JsonFields.pretty(a);
            }
            default -> {
                if (rows.isEmpty()) {
                    yield "no studies in " + store.path() + " (igc study create NAME --space SPACE --objectives ...)\n";
                }
                TextTable t = new TextTable("name", "space", "objectives", "constraints", ">trials", "by status", "created");
                rows.forEach(r -> t.row(r.toArray()));
                yield t.render();
            }
        };
        spec.commandLine().getOut().print(text);
        return IgcCli.OK;
    }
}
