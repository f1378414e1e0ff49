package org.igclab.rules.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.igclab.rules.condition.BalanceCondition;
import org.igclab.rules.condition.BalanceReport;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.condition.ComplementaryReport;
import org.igclab.rules.condition.Verdict;
import org.igclab.rules.condition.Witness;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.io.ChainJson;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.rules.model.KernelChain;
import org.opentest4j.AssertionFailedError;

/**
 * JUnit 5 assertions on the conditions of a kernel chain, for users' own tests:
 *
 * <pre>{@code
 * import static org.igclab.rules.junit.IgcAssertions.*;
 *
 * assertComplementary(KernelChain.interleaved(64, 3, 1, 8, 8));
 * assertBalanced(Path.of("designs/igcv2-c64.json"), 0.0);
 * }</pre>
 *
 * <p>A failure is an {@link AssertionFailedError} (IDEs show the expected and actual verdicts side by side) whose
 * message names the chain, its verdict, the witness pair with its exact path count, and a fix to consider, e.g.
 *
 * <pre>
 * chain "loose" (C = 64, K = (1, 8, 16)) is not strict: its complementary verdict is dense
 *   witness: output channel 0 reaches input channel 0 by 2 paths
 *   fix to consider: prod K_l = 128 exceeds C = 64, ... reduce a group size so that prod K_l = 64, e.g. K = (1, 8, 8) ...
 * </pre>
 *
 * <p>Each assertion takes a {@link KernelChain}, a {@link ChainDocument} (its name goes into the message) or the
 * path of a chain file ({@code igc-chain/1}, see {@link ChainJson}); a chain file that is not valid fails the
 * assertion, one that cannot be read is an error. Passing assertions return the report for further checks.
 *
 * <p>JUnit is an optional dependency of igc-rules: a project that uses this class needs JUnit Jupiter (5.13 or
 * later for {@link DesignSource}) on its test class path, which any JUnit 5 test project has.
 */
public final class IgcAssertions {

    private IgcAssertions() {
    }

    /** Asserts that the chain's complementary verdict is strict: exactly one path from every output to every input channel. */
    public static ComplementaryReport assertComplementary(KernelChain chain) {
        return complementary("", chain, true);
    }

    /** {@link #assertComplementary(KernelChain)} for a named chain. */
    public static ComplementaryReport assertComplementary(ChainDocument design) {
        return complementary(design.name(), design.chain(), true);
    }

    /** {@link #assertComplementary(KernelChain)} for the chain in a chain file. */
    public static ComplementaryReport assertComplementary(Path chainFile) {
        return assertComplementary(read(chainFile));
    }

    /** Asserts that the chain is dense: at least one path from every output to every input channel. */
    public static ComplementaryReport assertDense(KernelChain chain) {
        return complementary("", chain, false);
    }

    /** {@link #assertDense(KernelChain)} for a named chain. */
    public static ComplementaryReport assertDense(ChainDocument design) {
        return complementary(design.name(), design.chain(), false);
    }

    /** {@link #assertDense(KernelChain)} for the chain in a chain file. */
    public static ComplementaryReport assertDense(Path chainFile) {
        return assertDense(read(chainFile));
    }

    /**
     * Asserts that the chain is balanced within {@code tolerance}: {@code max/min} of {@code S_l K_l} is at most
     * {@code 1 + tolerance}, over the 1x1 kernels when the first kernel is channel-wise, else over all kernels
     * ({@link BalanceReport#applicable()}). {@code tolerance = 0} asks for equal terms. The chain must keep its width.
     *
     * @throws IllegalArgumentException when {@code tolerance} is negative or not a number
     */
    public static BalanceReport assertBalanced(KernelChain chain, double tolerance) {
        return balanced("", chain, tolerance);
    }

    /** {@link #assertBalanced(KernelChain, double)} for a named chain. */
    public static BalanceReport assertBalanced(ChainDocument design, double tolerance) {
        return balanced(design.name(), design.chain(), tolerance);
    }

    /** {@link #assertBalanced(KernelChain, double)} for the chain in a chain file. */
    public static BalanceReport assertBalanced(Path chainFile, double tolerance) {
        return assertBalanced(read(chainFile), tolerance);
    }

    private static ComplementaryReport complementary(String name, KernelChain chain, boolean strict) {
        ComplementaryReport report = ComplementaryCondition.check(chain);
        if (strict ? report.isStrict() : report.isDense()) {
            return report;
        }
        String headline = " is not " + (strict ? Verdict.STRICT : Verdict.DENSE).label() + ": its complementary verdict is "
                + report.verdict().label() + (report.isDense() ? "" : " (some output channel does not reach some input channel)");
        String message = Describe.chain(name, chain) + headline
                + "\n  witness: " + witnesses(report)
                + "\n  fix to consider: " + ComplementaryAdvice.fix(chain, report, strict);
        throw new AssertionFailedError(message, (strict ? Verdict.STRICT : Verdict.DENSE).label(), report.verdict().label());
    }

    /** The missing pair and the repeated pair, whichever the report has: both explain a chain whose verdict is neither. */
    private static String witnesses(ComplementaryReport report) {
        return report.missing().map(Witness::describe)
                .map(m -> report.redundant().map(r -> m + "; " + r.describe()).orElse(m))
                .orElseGet(() -> report.redundant().map(Witness::describe).orElseThrow());
    }

    private static BalanceReport balanced(String name, KernelChain chain, double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance = " + tolerance + " must be 0 or more (0: all S_l K_l equal)");
        }
        if (!BalanceCondition.appliesTo(chain)) {
            throw new AssertionFailedError(Describe.chain(name, chain) + " has no balance condition: it needs every kernel "
                    + "to keep the width C, and this chain goes from " + chain.inChannels() + " to " + chain.outChannels()
                    + " channels or changes width inside");
        }
        BalanceReport report = BalanceCondition.analyze(chain);
        if (report.isBalanced(tolerance)) {
            return report;
        }
        BalanceAdvice advice = new BalanceAdvice(chain, report);
        String limit = "1 + " + Describe.exact(tolerance);
        String message = Describe.chain(name, chain) + " is not balanced within tolerance " + Describe.exact(tolerance)
                + ": max/min of S_l K_l = " + advice.ratio() + " exceeds " + limit + ", over " + advice.scope()
                + "\n  S_l K_l: " + advice.terms()
                + "\n  out of line: " + advice.outOfLine()
                + "\n  fix to consider: " + advice.fix();
        throw new AssertionFailedError(message, "max/min <= " + limit, "max/min = " + advice.ratio());
    }

    /** A chain file's chain, named after the file when it has no name of its own. */
    private static ChainDocument read(Path chainFile) {
        ChainDocument document;
        try {
            document = ChainJson.read(chainFile);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(Describe.missingFile(chainFile), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chain file " + chainFile + ": " + e.getMessage(), e);
        } catch (InvalidDesignException e) {
            throw new AssertionFailedError(chainFile + " is not a valid chain file: " + e.getMessage(), e);
        }
        return document.name().isEmpty() ? new ChainDocument(chainFile.getFileName().toString(), document.chain()) : document;
    }
}
