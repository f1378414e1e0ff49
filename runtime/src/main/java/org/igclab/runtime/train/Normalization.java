package org.igclab.runtime.train;

/** Per-channel mean and standard deviation of byte images, for normalising inputs. */
final class Normalization {
    private Normalization() {
    }

    /** {@code [mean[], std[]]} over all images, values scaled to [0, 1]; images are channel-major. */
    static float[][] of(byte[] images, int channels, int pixelsPerChannel) {
        double[] sum = new double[channels];
        double[] squares = new double[channels];
        int perImage = channels * pixelsPerChannel;
        long count = images.length / perImage;
        for (int i = 0; i < images.length; i++) {
            int c = (i % perImage) / pixelsPerChannel;
            double v = (images[i] & 0xff) / 255.0;
            sum[c] += v;
            squares[c] += v * v;
        }
        float[] mean = new float[channels];
        float[] std = new float[channels];
        double n = (double) count * pixelsPerChannel;
        for (int c = 0; c < channels; c++) {
            double m = sum[c] / n;
            mean[c] = (float) m;
            std[c] = (float) Math.sqrt(Math.max(squares[c] / n - m * m, 1e-12));
        }
        return new float[][] {mean, std};
    }
}
