package org.igclab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("spark")
class TaskScratchTest {

    @Test
    void aSecondAttemptRunningAtTheSameTimeTakesAFolderOfItsOwn(@TempDir Path dir) throws IOException {
        Path preferred = dir.resolve("abc-123");
        try (TaskScratch first = TaskScratch.claim(preferred, true)) {
            assertThat(first.dir()).isEqualTo(preferred);
            try (TaskScratch second = TaskScratch.claim(preferred, true)) {
                assertThat(second.dir()).isEqualTo(dir.resolve("abc-123-attempt-1"));
            }
        }
        // released: the next attempt resumes in the first folder
        try (TaskScratch again = TaskScratch.claim(preferred, true)) {
            assertThat(again.dir()).isEqualTo(preferred);
        }
        assertThat(preferred).isDirectory();
    }

    @Test
    void aFolderNotKeptIsGoneWhenTheTaskEnds(@TempDir Path dir) throws IOException {
        Path preferred = dir.resolve("latency");
        try (TaskScratch scratch = TaskScratch.claim(preferred, false)) {
            Files.writeString(scratch.store(), "x");
        }
        assertThat(preferred).doesNotExist();
    }
}
