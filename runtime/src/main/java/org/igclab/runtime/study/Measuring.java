package org.igclab.runtime.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.igclab.analyzer.study.MedianStoppingRule;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.evaluate.EvaluationSettings;
import org.igclab.runtime.train.TrainingSettings;

/**
 * How a study's designs are measured. The settings are fixed by the study's first run (trials measured differently
 * would not compare); the folders may change from run to run.
 *
 * @param latency        timing settings, when an objective is a latency (else null)
 * @param training       training settings, when an objective is the accuracy (else null)
 * @param pruning        the median stopping rule for trainings, or null for none
 * @param dataDir        where the data set is (null: its default place)
 * @param checkpointRoot where each training's checkpoint folder goes
 */
public record Measuring(EvaluationSettings latency, TrainingSettings training, MedianStoppingRule pruning, Path dataDir,
                        Path checkpointRoot) {

    /** Nothing to measure: every objective is analytic. */
    public boolean analytic() {
        return latency == null && training == null;
    }

    /** The settings that must stay the same across the study's runs, as JSON. */
    public String settingsJson() {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        if (latency != null) {
            n.set("latency", JsonFields.MAPPER.valueToTree(latency));
        }
        if (training != null) {
            n.set("training", JsonFields.MAPPER.valueToTree(training));
        }
        if (pruning != null) {
            n.set("pruning", JsonFields.MAPPER.valueToTree(pruning));
        }
        return JsonFields.pretty(n);
    }
}
