package org.igclab.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.igclab.rules.io.TextFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input a hostile user gives the command line, found by fuzzing it: each is refused with exit code 2 and one line
 * naming the file or field and the value, never a stack trace, a hang or an exit code of 3.
 */
class HostileInputTest {
    @TempDir
    Path dir;

    /** Exit 2 and one line on standard error that contains every one of {@code parts}; nothing on standard output. */
    static void refused(CliRun run, String... parts) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(IgcCli.INVALID);
        assertThat(run.err().lines().filter(l -> !l.startsWith("Try '"))).as(run.err()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ").contains(parts);
        assertThat(run.out()).isEmpty();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String cifarSpace(String width, String rest) {
        return "{\"template\": {\"skeleton\": {\"type\": \"cifar\", \"width\": " + width + ", \"depth\": 20, \"block\": \"${block}\"}}, " + rest + "}";
    }

    @Test
    void listEntriesThatSetDifferentVariables() throws IOException {
        Path space = write("list.json", cifarSpace("48", "\"list\": [{\"block\": {\"type\": \"igcv2\", \"K\": 8}, \"family\": \"a\"}, "
                + "{\"block\": {\"type\": \"dwsep\"}}]"));
        refused(CliRun.of("sweep", space.toString()), space.toString(), "list[1]: does not set family, which list[0] sets (= \"a\")");
        Path extra = write("extra.json", cifarSpace("48", "\"list\": [{\"block\": {\"type\": \"dwsep\"}}, "
                + "{\"block\": {\"type\": \"dwsep\"}, \"family\": \"b\"}]"));
        refused(CliRun.of("sweep", extra.toString()), "list[1].family = \"b\" is set here but not by list[0]");
        refused(CliRun.of("budget", extra.toString(), "--params", "100000", "--vary", "width"), "list[1].family");
    }

    @Test
    void expressionsNestedTooDeepAreRefusedBeforeTheStackEnds() throws IOException {
        String[] deep = {"(".repeat(50_000) + "w" + ")".repeat(50_000), "-".repeat(50_000) + "w", "w" + "+1".repeat(100_000)};
        for (String expr : deep) {
            Path space = write("deep.json", cifarSpace("\"${" + expr + "}\"", "\"grid\": {\"w\": [48]}, \"list\": [{\"block\": {\"type\": \"dwsep\"}}]"));
            CliRun run = CliRun.of("sweep", space.toString());
            refused(run, "template.skeleton.width = \"${", "more than 100 operators, signs and parentheses (nested too deep)", "characters left out");
            assertThat(run.err().length()).isLessThan(1200);
        }
        Path fine = write("fine.json", cifarSpace("\"${" + "(".repeat(30) + "w" + ")".repeat(30) + " + 0 * 1 * 2}\"",
                "\"grid\": {\"w\": [48]}, \"list\": [{\"block\": {\"type\": \"dwsep\"}}]"));
        assertThat(CliRun.of("sweep", fine.toString()).exitCode()).isEqualTo(IgcCli.OK);
    }

    @Test
    void devicesAreNeverReadAsDesignsSpacesOrTemplates() throws IOException {
        for (String[] args : new String[][] {{"cost", "/dev/zero"}, {"check", "/dev/zero"}, {"graph", "/dev/zero"}, {"sweep", "/dev/zero"},
                {"budget", "/dev/zero", "--params", "1", "--vary", "w"}, {"cost", "/dev/null"}}) {
            refused(CliRun.of(args), args[1] + " is not a regular file (a device, FIFO or socket), not a ");
        }
        Path space = write("space.json", "{\"templateFile\": \"/dev/zero\", \"grid\": {\"w\": [1]}}");
        refused(CliRun.of("sweep", space.toString()), "templateFile = \"/dev/zero\": /dev/zero is not a regular file");
        Path link = dir.resolve("link.json");
        Files.createSymbolicLink(link, Path.of("/dev/zero"));
        refused(CliRun.of("cost", link.toString()), link + " is not a regular file");
        // picocli's @FILE argument files would be read unchecked: they are turned off
        refused(CliRun.of("cost", "@/dev/zero"), "cannot read @/dev/zero: no such file");
    }

    @Test
    void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("design.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        // a writer ready with a valid chain: were the FIFO opened, the command would read it and succeed
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                Files.writeString(fifo, Files.readString(Path.of(CliRun.sample("chains/igcv2-c64.json"))));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        refused(CliRun.of("check", fifo.toString()), fifo + " is not a regular file");
        refused(CliRun.of("cost", fifo.toString()), fifo + " is not a regular file");
        // release the writer, which waits for a reader
        try (InputStream in = Files.newInputStream(fifo)) {
            in.readAllBytes();
        }
        writer.join();
    }

    @Test
    void filesLargerThanTheLimitAreRefusedUnread() throws IOException {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(TextFiles.MAX_BYTES + 1L); // sparse: no disk used
        }
        refused(CliRun.of("cost", big.toString()), big + " is 67,108,865 bytes, more than the 64 MiB a design file may have");
        refused(CliRun.of("sweep", big.toString()), "more than the 64 MiB a space file may have");
    }

    @Test
    void aSpaceWhoseEveryDesignIsInvalidFailsWithTheFirstReason() throws IOException {
        Path space = write("broken.json", cifarSpace("\"${w}\"", "\"grid\": {\"w\": [48, 64]}, \"list\": [{\"block\": {\"type\": \"igcv1\", \"L\": 7}}]"));
        Path out = dir.resolve("out.csv");
        CliRun sweep = CliRun.of("sweep", space.toString(), "--csv", "-o", out.toString());
        refused(sweep, "no design of " + space + " can be built: all 2 are invalid; the first (block = igcv1 L=7, w = 48): ",
                "L = 7 does not divide 48 input channels");
        assertThat(out).doesNotExist();
        Path depth = write("depth.json", "{\"template\": {\"skeleton\": {\"type\": \"cifar\", \"width\": \"${w}\", \"depth\": -4, "
                + "\"block\": {\"type\": \"dwsep\"}}}, \"grid\": {\"w\": [48]}}");
        refused(CliRun.of("budget", depth.toString(), "--params", "100000", "--vary", "w"),
                "no design of " + depth + " can be built: every value of w tried is invalid; at w = 8: template.skeleton.depth = -4");
        // some valid designs: the invalid ones are counted, not an error
        Path mixed = write("mixed.json", cifarSpace("\"${w}\"", "\"grid\": {\"w\": [48, 56]}, \"list\": [{\"block\": {\"type\": \"igcv1\", \"L\": 7}}]"));
        CliRun partly = CliRun.of("sweep", mixed.toString());
        assertThat(partly.exitCode()).isEqualTo(IgcCli.OK);
        assertThat(partly.err()).contains("1 pass the constraints, 0 rejected by them, 1 invalid");
    }

    @Test
    void aWriteKilledHalfwayLeavesNothingAfterTheNextWrite() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path out = dir.resolve("wiring.dot");
        Path leftover = Files.writeString(dir.resolve(".wiring.dot." + ended.pid() + ".0123456789abcdef.tmp"), "digraph {");
        Path users = Files.writeString(dir.resolve(".wiring.dot.tmp"), "mine");
        CliRun run = CliRun.of("graph", CliRun.sample("chains/igcv1-l4m2.json"), "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out)).contains("digraph channels {");
        assertThat(leftover).doesNotExist();
        assertThat(users).hasContent("mine");
    }

    @Test
    void anOverlongOrMultiLineValueStaysOneReadableLine() throws IOException {
        Path chain = write("chain.json", "{\"channels\": 8, \"kernels\": [{\"groupSize\": 2}, {\"groupSize\": 4}], \"permutations\": [\"line one\\nline two"
                + "x".repeat(100_000) + "\"]}");
        CliRun run = CliRun.of("check", chain.toString());
        refused(run, "permutations[0]", "line one\\nline two", "characters left out");
        assertThat(run.err().length()).isLessThan(1200);
    }
}
