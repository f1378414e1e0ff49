package org.igclab.rules.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.model.KernelChain;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs a {@code @ParameterizedTest} once for every design in the given files:
 *
 * <pre>{@code
 * @ParameterizedTest
 * @DesignSource({"designs/blocks.json", "designs/enumerated-c16.json"})
 * void everyBlockIsComplementary(ChainDocument design) {
 *     IgcAssertions.assertComplementary(design);
 * }
 * }</pre>
 *
 * <p>A path names one of these, or a directory whose {@code *.json} files are all read (in name order):
 * <ul>
 *   <li>a chain file, {@code igc-chain/1}: one design;</li>
 *   <li>a chain list, {@code igc-chains/1}: {@code {"format": "igc-chains/1", "chains": [chain, ...]}}, one design per chain;</li>
 *   <li>the output of {@code igc enumerate --json}: one design per listed factorization, as its canonical interleaved chain.</li>
 * </ul>
 * Network, space and sweep files hold networks, not chains, and are refused with a message saying so.
 *
 * <p>The test method's first parameter decides what each invocation receives: a {@link ChainDocument} (the
 * design's name and chain; also for {@code Object} or no parameters), a {@link KernelChain}, or
 * {@code (String name, KernelChain chain)}. Each invocation is named after the file, the design's place in it
 * and its name ({@code blocks.json chains[1]: depthwise-separable}); a design without a name is given that label.
 *
 * <p>Relative paths are resolved against the working directory of the test run (the module directory under Maven
 * Surefire). A path that names no file, a file that is not valid, or a list with no designs fails the test
 * with a message naming the path (and for invalid content, the field, e.g. {@code chains[2].kernels[1].groups}).
 * Needs JUnit Jupiter 5.13 or later.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(DesignSourceProvider.class)
public @interface DesignSource {

    /** Files or directories of designs, relative to the working directory. */
    String[] value();
}
