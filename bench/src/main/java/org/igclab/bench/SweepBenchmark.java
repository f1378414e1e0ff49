package org.igclab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.SpaceJson;
import org.igclab.analyzer.sweep.Sweep;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What {@code igc sweep samples/spaces/bench-100k.json} computes: 100,000 CIFAR-style networks (four block families,
 * 125 widths, 20 depths, 10 input resolutions) built from the template, costed, judged and filtered by the
 * constraints, on one thread ({@link Sweep#run}). Run from the repository root, where the space file is.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SweepBenchmark {
    private Space space;

    @Setup
    public void space() throws IOException {
        Path file = Path.of("samples", "spaces", "bench-100k.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("run the benchmarks from the repository root: " + file + " is not here");
        }
        space = SpaceJson.read(file);
        if (space.size() != 100_000) {
            throw new IllegalStateException("the benchmark space has " + space.size() + " designs, not 100,000");
        }
    }

    @Benchmark
    public Sweep sweep() {
        return Sweep.run(space, ProgressListener.NONE);
    }
}
