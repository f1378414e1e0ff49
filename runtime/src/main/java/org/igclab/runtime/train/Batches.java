package org.igclab.runtime.train;

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
