package org.igclab.analyzer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesNewFilesWithOrdinaryPermissionsAndLeavesNoTemporaryFile() throws IOException {
        Path out = dir.resolve("a.txt");
        AtomicFiles.write(out, "hello", false);
        assertThat(Files.readString(out)).isEqualTo("hello");
        // not the owner-only permissions of a temporary file: others may read it, as with any new file
        assertThat(Files.getPosixFilePermissions(out)).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OTHERS_READ);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.txt");
        }
    }

    @Test
    void replacesOnlyWithForceAndKeepsTheReplacedFilesPermissions() throws IOException {
        Path out = dir.resolve("a.txt");
        Files.writeString(out, "old");
        Set<PosixFilePermission> mine = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(out, mine);
        assertThatThrownBy(() -> AtomicFiles.write(out, "new", false)).isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("--force");
        assertThat(Files.readString(out)).isEqualTo("old");
        AtomicFiles.write(out, "new", true);
        assertThat(Files.readString(out)).isEqualTo("new");
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(mine);
    }

    @Test
    void neverReplacesLinksFoldersOrAnythingButARegularFile() throws IOException {
        Path target = dir.resolve("target.txt");
        Files.writeString(target, "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);
        assertThatThrownBy(() -> AtomicFiles.write(link, "x", true)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("not a regular file");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("keep");
        Path folder = Files.createDirectory(dir.resolve("folder"));
        assertThatThrownBy(() -> AtomicFiles.write(folder, "x", true)).hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> AtomicFiles.write(Path.of("/dev/null"), "x", true)).hasMessageContaining("not a regular file");
    }

    @Test
    void doesNotCreateFoldersForAMistypedPath() {
        Path out = dir.resolve("no/such/folder/a.txt");
        assertThatThrownBy(() -> AtomicFiles.write(out, "x", false)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("does not exist");
        assertThat(Files.exists(dir.resolve("no"))).isFalse();
    }

    /** The id of a process that has ended, as a killed writer's would be. */
    static long endedProcess() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void theNextWriteRemovesTheTemporaryFilesOfKilledWritesAndNothingElse() throws Exception {
        Path out = dir.resolve("a.txt");
        Path killed = Files.writeString(dir.resolve(".a.txt." + endedProcess() + ".0123456789abcdef.tmp"), "half");
        List<Path> kept = new ArrayList<>();
        // a write in progress (this process), other files' leftovers, and files of the user's that only look alike
        kept.add(dir.resolve(".a.txt." + ProcessHandle.current().pid() + ".0123456789abcdef.tmp"));
        kept.add(dir.resolve(".b.txt." + endedProcess() + ".0123456789abcdef.tmp"));
        kept.add(dir.resolve(".a.txt.0123456789abcdef.tmp"));
        kept.add(dir.resolve(".a.txt.notes.tmp"));
        kept.add(dir.resolve(".a.txt." + endedProcess() + ".0123456789abcdef.tmp.bak"));
        kept.add(dir.resolve("a.txt." + endedProcess() + ".0123456789abcdef.tmp"));
        for (Path p : kept) {
            Files.writeString(p, "mine");
        }
        Path folder = Files.createDirectory(dir.resolve(".a.txt." + endedProcess() + ".fedcba9876543210.tmp"));
        Path link = Files.createSymbolicLink(dir.resolve(".a.txt." + endedProcess() + ".00000000000000ff.tmp"), kept.get(3));
        kept.add(folder);
        kept.add(link);

        AtomicFiles.write(out, "whole", false);

        assertThat(killed).doesNotExist();
        assertThat(Files.readString(out)).isEqualTo("whole");
        for (Path p : kept) {
            assertThat(Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).as(p.toString()).isTrue();
        }
    }

    @Test
    void internalFilesNeverReplaceAFolderOrADevice() throws Exception {
        // a FIFO stands for a device: renaming over it would replace the node itself
        Path fifo = dir.resolve("settings.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> AtomicFiles.writeInternal(fifo, "{}".getBytes())).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("is not a regular file");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
        Path folder = Files.createDirectory(dir.resolve("state"));
        assertThatThrownBy(() -> AtomicFiles.writeInternal(folder, "{}".getBytes())).hasMessageContaining("is not a regular file");
        assertThat(folder).isDirectory();
    }

    @Test
    void internalFilesGetTheirFolders() throws IOException {
        Path out = dir.resolve("settings/igc/explorer.json");
        AtomicFiles.writeInternal(out, "{}".getBytes());
        assertThat(Files.readString(out)).isEqualTo("{}");
    }
}
