package org.igclab.analyzer.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files whole or not at all: the content goes to a temporary file beside the target, which is
 * then renamed over it. A crash leaves either the old file or the new one, never half of either.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes text; refuses to replace an existing file unless {@code force}. */
    public static void write(Path target, String text, boolean force) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8), force);
    }

    /** Writes bytes; refuses to replace an existing file unless {@code force}. */
    public static void write(Path target, byte[] bytes, boolean force) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (!force && Files.exists(absolute)) {
            throw new FileAlreadyExistsException(target.toString(), null, "exists; pass --force to replace it");
        }
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
