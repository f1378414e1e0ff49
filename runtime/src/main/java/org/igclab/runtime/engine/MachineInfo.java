package org.igclab.runtime.engine;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where a measurement was taken: results are only comparable on the same machine and engine. */
public final class MachineInfo {

    private MachineInfo() {
    }

    /** {@code Linux amd64, 2 cores, AMD EPYC ..., Java 17.0.15}. */
    public static String machine() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", Java " + System.getProperty("java.version");
    }

    /** {@code DJL 0.36.0, PyTorch 2.7.1 (CPU), 1 intra-op and 1 inter-op thread}: the counts in effect now. */
    public static String engine() {
        Engine engine = Engine.getInstance();
        return "DJL " + Engine.getDjlVersion() + ", " + engine.getEngineName() + " " + engine.getVersion()
                + " (CPU), " + Threads.current().describe();
    }

    /** The processor, the cores and the engine's versions: what a latency calibration is valid for. */
    public static org.igclab.analyzer.latency.Fingerprint fingerprint() {
        Engine engine = Engine.getInstance();
        return new org.igclab.analyzer.latency.Fingerprint(cpuModel(), Runtime.getRuntime().availableProcessors(),
                "DJL " + Engine.getDjlVersion() + ", " + engine.getEngineName() + " " + engine.getVersion() + " (CPU)");
    }

    private static String cpuModel() {
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(info)) {
            return "unknown CPU";
        }
        try (Stream<String> lines = Files.lines(info)) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            // the description only names the processor; a machine that will not say is described without it
            return "unknown CPU";
        }
    }
}
