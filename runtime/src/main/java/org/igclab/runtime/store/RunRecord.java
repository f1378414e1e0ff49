package org.igclab.runtime.store;

import java.util.List;
import java.util.Optional;
import org.igclab.runtime.latency.LatencyStats;

/**
 * A run as stored: what was evaluated or trained, with which settings, and what came out.
 *
 * @param id            the row id
 * @param kind          {@code evaluate} or {@code train}
 * @param status        {@code running}, {@code done}, {@code failed}, {@code interrupted} (stopped before its end;
 *                      a training resumes from its checkpoint), {@code pruned} (a study's training stopped early by the
 *                      median stopping rule, its curve kept) or {@code cancelled} (stores of earlier versions)
 * @param designName    the design's name
 * @param designHash    SHA-256 of the design's canonical JSON
 * @param designJson    the design's canonical JSON
 * @param settingsJson  the evaluation or training settings
 * @param settingsHash  SHA-256 of the settings
 * @param params        the analyzer's parameter count
 * @param macs          the analyzer's MACs
 * @param engineParams  the instantiated network's parameter count, when measured
 * @param latency       an evaluation's timings, one per execution and batch size (empty otherwise)
 * @param accuracy      final test accuracy in [0, 1], when trained
 * @param resultJson    the whole report
 * @param machine       the machine it ran on
 * @param engine        engine and versions
 * @param startedAt     ISO-8601 instant
 * @param finishedAt    ISO-8601 instant, when finished
 * @param message       why it failed or stopped, when it did
 * @param pid           the process that runs or ran it, when recorded
 * @param host          that process's host, when recorded
 * @param heartbeatAt   ISO-8601 instant of that process's last heartbeat, when recorded
 * @param checkpointDir a training's checkpoint folder as it was used (absolute), when recorded (stores before schema 6 lack it)
 */
public record RunRecord(long id, String kind, String status, String designName, String designHash, String designJson,
                        String settingsJson, String settingsHash, Long params, Long macs, Long engineParams,
                        List<LatencyStats> latency, Double accuracy, String resultJson, String machine,
                        String engine, String startedAt, String finishedAt, String message, Long pid, String host,
                        String heartbeatAt, String checkpointDir) {

    public RunRecord {
        latency = List.copyOf(latency);
    }

    RunRecord withLatency(List<LatencyStats> timings) {
        return new RunRecord(id, kind, status, designName, designHash, designJson, settingsJson, settingsHash, params, macs, engineParams,
                timings, accuracy, resultJson, machine, engine, startedAt, finishedAt, message, pid, host, heartbeatAt,
                checkpointDir);
    }

    /** The headline timing at a batch size ({@link LatencyStats#headline}), when measured. */
    public Optional<LatencyStats> latency(int batch) {
        return LatencyStats.headline(latency, batch);
    }

    /** Whether a timing of this run was taken under interference. */
    public boolean noisy() {
        return latency.stream().anyMatch(LatencyStats::noisy);
    }
}
