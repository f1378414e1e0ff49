package org.igclab.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.igclab.rules.io.JsonFields;

/**
 * The command line's entry point driven with hostile files: a sample chain, network or space with a few of its values
 * replaced by odd ones (0, negative, 2^31, 2^63, fractions, huge strings, nulls, wrong types) or fields dropped, given
 * to a command that reads it. Whatever the file, the command answers (exit 0, 1 or 2), never with a stack trace or an
 * internal error, and a refusal is one line.
 */
class CommandLineFuzzTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonNode> ODD = List.of(NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1L << 31),
            NODES.numberNode(Integer.MAX_VALUE), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(BigInteger.TWO.pow(64)),
            NODES.numberNode(1e308), NODES.numberNode(1.5), NODES.textNode("NaN"), NODES.textNode(""), NODES.textNode("Ω🎉\n"),
            NODES.textNode("x".repeat(20_000)), NODES.nullNode(), NODES.booleanNode(true), NODES.arrayNode(),
            NODES.objectNode(), NODES.textNode("${w * w * w * w * w * w}"));

    /** A sample and the commands that read its kind. */
    private record Sample(String file, List<List<String>> commands) {
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample("chains/igcv2-c64.json", List.of(List.of("check"), List.of("cost", "--json"), List.of("graph"))),
            new Sample("chains/explicit-c8.json", List.of(List.of("check", "--json"), List.of("cost"), List.of("graph", "-f", "graphml"))),
            new Sample("networks/fashion-igcv2-small.json", List.of(List.of("cost", "--blocks", "--formulas"), List.of("cost", "--csv"))),
            new Sample("networks/resnet18.json", List.of(List.of("cost", "--blocks"), List.of("check", "--block", "stages[1].blocks[0]"))),
            new Sample("spaces/cifar-equal-params.json", List.of(List.of("sweep", "--all", "--pareto", "params,width:max"),
                    List.of("budget", "--params", "317242", "--vary", "width", "--step", "16"))));

    private static Path dir;

    @BeforeContainer
    static void folder() throws IOException {
        dir = Files.createTempDirectory("igc-fuzz");
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 150)
    void anyMutationOfASampleIsAnsweredWithoutATrace(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        Sample sample = SAMPLES.get(random.nextInt(SAMPLES.size()));
        JsonNode doc = JsonFields.MAPPER.readTree(Path.of(CliRun.sample(sample.file())).toFile());
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            mutate(doc, random);
        }
        Path file = dir.resolve(seed + ".json");
        Files.writeString(file, random.nextInt(10) == 0 ? truncated(doc.toString(), random) : doc.toString());
        List<String> args = new ArrayList<>(sample.commands().get(random.nextInt(sample.commands().size())));
        args.add(1, file.toString());

        CliRun run = CliRun.of(args.toArray(String[]::new));

        String what = String.join(" ", args) + " on " + doc.toString().substring(0, Math.min(400, doc.toString().length()));
        assertThat(run.exitCode()).as(what + "\n" + run.err()).isBetween(IgcCli.OK, IgcCli.INVALID);
        assertThat(run.err()).as(what).doesNotContain("internal error").doesNotContain("Exception").doesNotContain("\tat ");
        if (run.exitCode() == IgcCli.INVALID) {
            assertThat(run.err().lines().filter(l -> !l.startsWith("Try '") && !l.startsWith("swept "))).as(what + "\n" + run.err())
                    .singleElement().satisfies(line -> assertThat(line.length()).isLessThan(1200));
        }
        Files.delete(file);
    }

    private static String truncated(String text, Random random) {
        return text.substring(0, random.nextInt(text.length()));
    }

    /** Replaces a random value somewhere in the document by an odd one, or drops a field. */
    private static void mutate(JsonNode root, Random random) {
        JsonNode container = root;
        for (int depth = random.nextInt(6); depth > 0 && container.size() > 0; depth--) {
            Object key = childName(container, random);
            JsonNode child = key instanceof Integer i ? container.get(i) : container.get((String) key);
            if (!child.isContainerNode() || child.size() == 0) {
                break;
            }
            container = child;
        }
        if (container.size() == 0) {
            return;
        }
        JsonNode odd = ODD.get(random.nextInt(ODD.size()));
        if (container instanceof ObjectNode o) {
            String name = (String) childName(container, random);
            if (random.nextInt(5) == 0) {
                o.remove(name);
            } else {
                o.set(name, odd.deepCopy());
            }
        } else {
            ((ArrayNode) container).set(random.nextInt(container.size()), odd.deepCopy());
        }
    }

    /** A random field name of an object, or index of an array. */
    private static Object childName(JsonNode container, Random random) {
        if (container.isArray()) {
            return random.nextInt(container.size());
        }
        List<String> names = new ArrayList<>();
        container.fieldNames().forEachRemaining(names::add);
        return names.get(random.nextInt(names.size()));
    }
}
