package org.igclab.runtime.train;

/**
 * An image classification data set held as bytes (one byte per channel value, channel-major images), with the
 * per-channel mean and standard deviation used to normalise it.
 *
 * @param name     e.g. {@code fashion-mnist}
 * @param channels channels per image
 * @param height   rows
 * @param width    columns
 * @param classes  number of labels
 * @param train    the training split
 * @param test     the test split
 * @param mean     per-channel mean of the training images, in [0, 1]
 * @param std      per-channel standard deviation, in [0, 1]
 * @param augment  whether training uses random crops (padding 4) and horizontal flips
 */
public record ImageDataset(String name, int channels, int height, int width, int classes, Split train, Split test,
                           float[] mean, float[] std, boolean augment) {

    /**
     * One split.
     *
     * @param images {@code count * channels * height * width} bytes
     * @param labels {@code count} labels
     * @param count  number of images
     */
    public record Split(byte[] images, byte[] labels, int count) {
        public Split {
            if (labels.length != count) {
                throw new IllegalArgumentException(count + " images but " + labels.length + " labels");
            }
        }

        /** The first {@code n} images (all when {@code n} is 0 or larger than the split). */
        public Split first(int n, int imageBytes) {
            if (n <= 0 || n >= count) {
                return this;
            }
            return new Split(java.util.Arrays.copyOf(images, n * imageBytes), java.util.Arrays.copyOf(labels, n), n);
        }
    }

    public int imageBytes() {
        return channels * height * width;
    }

    /** {@code 1x28x28}. */
    public String shape() {
        return channels + "x" + height + "x" + width;
    }

    /** The same data set with at most {@code trainLimit} training and {@code testLimit} test images (0: all). */
    public ImageDataset limited(int trainLimit, int testLimit) {
        return new ImageDataset(name, channels, height, width, classes, train.first(trainLimit, imageBytes()),
                test.first(testLimit, imageBytes()), mean, std, augment);
    }
}
