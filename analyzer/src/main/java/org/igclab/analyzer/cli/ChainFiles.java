package org.igclab.analyzer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.io.ChainJson;
import org.igclab.rules.model.InvalidDesignException;

/** Reads a chain file for a command, naming the file in every complaint. */
final class ChainFiles {
    private ChainFiles() {
    }

    static ChainDocument read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new InputException(file + " is a directory, not a chain file");
        }
        try {
            return ChainJson.read(file);
        } catch (InvalidDesignException e) {
            throw new InputException("invalid chain in " + file + ": " + e.getMessage());
        }
    }
}
