package org.igclab.ui.model;

import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import org.igclab.rules.model.InvalidDesignException;

/** What went wrong in a background job, in the words of the notice line. */
final class Failures {

    private Failures() {
    }

    static String message(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        if (t instanceof FileAlreadyExistsException x) {
            return x.getFile() + " exists";
        }
        if (t instanceof InvalidDesignException d) {
            return "invalid design: " + d.getMessage();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
