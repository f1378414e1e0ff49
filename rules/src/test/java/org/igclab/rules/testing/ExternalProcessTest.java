package org.igclab.rules.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

@DisabledOnOs(value = OS.WINDOWS, disabledReason = "runs sh")
class ExternalProcessTest {

    @Test
    void aProgramPastItsLimitIsKilledAndItsOutputShown() {
        // the limit holds even though the program never closes its output (the old pipe-draining read waited forever)
        assertThatThrownBy(() -> ExternalProcess.run(List.of("sh", "-c", "echo started; exec sleep 600"), Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ran past its limit of 2 s and was killed")
                .hasMessageContaining("started");
    }

    @Test
    void aProgramWritingMoreThanAPipeHoldsFinishes() throws Exception {
        ExternalProcess.Finished r = ExternalProcess.run(List.of("sh", "-c", "head -c 1000000 /dev/zero | tr '\\0' x; echo; exit 3"),
                Duration.ofMinutes(5));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.output()).hasSize(1_000_001);
    }
}
