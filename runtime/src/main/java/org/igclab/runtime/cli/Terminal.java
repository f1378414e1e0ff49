package org.igclab.runtime.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether progress can be redrawn in place: only on a terminal, never in a log file or a pipe. */
final class Terminal {

    private Terminal() {
    }

    /**
     * True when standard error is a terminal. Java tells only whether a console is attached (standard input and
     * output); on Linux the descriptor itself says where standard error goes.
     */
    static boolean stderrIsTerminal() {
        if (System.console() == null) {
            return false;
        }
        Path fd = Path.of("/proc/self/fd/2");
        if (!Files.exists(fd)) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
    }
}
