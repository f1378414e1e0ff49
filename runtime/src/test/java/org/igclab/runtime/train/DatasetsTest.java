package org.igclab.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @Test
    void idxRoundTripAndNormalisation(@TempDir Path dir) throws IOException {
        SyntheticData.write(dir, 50, 20, 1);
        ImageDataset d = Datasets.fashionMnist(dir);
        assertThat(d.train().count()).isEqualTo(50);
        assertThat(d.test().count()).isEqualTo(20);
        assertThat(d.shape()).isEqualTo("1x28x28");
        Batches batches = new Batches(d, d.train(), false);
        Batches.Batch b = batches.batch(batches.order(0, 0, false), 0, 50, null);
        double sum = 0;
        double squares = 0;
        for (float v : b.images()) {
            sum += v;
            squares += v * v;
        }
        int n = b.images().length;
        assertThat(sum / n).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(squares / n).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-2));
    }

    @Test
    void epochOrdersAreSeededPermutations() throws IOException {
        ImageDataset.Split split = new ImageDataset.Split(new byte[100 * 4], new byte[100], 100);
        ImageDataset d = new ImageDataset("t", 1, 2, 2, 10, split, split, new float[] {0}, new float[] {1}, false);
        Batches b = new Batches(d, split, false);
        assertThat(b.order(3, 5, true)).isEqualTo(b.order(3, 5, true)).isNotEqualTo(b.order(3, 6, true));
        assertThat(java.util.Arrays.stream(b.order(3, 5, true)).sorted().toArray()).isEqualTo(b.order(0, 0, false));
    }

    @Test
    void cifarCropAndFlipKeepShapeAndLabels(@TempDir Path dir) throws IOException {
        byte[] file = new byte[3 * 3073];
        new Random(2).nextBytes(file);
        for (int i = 0; i < 3; i++) {
            file[i * 3073] = (byte) (i + 4);
        }
        for (String name : new String[] {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin"}) {
            Files.write(dir.resolve(name), file);
        }
        ImageDataset d = Datasets.cifar10(dir);
        assertThat(d.train().count()).isEqualTo(15);
        assertThat(d.augment()).isTrue();
        Batches.Batch b = new Batches(d, d.train(), true).batch(new int[] {0, 1, 2}, 0, 3, new Random(1));
        assertThat(b.labels()).containsExactly(4f, 5f, 6f);
        assertThat(b.images()).hasSize(3 * 3 * 32 * 32);
    }

    @Test
    void missingOrBrokenDataSetsSayWhatToDo(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Datasets.fashionMnist(dir.resolve("nowhere")))
                .isInstanceOf(DatasetException.class).hasMessageContaining("apt-get install dataset-fashion-mnist");
        assertThatThrownBy(() -> Datasets.fashionMnist(dir)).hasMessageContaining("train-images-idx3-ubyte.gz is missing");
        assertThatThrownBy(() -> Datasets.load("cifar10", null)).hasMessageContaining("--data-dir");
        assertThatThrownBy(() -> Datasets.cifar10(dir)).hasMessageContaining("data_batch_1.bin is missing");
        Files.write(dir.resolve("data_batch_1.bin"), new byte[100]);
        for (String name : new String[] {"data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin"}) {
            Files.write(dir.resolve(name), new byte[3073]);
        }
        assertThatThrownBy(() -> Datasets.cifar10(dir)).hasMessageContaining("not a multiple of 3073");
        assertThatThrownBy(() -> Datasets.load("imagenet", dir)).hasMessageContaining("not a known data set");
        Path file = dir.resolve("data_batch_1.bin");
        assertThatThrownBy(() -> Datasets.fashionMnist(file)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("--data-dir = " + file + " is not a folder");
        assertThatThrownBy(() -> Datasets.cifar10(file)).hasMessageContaining("is not a folder");
    }

    @Test
    void anIdxHeaderNoFileCanHoldIsADamagedFile(@TempDir Path dir) throws IOException {
        Path images = dir.resolve("train-images-idx3-ubyte");
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(Files.newOutputStream(images))) {
            out.writeInt(IdxFiles.IMAGES_MAGIC);
            out.writeInt(-5);
            out.writeInt(28);
            out.writeInt(28);
        }
        assertThatThrownBy(() -> IdxFiles.readImages(images, 28, 28)).isInstanceOf(DatasetException.class)
                .hasMessage(images + " says it holds -5 images, which cannot be: the file is damaged");
    }
}
