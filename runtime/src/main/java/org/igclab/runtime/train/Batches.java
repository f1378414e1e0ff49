package org.igclab.runtime.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Base64;
import java.util.Random;

/**
 * Turns byte images into normalised float batches: a seeded order per epoch, so an interrupted run resumes with
 * the same batches, and for CIFAR the standard augmentation (random crop with 4 pixels of zero padding, random
 * horizontal flip).
 */
public final class Batches {
    private final ImageDataset data;
    private final ImageDataset.Split split;
    private final boolean augment;

    public Batches(ImageDataset data, ImageDataset.Split split, boolean augment) {
        this.data = data;
        this.split = split;
        this.augment = augment;
    }

    /** The NDArray shape of a batch of {@code n}. */
    public ai.djl.ndarray.types.Shape shape(int n) {
        return new ai.djl.ndarray.types.Shape(n, data.channels(), data.height(), data.width());
    }

    /** Number of batches of {@code size} (the last may be smaller). */
    public int count(int size) {
        return (split.count() + size - 1) / size;
    }

    /** The order of images in an epoch: a shuffle seeded by the run's seed and the epoch, or the identity. */
    public int[] order(long seed, int epoch, boolean shuffle) {
        int[] order = new int[split.count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (shuffle) {
            Random random = new Random(seed * 1_000_003L + epoch);
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    /** The augmentation generator of an epoch, fresh. */
    public static Random augmentation(long seed, int epoch) {
        return new Random(seed * 7_919L + epoch);
    }

    /** A generator's exact state, as text: {@link Random}'s serial form in Base64. */
    public static String saved(Random random) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(random);
        } catch (IOException e) {
            throw new IllegalStateException("java.util.Random is serializable", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The generator {@link #saved} described, continuing exactly where it was; only a {@link Random} is accepted. */
    public static Random restored(String saved) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(saved)))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("java.util.Random;!*"));
            return (Random) in.readObject();
        } catch (IOException | ClassNotFoundException | IllegalArgumentException | ClassCastException e) {
            throw new CheckpointException("the checkpoint's augmentation state is damaged (" + e.getMessage() + "); move the folder away to start over", e);
        }
    }

    /** Images {@code order[from..to)} as {@code (to - from) x C x H x W} floats, and their labels. */
    public Batch batch(int[] order, int from, int to, Random augmentation) {
        int n = to - from;
        int c = data.channels();
        int h = data.height();
        int w = data.width();
        int size = c * h * w;
        float[] x = new float[n * size];
        float[] y = new float[n];
        for (int b = 0; b < n; b++) {
            int image = order[from + b];
            y[b] = split.labels()[image] & 0xff;
            int dy = 0;
            int dx = 0;
            boolean flip = false;
            if (augment) {
                dy = augmentation.nextInt(9) - 4;
                dx = augmentation.nextInt(9) - 4;
                flip = augmentation.nextBoolean();
            }
            int src = image * size;
            int dst = b * size;
            for (int ch = 0; ch < c; ch++) {
                float mean = data.mean()[ch];
                float std = data.std()[ch];
                for (int r = 0; r < h; r++) {
                    int sr = r + dy;
                    for (int col = 0; col < w; col++) {
                        int sc = (flip ? w - 1 - col : col) + dx;
                        float v = sr < 0 || sr >= h || sc < 0 || sc >= w ? 0f
                                : (split.images()[src + (ch * h + sr) * w + sc] & 0xff) / 255f;
                        x[dst + (ch * h + r) * w + col] = (v - mean) / std;
                    }
                }
            }
        }
        return new Batch(x, y, n);
    }

    /**
     * One batch.
     *
     * @param images normalised pixels, channel-major per image
     * @param labels class indices as floats (DJL's loss takes them so)
     * @param size   images in the batch
     */
    public record Batch(float[] images, float[] labels, int size) {
    }
}
