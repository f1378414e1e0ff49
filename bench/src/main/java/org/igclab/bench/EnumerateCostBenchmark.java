package org.igclab.bench;

import java.util.concurrent.TimeUnit;
import org.igclab.analyzer.chain.ChainEnumerator;
import org.igclab.analyzer.chain.EnumerationOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The sweep fast path: every ordered factorization of every width {@code C = 1..4096}
 * ({@link EnumerationOptions#defaults}: any length, channel-wise or grouped first kernel), each costed
 * (parameters and MACs) by {@link ChainEnumerator#forEachCostedShape}, one thread. The costs are summed
 * into the result so nothing can be optimised away.
 *
 * <p>One invocation visits {@link #CHAINS} chains, and JMH is told so ({@link OperationsPerInvocation}):
 * the score is chains costed per second. {@link #countChains()} recounts them before the run and stops it
 * if the enumerator's output no longer matches the constant.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnumerateCostBenchmark {

    /** Widths swept: {@code 1..MAX_CHANNELS}. */
    static final int MAX_CHANNELS = 4096;

    /** Chains visited by one sweep of {@code C = 1..4096}. */
    static final int CHAINS = 1_125_569;

    /** Sums what the visitor sees. */
    static final class Totals {
        long chains;
        long params;
        long macs;
    }

    @Setup
    public void countChains() {
        Totals t = sweep();
        System.out.printf("%nsweep of C = 1..%d: %d chains, %d parameters, %d MACs in all%n",
                MAX_CHANNELS, t.chains, t.params, t.macs);
        if (t.chains != CHAINS) {
            throw new IllegalStateException("the sweep visits " + t.chains + " chains but CHAINS = " + CHAINS
                    + "; update the constant so the chains-per-second figure stays right");
        }
    }

    @Benchmark
    @OperationsPerInvocation(CHAINS)
    public long costEveryChain() {
        Totals t = sweep();
        return t.params + t.macs + t.chains;
    }

    static Totals sweep() {
        Totals t = new Totals();
        for (int c = 1; c <= MAX_CHANNELS; c++) {
            ChainEnumerator.forEachCostedShape(EnumerationOptions.defaults(c), (k, length, params, macs) -> {
                t.chains++;
                t.params += params;
                t.macs += macs;
            });
        }
        return t;
    }
}
