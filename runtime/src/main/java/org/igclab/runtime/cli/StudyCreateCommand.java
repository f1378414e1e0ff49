package org.igclab.runtime.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.igclab.analyzer.cli.DesignInputs;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.cli.InputException;
import org.igclab.analyzer.study.DesignConstraint;
import org.igclab.analyzer.study.StudyConstraints;
import org.igclab.analyzer.sweep.Objective;
import org.igclab.analyzer.sweep.Space;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.study.Study;
import org.igclab.runtime.study.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code igc study create NAME --space SPACE --objectives ...}. */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Create a study: a space, its objectives and constraints, under a name.",
        description = {"The study keeps its own copy of the space (its template inlined), so the file may change afterwards.",
            "The space file's constraints apply, and those of --constraints are added (or replace one of the same name)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc study create tiny --space samples/spaces/fashion-tiny.json --objectives accuracy:max,params",
            "  igc study create fast --space samples/spaces/cifar-igcv2-grid.json --objectives latency_b1,params \\",
            "      --constraints maxParams=300000,complementary",
            "",
            "Objectives: params, macs, activations, peak_activation, traffic, imbalance, a variable whose values are whole",
            "numbers, latency_b<N> (measured) and accuracy (trained); each minimized unless written name:max.",
            "Constraints: maxParams=N, maxMacs=N, channelsMultipleOf=N, complementary, balancedWithin=TOL."})
public final class StudyCreateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The study's name.")
    String name;

    @Option(names = "--space", paramLabel = "SPACE", required = true, description = "A space file (igc-space/1).")
    Path spaceFile;

    @Option(names = "--objectives", paramLabel = "OBJ[:max],...", required = true, description = "What the study optimizes.")
    String objectives;

    @Option(names = "--constraints", paramLabel = "NAME[=VALUE],...", description = "Conditions screened before measuring.")
    String constraints;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() throws IOException {
        if (name.isBlank() || name.length() > 200 || !name.matches("[A-Za-z0-9._-]+")) {
            throw new InputException("NAME = " + name + ": a study name is 1 to 200 letters, digits, '.', '_' or '-'");
        }
        Space space = DesignInputs.space(spaceFile);
        String text = DesignInputs.inFile(spaceFile, () -> {
            try {
                return Study.inlinedSpace(spaceFile);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<Objective> parsed;
        List<DesignConstraint> all;
        try {
            parsed = Objective.parseList(objectives, Objective.numericVariables(space.grid()));
        } catch (IllegalArgumentException e) {
            throw new InputException("--objectives " + objectives + ": " + e.getMessage(), e);
        }
        try {
            all = Study.constraints(space, constraints);
        } catch (IllegalArgumentException e) {
            throw new InputException("--constraints " + constraints + ": " + e.getMessage(), e);
        }
        String objectiveText = String.join(",", parsed.stream().map(Objective::toString).toList());
        try (ResultStore db = store.open(spec.commandLine().getErr())) {
            new StudyStore(db).create(name, spaceFile.toString(), text, objectiveText, StudyConstraints.written(all));
        }
        spec.commandLine().getOut().printf("created study %s in %s: %,d designs of %s; objectives %s; constraints %s%n"
                + "run it with: igc study run %s --trials N%n", name, store.path(), space.size(), spaceFile, objectiveText,
                all.isEmpty() ? "none" : StudyConstraints.written(all), name);
        return IgcCli.OK;
    }
}
