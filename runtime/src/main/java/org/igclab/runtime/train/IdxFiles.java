package org.igclab.runtime.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** The IDX format of MNIST and Fashion-MNIST: a big-endian header (magic, dimensions) then unsigned bytes. */
public final class IdxFiles {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxFiles() {
    }

    /** The pixels of an {@code idx3-ubyte} file, checking the image size. */
    public static byte[] readImages(Path file, int rows, int cols) throws IOException {
        try (DataInputStream in = new DataInputStream(Datasets.open(file))) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new DatasetException(file + " is not an IDX image file (magic " + Integer.toHexString(magic) + ", expected 803)");
            }
            int count = in.readInt();
            int r = in.readInt();
            int c = in.readInt();
            if (r != rows || c != cols) {
                throw new DatasetException(file + " holds " + r + "x" + c + " images, expected " + rows + "x" + cols);
            }
            byte[] pixels = new byte[size(file, count, rows * cols, "images")];
            Datasets.readFully(in, pixels, file);
            return pixels;
        }
    }

    /** The labels of an {@code idx1-ubyte} file. */
    public static byte[] readLabels(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Datasets.open(file))) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new DatasetException(file + " is not an IDX label file (magic " + Integer.toHexString(magic) + ", expected 801)");
            }
            byte[] labels = new byte[size(file, in.readInt(), 1, "labels")];
            Datasets.readFully(in, labels, file);
            return labels;
        }
    }

    /** The bytes that {@code count} items of {@code bytesEach} take, refusing a header no array (and no real file) can hold. */
    private static int size(Path file, int count, int bytesEach, String items) {
        long bytes = (long) count * bytesEach;
        if (count < 0 || bytes > Integer.MAX_VALUE - 8) {
            throw new DatasetException(file + " says it holds " + count + " " + items + ", which cannot be: the file is damaged");
        }
        return (int) bytes;
    }

    /** Writes images as gzip IDX (used to make small data sets, e.g. in tests). */
    public static void writeImages(Path file, byte[] pixels, int count, int rows, int cols) throws IOException {
        try (DataOutputStream out = new DataOutputStream(gzip(file))) {
            out.writeInt(IMAGES_MAGIC);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(pixels);
        }
    }

    /** Writes labels as gzip IDX. */
    public static void writeLabels(Path file, byte[] labels) throws IOException {
        try (DataOutputStream out = new DataOutputStream(gzip(file))) {
            out.writeInt(LABELS_MAGIC);
            out.writeInt(labels.length);
            out.write(labels);
        }
    }

    private static OutputStream gzip(Path file) throws IOException {
        return new GZIPOutputStream(Files.newOutputStream(file));
    }
}
