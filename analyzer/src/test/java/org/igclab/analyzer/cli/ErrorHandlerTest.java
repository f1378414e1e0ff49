package org.igclab.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.igclab.rules.model.ExactCounts;
import org.igclab.rules.model.InvalidDesignException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one mapping from failures to exit codes and messages. */
class ErrorHandlerTest {

    @Command(name = "fails")
    static final class Fails implements Callable<Integer> {
        final Callable<Integer> body;

        Fails(Callable<Integer> body) {
            this.body = body;
        }

        @Override
        public Integer call() throws Exception {
            return body.call();
        }
    }

    record Run(int code, String err) {
    }

    static Run run(boolean debug, Callable<Integer> body) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Fails(body));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler(new ErrorHandler(debug));
        return new Run(cl.execute(), err.toString());
    }

    @Test
    void aCountTooLargeIsInvalidInputAndAnArithmeticBugIsInternal() {
        Run overflow = run(false, () -> (int) ExactCounts.multiply(Long.MAX_VALUE, 2L));
        assertThat(overflow.code()).isEqualTo(IgcCli.INVALID);
        assertThat(overflow.err()).isEqualTo("fails: the counts do not fit in 64-bit integers: a width or resolution is too large"
                + System.lineSeparator());
        Run bug = run(false, () -> 1 / Integer.parseInt("0"));
        assertThat(bug.code()).isEqualTo(IgcCli.INTERNAL);
        assertThat(bug.err()).startsWith("fails: internal error: java.lang.ArithmeticException: / by zero (set IGC_DEBUG=1 to see where)");
    }

    @Test
    void everyDomainErrorIsInvalidInputWithItsMessageAndItsCauseUnderDebug() {
        IOException disk = new IOException("disk full");
        Run plain = run(false, () -> {
            throw new InputException("cannot keep the results", disk);
        });
        assertThat(plain.code()).isEqualTo(IgcCli.INVALID);
        assertThat(plain.err()).isEqualTo("fails: cannot keep the results" + System.lineSeparator());
        Run debug = run(true, () -> {
            throw new InputException("cannot keep the results", disk);
        });
        assertThat(debug.err()).contains("fails: cannot keep the results", "Caused by: java.io.IOException: disk full");
        Run design = run(false, () -> {
            throw new InvalidDesignException("kernels[1].groups", "= 5 does not divide 64 input channels");
        });
        assertThat(design.code()).isEqualTo(IgcCli.INVALID);
        assertThat(design.err()).startsWith("fails: invalid design: kernels[1].groups = 5 does not divide 64 input channels");
        Run missing = run(false, () -> {
            throw new UncheckedIOException(new NoSuchFileException("net.json"));
        });
        assertThat(missing.code()).isEqualTo(IgcCli.INVALID);
        assertThat(missing.err()).startsWith("fails: cannot read net.json: no such file");
    }
}
