package org.igclab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.chain.ChainEnumerator;
import org.igclab.analyzer.chain.EnumeratedDesign;
import org.igclab.analyzer.chain.EnumerationOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What {@code igc enumerate --channels C} computes: {@link ChainEnumerator#enumerate} with
 * {@link EnumerationOptions#defaults} (every strict chain of {@code C}, any first kernel), which builds each
 * chain with canonical permutations, runs the complementary checker and the balance report on it, costs it
 * and sorts the designs. The enumerator checks chains on a parallel stream, so this uses every core of the
 * common fork-join pool (both cores here), unlike the other benchmarks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EnumerateBenchmark {

    @Param({"64", "1024", "4096"})
    public int channels;

    private EnumerationOptions options;

    @Setup
    public void options() {
        options = EnumerationOptions.defaults(channels);
    }

    @Benchmark
    public List<EnumeratedDesign> enumerate() {
        return ChainEnumerator.enumerate(options, ProgressListener.NONE);
    }
}
