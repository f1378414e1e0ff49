package org.igclab.analyzer.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code igc} launcher. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            code = IgcCli.run(out, err, args);
        } catch (Throwable t) {
            // errors of the JVM itself (out of memory, a missing class) still get one line, not a trace
            err.println("igc: internal error: " + t + (System.getenv("IGC_DEBUG") == null ? " (set IGC_DEBUG=1 to see where)" : ""));
            if (System.getenv("IGC_DEBUG") != null) {
                t.printStackTrace(err);
            }
            code = IgcCli.INTERNAL;
        }
        System.exit(code);
    }
}
