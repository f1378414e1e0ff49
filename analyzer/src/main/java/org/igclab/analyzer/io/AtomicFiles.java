package org.igclab.analyzer.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files whole or not at all: the content goes to a temporary file beside the target, which is then renamed
 * over it, so a crash leaves either the old file or the new one. User-named outputs are checked first: only regular
 * files are ever replaced (never a link, a device or a folder), only with {@code force}, and only in a folder that
 * exists (a mistyped path must not create folders). New files get the usual permissions (the umask's); a replaced
 * file keeps its own.
 *
 * <p>The temporary file is {@code .NAME.PID.RANDOM.tmp}, named after the writing process. A process killed while
 * writing leaves it behind; the next write of the same file removes it, once its process is gone. Nothing else is
 * ever removed: only regular files with exactly that name, whose process no longer runs.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes text to a user-named output; see {@link #write(Path, byte[], boolean)}. */
    public static void write(Path target, String text, boolean force) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8), force);
    }

    /** Writes bytes to a user-named output, after {@link #checkWritable}. */
    public static void write(Path target, byte[] bytes, boolean force) throws IOException {
        checkWritable(target, force);
        replace(target.toAbsolutePath(), bytes);
    }

    /**
     * Writes a file the program owns (settings, checkpoint state), creating its folders and replacing it; never a
     * folder or a device given in its place (renaming over {@code /dev/null} would replace the device itself).
     */
    public static void writeInternal(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            throw new FileSystemException(target.toString(), null, "is not a regular file (a folder or device); only regular files are replaced");
        }
        Files.createDirectories(absolute.getParent());
        replace(absolute, bytes);
    }

    /**
     * Fails, with a message that says why, unless {@code target} could be written: a file name in an existing folder,
     * and no file there yet, or a regular file and {@code force}. Commands call it before long work.
     */
    public static void checkWritable(Path target, boolean force) throws IOException {
        if (target.getFileName() == null || target.toString().isBlank()) {
            throw new FileSystemException(target.toString(), null, "is not a file name");
        }
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileSystemException(target.toString(), null,
                        "is not a regular file (a folder, link or device); only regular files are replaced");
            }
            if (!force) {
                throw new FileAlreadyExistsException(target.toString(), null, "exists; pass --force to replace it");
            }
        }
        Path dir = absolute.getParent();
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(target.toString(), null, "cannot be written: the folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new AccessDeniedException(target.toString(), null, "cannot be written: the folder " + dir + " is not writable");
        }
    }

    private static void replace(Path absolute, byte[] bytes) throws IOException {
        removeLeftovers(absolute);
        Path temp = absolute.resolveSibling(String.format(".%s.%d.%016x.tmp", absolute.getFileName(), ProcessHandle.current().pid(),
                ThreadLocalRandom.current().nextLong()));
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            if (Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(absolute));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the new file keeps the default permissions
                }
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileSystemException e) {
            String reason = e.getReason() != null ? e.getReason()
                    : e instanceof NoSuchFileException ? "the file system would not create it there (no such file)"
                    : e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
            throw new FileSystemException(absolute.toString(), null, "cannot be written: " + reason);
        } catch (IOException e) {
            throw new FileSystemException(absolute.toString(), null, "cannot be written: " + e.getMessage());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Removes the temporary files of earlier writes of {@code absolute} whose process was killed; best effort. */
    static void removeLeftovers(Path absolute) {
        String prefix = "." + absolute.getFileName() + ".";
        Pattern ours = Pattern.compile(Pattern.quote(prefix) + "([0-9]{1,18})\\.[0-9a-f]{16}\\.tmp");
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(absolute.getParent(),
                p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path candidate : candidates) {
                Matcher m = ours.matcher(candidate.getFileName().toString());
                if (m.matches() && !running(Long.parseLong(m.group(1))) && Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(candidate);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // a leftover that cannot be listed or removed does no harm; the write itself must not fail for it
        }
    }

    private static boolean running(long pid) {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
