package org.igclab.analyzer.chain;

import java.util.List;

/**
 * Names the chain shapes people already know: plain convolution, the depthwise-separable block of
 * Xception and MobileNet, IGCV1's {@code IGC-L?M?} (primary kernel: {@code L} groups of {@code M}
 * channels; secondary: {@code M} groups of {@code L}), and IGCV2 for three or more kernels.
 */
public final class ShapeNames {

    private ShapeNames() {
    }

    public static String name(ChainShape shape) {
        int c = shape.channels();
        List<Integer> k = shape.groupSizes();
        int length = k.size();
        String loose = shape.isLoose() ? " (loose)" : "";
        if (length == 1) {
            return k.get(0) == c ? "plain conv" : "group conv G=" + (c / k.get(0));
        }
        if (length == 2 && !shape.isLoose()) {
            if (k.get(0) == 1) {
                return "depthwise-separable";
            }
            return "IGCV1 L" + (c / k.get(0)) + "M" + k.get(0);
        }
        if (length == 2) {
            return "IGC K=(" + shape.groupSizeList() + ")" + loose;
        }
        boolean uniform = k.subList(1, length).stream().distinct().count() == 1;
        String rule = isPaperRule(shape) ? ", paper's rule" : "";
        if (k.get(0) == 1 && uniform) {
            return "IGCV2 K=" + k.get(1) + " L=" + length + rule + loose;
        }
        return "IGCV2 K=(" + shape.groupSizeList() + ")" + rule + loose;
    }

    /**
     * The paper's practical rule for its networks: channel-wise first kernel, then 1x1 kernels with
     * {@code K = 8}, {@code L = ceil(log_8 C) + 1}; when {@code C} is not a power of 8 one kernel takes the rest.
     */
    public static boolean isPaperRule(ChainShape shape) {
        List<Integer> k = shape.groupSizes();
        if (shape.isLoose() || k.get(0) != 1 || k.size() != paperRuleLength(shape.channels())) {
            return false;
        }
        long eights = k.stream().skip(1).filter(x -> x == 8).count();
        return k.stream().skip(1).allMatch(x -> x <= 8) && eights >= k.size() - 2;
    }

    /** {@code ceil(log_8 C) + 1}, computed exactly on integers. */
    public static int paperRuleLength(int channels) {
        int length = 1;
        long reach = 1;
        while (reach < channels) {
            reach *= 8;
            length++;
        }
        return length;
    }
}
