package org.igclab.runtime.train;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Loads the data sets {@code igc train} knows: Fashion-MNIST in IDX format (gzip or plain, as Debian's
 * {@code dataset-fashion-mnist} installs it) and CIFAR-10 in its binary format.
 */
public final class Datasets {
    /** Where Debian's package puts Fashion-MNIST. */
    public static final Path FASHION_MNIST_DEFAULT = Path.of("/usr/share/datasets/fashion-mnist");

    private Datasets() {
    }

    /** {@code fashion-mnist} or {@code cifar10}; {@code dir} may be null for the default location (Fashion-MNIST only). */
    public static ImageDataset load(String name, Path dir) {
        return switch (name) {
            case "fashion-mnist" -> fashionMnist(dir == null ? FASHION_MNIST_DEFAULT : dir);
            case "cifar10" -> {
                if (dir == null) {
                    throw new DatasetException("CIFAR-10 needs --data-dir: the folder holding data_batch_1.bin ... test_batch.bin "
                            + "(the 'CIFAR-10 binary version' from https://www.cs.toronto.edu/~kriz/cifar.html, unpacked)");
                }
                yield cifar10(dir);
            }
            default -> throw new DatasetException("--data = " + name + " is not a known data set (fashion-mnist, cifar10)");
        };
    }

    /** Fashion-MNIST: {@code train-images-idx3-ubyte[.gz]}, {@code train-labels-idx1-ubyte[.gz]}, {@code t10k-...}. */
    public static ImageDataset fashionMnist(Path dir) {
        requireFolderIfPresent(dir, "the four Fashion-MNIST IDX files (train-images-idx3-ubyte.gz, ...)");
        if (!Files.isDirectory(dir)) {
            throw new DatasetException("Fashion-MNIST not found: " + dir + " does not exist. Install it with "
                    + "'apt-get install dataset-fashion-mnist' (it goes to " + FASHION_MNIST_DEFAULT + "), or pass --data-dir DIR "
                    + "with the four IDX files (train-images-idx3-ubyte.gz, ...)");
        }
        ImageDataset.Split train = idx(dir, "train");
        ImageDataset.Split test = idx(dir, "t10k");
        float[][] stats = Normalization.of(train.images(), 1, 28 * 28);
        return new ImageDataset("fashion-mnist", 1, 28, 28, 10, train, test, stats[0], stats[1], false);
    }

    private static ImageDataset.Split idx(Path dir, String prefix) {
        Path images = find(dir, prefix + "-images-idx3-ubyte");
        Path labels = find(dir, prefix + "-labels-idx1-ubyte");
        try {
            byte[] pixels = IdxFiles.readImages(images, 28, 28);
            byte[] classes = IdxFiles.readLabels(labels);
            if (pixels.length / (28 * 28) != classes.length) {
                throw new DatasetException(images + " has " + pixels.length / (28 * 28) + " images but " + labels + " has " + classes.length + " labels");
            }
            return new ImageDataset.Split(pixels, classes, classes.length);
        } catch (IOException e) {
            throw new DatasetException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Path find(Path dir, String base) {
        for (String name : new String[] {base + ".gz", base}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new DatasetException("Fashion-MNIST is incomplete: " + dir.resolve(base + ".gz") + " is missing "
                + "(install 'dataset-fashion-mnist' or pass --data-dir with all four IDX files)");
    }

    /** CIFAR-10 binary: {@code data_batch_1..5.bin} and {@code test_batch.bin}, each record a label byte and 3x32x32 bytes. */
    public static ImageDataset cifar10(Path dir) {
        requireFolderIfPresent(dir, "data_batch_1.bin ... test_batch.bin");
        Path base = Files.isDirectory(dir.resolve("cifar-10-batches-bin")) ? dir.resolve("cifar-10-batches-bin") : dir;
        String[] trainFiles = {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"};
        ImageDataset.Split train = cifarFiles(base, trainFiles);
        ImageDataset.Split test = cifarFiles(base, new String[] {"test_batch.bin"});
        float[][] stats = Normalization.of(train.images(), 3, 32 * 32);
        return new ImageDataset("cifar10", 3, 32, 32, 10, train, test, stats[0], stats[1], true);
    }

    /** A file (or a device such as /dev/zero) given as the data folder is named as such, not reported missing. */
    private static void requireFolderIfPresent(Path dir, String holding) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new DatasetException("--data-dir = " + dir + " is not a folder: give the folder that holds " + holding);
        }
    }

    private static ImageDataset.Split cifarFiles(Path dir, String[] names) {
        int record = 1 + 3 * 32 * 32;
        java.io.ByteArrayOutputStream images = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream labels = new java.io.ByteArrayOutputStream();
        for (String name : names) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new DatasetException("CIFAR-10 not found: " + file + " is missing. --data-dir must hold the binary version "
                        + "(data_batch_1.bin ... data_batch_5.bin, test_batch.bin) from https://www.cs.toronto.edu/~kriz/cifar.html");
            }
            try {
                byte[] all = Files.readAllBytes(file);
                if (all.length == 0 || all.length % record != 0) {
                    throw new DatasetException(file + " is not a CIFAR-10 binary batch: its size " + all.length + " is not a multiple of " + record);
                }
                for (int off = 0; off < all.length; off += record) {
                    int label = all[off] & 0xff;
                    if (label > 9) {
                        throw new DatasetException(file + ": record " + off / record + " has label " + label + ", outside 0..9");
                    }
                    labels.write(label);
                    images.write(all, off + 1, record - 1);
                }
            } catch (IOException e) {
                throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        byte[] l = labels.toByteArray();
        return new ImageDataset.Split(images.toByteArray(), l, l.length);
    }

    /** Opens a file, gunzipping it when it ends in {@code .gz}. */
    static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    static void readFully(DataInputStream in, byte[] into, Path file) throws IOException {
        try {
            in.readFully(into);
        } catch (EOFException e) {
            throw new DatasetException(file + " ends early: it is truncated", e);
        }
    }
}
