package org.igclab.spark;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A task's own folder on the executor's machine (its scratch store, and a training's checkpoint), held with a file
 * lock: a second attempt of the same design running there at the same time (a speculative copy, or a retry while a
 * lost executor still runs) takes a folder of its own and starts over, rather than writing into the first one's.
 *
 * @param dir     the folder
 * @param channel the open lock file
 * @param lock    the lock held on it until the task ends
 * @param keep    whether the folder outlives the task
 */
record TaskScratch(Path dir, FileChannel channel, FileLock lock, boolean keep) implements AutoCloseable {
    private static final int MOST_ATTEMPTS = 64;

    /**
     * Locks {@code preferred}, or the first free {@code preferred-attempt-N} beside it.
     *
     * @param keep whether the folder outlives the task (a checkpoint to resume from), or is deleted when it closes
     */
    static TaskScratch claim(Path preferred, boolean keep) throws IOException {
        for (int i = 0; i < MOST_ATTEMPTS; i++) {
            Path dir = i == 0 ? preferred : preferred.resolveSibling(preferred.getFileName() + "-attempt-" + i);
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = null;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // another task of this JVM holds it
            }
            if (lock != null) {
                return new TaskScratch(dir, channel, lock, keep);
            }
            channel.close();
        }
        throw new IOException(MOST_ATTEMPTS + " attempts of this design hold folders beside " + preferred);
    }

    /** The task's scratch results store. */
    Path store() {
        return dir.resolve("task.db");
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
        if (!keep) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
