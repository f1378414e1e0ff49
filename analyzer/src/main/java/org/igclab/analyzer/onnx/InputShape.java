package org.igclab.analyzer.onnx;

import java.util.regex.Pattern;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.model.InvalidDesignException;

/**
 * The size of an ONNX model's image input, {@code N x C x H x W}, given by the user for the sizes the model leaves
 * symbolic (a {@code dim_param} such as "height"). The batch {@code N} does not change any count; it is kept for the
 * record and checked to be positive like the rest.
 */
public record InputShape(long batch, int channels, int height, int width) {
    private static final Pattern FORM = Pattern.compile("\\d+x\\d+x\\d+x\\d+");

    public InputShape {
        InvalidDesignException.requirePositive("batch", batch);
        InvalidDesignException.requirePositive("channels", channels);
        InvalidDesignException.requirePositive("height", height);
        InvalidDesignException.requirePositive("width", width);
    }

    /** Reads {@code NxCxHxW} ("1x3x224x224"); anything else is refused with an {@link IllegalArgumentException} saying why. */
    public static InputShape parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (!FORM.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not NxCxHxW (four whole numbers, e.g. 1x3x224x224)");
        }
        String[] parts = t.split("x");
        long[] n = new long[4];
        for (int i = 0; i < 4; i++) {
            try {
                n[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has a size too large: " + parts[i], e);
            }
            if (n[i] < 1 || (i > 0 && n[i] > Integer.MAX_VALUE)) {
                throw new IllegalArgumentException("'" + text + "' has a size that is " + (n[i] < 1 ? "0" : "too large") + ": " + parts[i]);
            }
        }
        return new InputShape(n[0], (int) n[1], (int) n[2], (int) n[3]);
    }

    /** The image's channels x height x width. */
    public TensorShape image() {
        return new TensorShape(channels, height, width);
    }

    @Override
    public String toString() {
        return batch + "x" + channels + "x" + height + "x" + width;
    }
}
