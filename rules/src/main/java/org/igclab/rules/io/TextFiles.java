package org.igclab.rules.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.igclab.rules.model.InvalidDesignException;

/**
 * Reads the text of a file a user names (a chain, network, space or template file), checked before it is opened:
 * a folder, a device, a FIFO or a socket is refused (reading {@code /dev/zero} would never end, opening a FIFO
 * would wait for a writer), and so is a file larger than {@link #MAX_BYTES}, which no design file comes near.
 */
public final class TextFiles {
    /** The largest file read: a chain of 32,768 channels with explicit permutations is well under 1 MiB. */
    public static final int MAX_BYTES = 64 << 20;

    private TextFiles() {
    }

    /**
     * The file's text, strictly UTF-8 (a malformed byte throws {@link java.nio.charset.CharacterCodingException}).
     *
     * @param what what the file should be, with its article, for the messages: {@code "a design file"}
     * @throws InvalidDesignException (path "") for a folder, a file that is not regular, or one too large
     * @throws java.nio.file.NoSuchFileException when there is no such file
     */
    public static String read(Path file, String what) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new InvalidDesignException("", file + " is a directory, not " + what);
        }
        if (!attributes.isRegularFile()) {
            throw new InvalidDesignException("", file + " is not a regular file (a device, FIFO or socket), not " + what);
        }
        if (attributes.size() > MAX_BYTES) {
            throw tooLarge(file, what, String.format("%,d bytes", attributes.size()));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // a file that grows while it is read is still read no further than the limit
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(file, what, "more than " + MAX_BYTES + " bytes");
        }
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static InvalidDesignException tooLarge(Path file, String what, String size) {
        return new InvalidDesignException("", file + " is " + size + ", more than the " + (MAX_BYTES >> 20)
                + " MiB " + what + " may have");
    }
}
