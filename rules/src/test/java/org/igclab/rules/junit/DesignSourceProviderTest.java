package org.igclab.rules.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igclab.rules.junit.IgcAssertions.assertComplementary;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.model.KernelChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.commons.PreconditionViolationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs parameterized test classes that use {@link DesignSource} through the Jupiter engine, as a user's build would,
 * and checks which invocations ran, what they received, how they are named, and how bad paths fail.
 */
class DesignSourceProviderTest {
    private static final String RESOURCES = "src/test/resources/designs/";
    /** What the scenarios received, in invocation order. */
    static final List<Object> SEEN = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forget() {
        SEEN.clear();
    }

    private static EngineExecutionResults run(Class<?> scenario) {
        return EngineTestKit.engine("junit-jupiter").configurationParameter(OnlyInTestKit.PARAMETER, "true")
                .selectors(selectClass(scenario)).execute();
    }

    private static List<String> names(Stream<Event> events) {
        return events.map(e -> e.getTestDescriptor().getDisplayName()).toList();
    }

    /** The message of the one container that failed: a provider error fails the parameterized test before any invocation. */
    private static Throwable providerFailure(Class<?> scenario) {
        EngineExecutionResults results = run(scenario);
        assertThat(results.testEvents().started().count()).isZero();
        List<Event> failed = results.containerEvents().failed().list();
        assertThat(failed).hasSize(1);
        return failed.get(0).getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    @ExtendWith(OnlyInTestKit.class)
    static class OneChainFile {
        @ParameterizedTest
        @DesignSource("../samples/chains/igcv2-c64.json")
        void strict(ChainDocument design) {
            SEEN.add(design);
            assertComplementary(design);
        }
    }

    @Test
    void aChainFileIsOneDesign() {
        EngineExecutionResults results = run(OneChainFile.class);
        assertThat(names(results.testEvents().succeeded().stream()))
                .containsExactly("[1] igcv2-c64.json: IGCV2 C=64 K=(1,8,8), the paper's rule");
        assertThat(SEEN).containsExactly(new ChainDocument("IGCV2 C=64 K=(1,8,8), the paper's rule", KernelChain.interleaved(64, 3, 1, 8, 8)));
    }

    @ExtendWith(OnlyInTestKit.class)
    static class SampleDirectory {
        @ParameterizedTest
        @DesignSource("../samples/chains")
        void strict(ChainDocument design) {
            assertComplementary(design);
        }
    }

    @Test
    void aDirectoryRunsEveryChainFileAndTheBrokenOnesFailWithTheirWitness() throws IOException {
        long files;
        try (Stream<Path> listing = Files.list(Path.of("..", "samples", "chains"))) {
            files = listing.filter(p -> p.toString().endsWith(".json")).count();
        }
        EngineExecutionResults results = run(SampleDirectory.class);
        assertThat(results.testEvents().started().count()).isEqualTo(files);
        List<Event> failed = results.testEvents().failed().list();
        // without the invocation index, which moves as samples are added
        assertThat(names(failed.stream())).extracting(n -> n.substring(n.indexOf(' ') + 1)).containsExactly(
                "loose-c64.json: K=(1,8,16): prod K_l = 128 > 64, dense with every pair reached twice",
                "not-interleaved-c64.json: K=(1,8,8) without interleaving: the identity between kernels keeps the groups apart");
        assertThat(failed).extracting(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage())
                .satisfiesExactly(
                        m -> assertThat(m).contains("witness: output channel 0 reaches input channel 0 by 2 paths"),
                        m -> assertThat(m).contains("witness: output channel 0 does not reach input channel 8 (0 paths)"));
        assertThat(results.testEvents().succeeded().count()).isEqualTo(files - 2);
    }

    @ExtendWith(OnlyInTestKit.class)
    static class NameAndChain {
        @ParameterizedTest
        @DesignSource({"../samples/chains/igcv2-c64.json", RESOURCES + "mixed.json"})
        void received(String name, KernelChain chain) {
            SEEN.add(name);
            SEEN.add(chain.groupSizes().length);
        }
    }

    @Test
    void aListGivesOneDesignPerChainAndUnnamedOnesAreLabelled() {
        EngineExecutionResults results = run(NameAndChain.class);
        assertThat(names(results.testEvents().succeeded().stream())).containsExactly(
                "[1] igcv2-c64.json: IGCV2 C=64 K=(1,8,8), the paper's rule",
                "[2] mixed.json chains[0]: IGCV1 IGC-L4M2",
                "[3] mixed.json chains[1]");
        assertThat(SEEN).containsExactly("IGCV2 C=64 K=(1,8,8), the paper's rule", 3, "IGCV1 IGC-L4M2", 2, "mixed.json chains[1]", 3);
    }

    @ExtendWith(OnlyInTestKit.class)
    static class Enumeration {
        @ParameterizedTest
        @DesignSource("../samples/example-project/designs/enumerated-c16.json")
        void strict(KernelChain chain) {
            SEEN.add(chain);
            assertComplementary(chain);
        }
    }

    @Test
    void anEnumerationGivesItsCanonicalChains() {
        EngineExecutionResults results = run(Enumeration.class);
        assertThat(results.testEvents().failed().count()).isZero();
        assertThat(names(results.testEvents().succeeded().stream())).containsExactly(
                "[1] enumerated-c16.json designs[0]: IGCV2 K=4 L=3",
                "[2] enumerated-c16.json designs[1]: IGCV2 K=(1,2,8), paper's rule",
                "[3] enumerated-c16.json designs[2]: IGCV2 K=(1,8,2), paper's rule",
                "[4] enumerated-c16.json designs[3]: depthwise-separable");
        assertThat(SEEN).containsExactly(KernelChain.interleaved(16, 3, 1, 4, 4), KernelChain.interleaved(16, 3, 1, 2, 8),
                KernelChain.interleaved(16, 3, 1, 8, 2), KernelChain.interleaved(16, 3, 1, 16));
    }

    @ExtendWith(OnlyInTestKit.class)
    static class Missing {
        @ParameterizedTest
        @DesignSource("designs/absent.json")
        void never(ChainDocument design) {
            SEEN.add(design);
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    static class Invalid {
        @ParameterizedTest
        @DesignSource({"../samples/chains/igcv2-c64.json", RESOURCES + "broken-entry.json"})
        void never(ChainDocument design) {
            SEEN.add(design);
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    static class Empty {
        @ParameterizedTest
        @DesignSource(RESOURCES + "empty.json")
        void never(ChainDocument design) {
            SEEN.add(design);
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    static class WrongParameter {
        @ParameterizedTest
        @DesignSource("../samples/chains/igcv2-c64.json")
        void never(int width) {
            SEEN.add(width);
        }
    }

    @Test
    void badPathsAndFilesFailTheTestNamingThePath() {
        Path cwd = Path.of("").toAbsolutePath();
        assertThat(providerFailure(Missing.class)).isInstanceOf(PreconditionViolationException.class)
                .hasMessage("@DesignSource(\"designs/absent.json\"): no file designs/absent.json (relative paths are resolved against "
                        + "the working directory " + cwd + "; looked for " + cwd.resolve("designs/absent.json") + ")");
        // the whole test fails before the good file's design runs
        assertThat(providerFailure(Invalid.class)).isInstanceOf(PreconditionViolationException.class)
                .hasMessage("@DesignSource(\"" + RESOURCES + "broken-entry.json\"): " + RESOURCES + "broken-entry.json is not a valid design "
                        + "file: chains[1].kernels[0].groups = 5 does not divide 64 input channels");
        assertThat(providerFailure(Empty.class)).hasMessage("@DesignSource(\"" + RESOURCES + "empty.json\"): " + RESOURCES
                + "empty.json lists no designs");
        assertThat(providerFailure(WrongParameter.class)).hasMessageStartingWith("@DesignSource supplies (ChainDocument design), "
                + "(KernelChain chain) or (String name, KernelChain chain), but the first parameter of ").hasMessageEndingWith(" is a int");
        assertThat(SEEN).isEmpty();
    }
}
