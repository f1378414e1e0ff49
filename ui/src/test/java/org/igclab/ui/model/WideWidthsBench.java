package org.igclab.ui.model;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.igclab.analyzer.chain.EnumerationOptions;
import org.igclab.analyzer.chain.FirstKernel;

/**
 * How long the explorer takes to show a width, from its controls to every table row, chart and curve
 * ({@link Exploration#run}, what the window computes off the FX thread), for the block alone and the network
 * templates, at {@code C = 16, 64, 256, 4096}. The first run of each is a cold JVM's; the others are warm. A benchmark,
 * not a test: printed with the machine's load, never asserted. Run by {@code bench/wide-widths.sh}.
 */
public final class WideWidthsBench {
    private WideWidthsBench() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        NetworkTemplates templates = NetworkTemplates.load(Path.of("..", "samples", "networks"));
        System.out.printf("cores %d, load average %.2f before%n", Runtime.getRuntime().availableProcessors(), load());
        System.out.printf("%-28s %6s %8s %10s %10s%n", "template", "C", "designs", "first ms", "warm ms");
        for (String key : List.of(NetworkTemplate.BLOCK_KEY, "cifar-d38-3x32-k10", "cifar-d11-1x28-k10")) {
            NetworkTemplate template = templates.get(key);
            for (int c : new int[] {16, 64, 256, 4096}) {
                Requests.Exploration request = new Requests.Exploration(
                        new EnumerationOptions(c, 1, 8, FirstKernel.ANY, 1, Integer.MAX_VALUE, 3, 32, false), key, List.of(16, 256),
                        Axis.PARAMS, 20_000L);
                long first = 0;
                long best = Long.MAX_VALUE;
                int designs = 0;
                for (int i = 0; i <= repeats; i++) {
                    long start = System.nanoTime();
                    ExplorationResult r = Exploration.run(request, template, Measurements.NONE, Exploration.Steps.NONE, () -> false);
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    designs = r.rows().size();
                    if (i == 0) {
                        first = ms;
                    } else {
                        best = Math.min(best, ms);
                    }
                }
                System.out.printf("%-28s %6d %8d %10d %10d%n", template.key(), c, designs, first, best);
            }
        }
        System.out.printf("load average %.2f after%n", load());
        System.exit(0);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
