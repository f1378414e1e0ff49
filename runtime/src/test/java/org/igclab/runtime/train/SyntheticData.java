package org.igclab.runtime.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/** A small Fashion-MNIST-shaped data set (IDX files, 28x28, 10 classes) that a test writes itself. */
final class SyntheticData {
    private SyntheticData() {
    }

    /**
     * Class {@code k} has mean brightness {@code 20k} under noise, and vertical stripes of period {@code k + 2}: a network
     * that pools globally can tell the classes apart, yet must learn to.
     */
    static Path write(Path dir, int train, int test, long seed) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        Random random = new Random(seed);
        split(dir, "train", train, random);
        split(dir, "t10k", test, random);
        return dir;
    }

    private static void split(Path dir, String prefix, int count, Random random) throws IOException {
        byte[] pixels = new byte[count * 28 * 28];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int k = random.nextInt(10);
            labels[i] = (byte) k;
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    int v = 20 * k + random.nextInt(50) + (c % (k + 2) == 0 ? 40 : 0);
                    pixels[(i * 28 + r) * 28 + c] = (byte) v;
                }
            }
        }
        IdxFiles.writeImages(dir.resolve(prefix + "-images-idx3-ubyte.gz"), pixels, count, 28, 28);
        IdxFiles.writeLabels(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), labels);
    }

    /** A small plain CNN for 1x28x28 inputs and 10 classes. */
    static final String NETWORK = """
            {"format": "igc-network/1", "name": "tiny cnn", "input": {"channels": 1, "size": 28},
             "layers": [
               {"type": "conv", "out": 16, "kernel": 3, "stride": 2}, {"type": "bn"}, {"type": "relu"},
               {"type": "igcv2", "groupSizes": [1, 4, 8], "out": 32, "stride": 2},
               {"type": "gap"}, {"type": "linear", "out": 10}
             ]}""";
}
