package org.igclab.runtime.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.cli.InputException;
import org.igclab.analyzer.cli.Choice;
import org.igclab.analyzer.cli.OutputFormat;
import org.igclab.analyzer.cli.OutputTarget;
import org.igclab.analyzer.cli.PlotOption;
import org.igclab.analyzer.cli.Task;
import org.igclab.analyzer.cli.WholeNumbers;
import org.igclab.analyzer.text.Csv;
import org.igclab.analyzer.text.FlatCsv;
import org.igclab.analyzer.text.TextTable;
import org.igclab.analyzer.sweep.DesignName;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.evaluate.LatencyView;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunQuery;
import org.igclab.runtime.store.RunRecord;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code igc results}: list, filter and export what evaluations and trainings stored. */
@Task.Of(Task.MEASURE)
@Command(name = "results",
        mixinStandardHelpOptions = true,
        header = "List, filter and export the runs in the results store.",
        sortOptions = false,
        description = {"List the evaluation and training runs recorded in the results store, newest first; filter them,",
            "show one run's learning curve or its timings, or export them as CSV or JSON.",
            "A latency measured under interference is marked noisy: it is kept, shown marked, and never used in a Pareto",
            "front or an explorer chart. One from a store written before interference was checked is marked unchecked.",
            "A run still marked running whose process is gone (killed, or its machine restarted) is stored as interrupted",
            "when the store is opened, and said so.",
            "A sweep's or a study's design is shown by its variables: cifar [block=igcv2 K=8 L=3 widen=last, width=64].",
            "--json keeps its name as stored, each value as JSON (block={\"type\":\"igcv2\",...}), which --name matches."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc results",
            "  igc results --kind train --name igcv2 --status done",
            "  igc results --status interrupted         runs stopped before their end (igc train --resume continues one)",
            "  igc results --id 7 --curve",
            "  igc results --curve --name igcv2 --plot curves.png   every matching training's curve, test accuracy overlaid",
            "  igc results --status pruned               study trainings stopped early (igc study show lists their trials)",
            "  igc results --latency --name cifar          # every timing: threads, spread, interval, load, noisy or not",
            "  igc results --csv -o runs.csv"})
public final class ResultsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    /** The kinds of run. */
    enum Kind {
        EVALUATE, TRAIN;

        static final class Names extends Choice<Kind> {
            Names() {
                super(values());
            }
        }
    }

    /** The statuses a run can have. */
    enum Status {
        RUNNING, DONE, FAILED, INTERRUPTED, PRUNED, CANCELLED;

        static final class Names extends Choice<Status> {
            Names() {
                super(values());
            }
        }
    }

    @Option(names = "--kind", paramLabel = "KIND", converter = Kind.Names.class, description = "evaluate or train.")
    Kind kind;

    @Option(names = "--name", paramLabel = "TEXT", description = "Only designs whose name contains TEXT (any case).")
    String name;

    @Option(names = "--status", paramLabel = "STATUS", converter = Status.Names.class, description = "running, done, failed, "
            + "interrupted (stopped before its end; a training resumes), pruned (a study's training stopped early by the median rule, "
            + "with its curve) or cancelled (stores of earlier versions).")
    Status status;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", converter = WholeNumbers.NonNegative.class,
            description = "At most N runs (default: 0, all of them).")
    int limit;

    @Option(names = "--id", paramLabel = "ID", description = "One run.")
    Long id;

    /** One of the two views other than the list of runs. */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    View view;

    static final class View {
        @Option(names = "--curve", required = true, description = "With --id: the run's learning curve, one row per epoch; without: "
                + "every matching training run's, one row per run and epoch.")
        boolean curve;

        @Option(names = "--latency", required = true, description = "One row per timing (run, execution, batch) instead of one per run.")
        boolean latency;
    }

    @Mixin
    OutputFormat format;

    @Mixin
    OutputTarget target;

    @Mixin
    PlotOption plot;

    @Override
    public Integer call() throws IOException {
        OutputFormat.Format chosen = format.chosen();
        target.checkBeforeWork();
        plot.checkBeforeWork(spec);
        boolean curve = view != null && view.curve;
        boolean latency = view != null && view.latency;
        if (plot.requested() && !curve) {
            throw new InputException("--plot draws learning curves: add --curve (with --id for one run, or filters for several)");
        }
        if (curve && kind == Kind.EVALUATE) {
            throw new InputException("--curve with --kind evaluate: only trainings have learning curves");
        }
        if (!Files.exists(store.path())) {
            throw new InputException("no results store at " + store.path() + " (run 'igc evaluate' or 'igc train' first, or pass --store)");
        }
        String text;
        try (ResultStore db = store.open(spec.commandLine().getErr())) {
            RunQuery query = new RunQuery(kind == null ? null : Choice.nameOf(kind), name, status == null ? null : Choice.nameOf(status), limit);
            List<RunRecord> runs = db.list(id == null ? query : query.withId(id));
            if (id != null && runs.isEmpty()) {
                throw new InputException("--id = " + id + ": no such run in " + store.path());
            }
            if (curve) {
                List<StoredCurves.Curve> curves = runs.stream().filter(r -> r.kind().equals("train"))
                        .map(r -> new StoredCurves.Curve(r, db.epochs(r.id()))).toList();
                text = id != null ? curveText(db.epochs(id), chosen) : StoredCurves.text(curves, chosen);
                if (plot.requested()) {
                    plot.write(spec, StoredCurves.chart(curves, store.path().toString()));
                }
            } else {
                text = latency ? StoredLatencyView.rows(runs, chosen) : runsText(runs, chosen);
            }
        }
        target.emit(spec, text, "");
        return IgcCli.OK;
    }

    private static final List<String> COLUMNS = List.of("id", "kind", "status", "design", "params", "macs", "engine_params");
    private static final List<String> LATER_COLUMNS = List.of("accuracy", "started", "finished", "checkpoint_dir", "design_hash",
            "machine", "engine", "message");
    private static final String CHECKPOINT_NOTE = "checkpoint: the folder the training kept its checkpoint in; one marked (derived), "
            + "of a run stored before IGC Lab recorded it, is igc train's default under the folder it ran in; times: ISO 8601, UTC, to the second";

    /** A run's CSV row: its columns, its settings flattened ({@code settings.epochs}, ...), then the rest. */
    private static FlatCsv.Row row(RunRecord r, List<Integer> batches) {
        List<Object> before = new ArrayList<>(Arrays.asList(r.id(), r.kind(), r.status(), DesignName.readable(r.designName()), r.params(), r.macs(), r.engineParams()));
        before.addAll(StoredLatencyView.csvCells(r, batches));
        List<Object> after = new ArrayList<>(Arrays.asList(r.accuracy(), RunSettings.toSecond(r.startedAt()), RunSettings.toSecond(r.finishedAt()),
                RunSettings.checkpointFolder(r).orElse(""), r.designHash(), r.machine(), r.engine(), r.message()));
        return new FlatCsv.Row(before, FlatCsv.flatten("settings", RunSettings.json(r)), after);
    }

    private static String runsText(List<RunRecord> runs, OutputFormat.Format format) {
        switch (format) {
            case CSV -> {
                List<Integer> batches = StoredLatencyView.batches(runs);
                List<String> header = new ArrayList<>(COLUMNS);
                header.addAll(StoredLatencyView.csvHeaders(batches));
                return FlatCsv.of(header, List.of("settings"), LATER_COLUMNS, runs.stream().map(r -> row(r, batches)).toList());
            }
            case JSON -> {
                ArrayNode a = JsonFields.MAPPER.createArrayNode();
                for (RunRecord r : runs) {
                    ObjectNode n = JsonFields.MAPPER.valueToTree(r);
                    n.remove("designJson");
                    n.remove("resultJson");
                    n.set("design", parse(r.designJson()));
                    n.set("settings", RunSettings.json(r));
                    n.remove("settingsJson");
                    RunSettings.checkpointFolder(r).ifPresent(f -> n.put("checkpointDir", f));
                    if (RunSettings.derivedCheckpoint(r)) {
                        n.put("checkpointDirDerived", true);
                    }
                    n.set("latency", LatencyView.json(r.latency()));
                    if (r.resultJson() != null) {
                        n.set("result", parse(r.resultJson()));
                    }
                    a.add(n);
                }
                return JsonFields.pretty(a);
            }
            default -> {
                if (runs.isEmpty()) {
                    return "no runs match\n";
                }
                TextTable t = new TextTable(">id", "kind", "status", "design", ">params", ">MACs", "latency ms (sparse)", ">accuracy", "settings",
                        "started", "finished", "checkpoint", "note");
                for (RunRecord r : runs) {
                    t.row(r.id(), r.kind(), r.status(), DesignName.readable(r.designName()), r.params() == null ? "-" : TextTable.grouped(r.params()),
                            r.macs() == null ? "-" : TextTable.grouped(r.macs()), r.latency().isEmpty() ? "-" : LatencyView.brief(r.latency()),
                            r.accuracy() == null ? "-" : String.format("%.2f%%", 100 * r.accuracy()), RunSettings.brief(r),
                            RunSettings.toSecond(r.startedAt()), r.finishedAt() == null ? "-" : RunSettings.toSecond(r.finishedAt()),
                            RunSettings.checkpointFolder(r).map(f -> RunSettings.derivedCheckpoint(r) ? f + " (derived)" : f).orElse("-"),
                            r.message() == null ? "" : r.message());
                }
                return t.render() + "(" + TextTable.count(runs.size(), "run") + ")\n" + StoredLatencyView.notes(runs)
                        + (runs.stream().anyMatch(r -> r.kind().equals("train")) ? CHECKPOINT_NOTE + "\n" : "");
            }
        }
    }

    private static String curveText(List<EpochRecord> epochs, OutputFormat.Format format) {
        List<String> header = List.of("epoch", "train_loss", "train_accuracy", "test_accuracy", "learning_rate", "seconds");
        switch (format) {
            case CSV -> {
                List<List<?>> rows = new ArrayList<>();
                epochs.forEach(e -> rows.add(List.of(e.epoch(), e.trainLoss(), e.trainAccuracy(), e.testAccuracy(), e.learningRate(), e.seconds())));
                return Csv.of(header, rows);
            }
            case JSON -> {
                return JsonFields.pretty(JsonFields.MAPPER.valueToTree(epochs));
            }
            default -> {
                TextTable t = new TextTable(">epoch", ">train loss", ">train acc", ">test acc", ">lr", ">seconds");
                epochs.forEach(e -> t.row(e.epoch(), String.format("%.4f", e.trainLoss()), String.format("%.2f%%", 100 * e.trainAccuracy()),
                        String.format("%.2f%%", 100 * e.testAccuracy()), String.format("%.5f", e.learningRate()), String.format("%.1f", e.seconds())));
                return epochs.isEmpty() ? "the run has no epochs\n" : t.render();
            }
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return JsonFields.MAPPER.readTree(json);
        } catch (IOException e) {
            // a stored text that is not JSON (written by hand, or damaged) is shown as the text it is
            return JsonFields.MAPPER.getNodeFactory().textNode(json);
        }
    }
}
