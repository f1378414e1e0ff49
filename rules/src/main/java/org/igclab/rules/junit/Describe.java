package org.igclab.rules.junit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;

/** How failure messages write chains, group sizes, permutations and numbers, so every message reads the same. */
final class Describe {

    private Describe() {
    }

    /** {@code chain "IGCV2" (C = 64, K = (1, 8, 8))}, or without the quoted part when the chain has no name. */
    static String chain(String name, KernelChain chain) {
        String width = chain.inChannels() == chain.outChannels()
                ? "C = " + chain.inChannels()
                : "C = " + chain.inChannels() + " -> " + chain.outChannels();
        String shape = "(" + width + ", K = " + tuple(chain.groupSizes()) + ")";
        return name == null || name.isEmpty() ? "chain " + shape : "chain \"" + name + "\" " + shape;
    }

    /** {@code (1, 8, 8)}. */
    static String tuple(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    /** The Java that builds a width-keeping canonical chain, in the short form when it has the usual block shape. */
    static String interleavedCall(int channels, int[] groupSizes, int[] kernelSizes) {
        boolean usualShape = Arrays.stream(kernelSizes, 1, kernelSizes.length).allMatch(s -> s == 1);
        String sizes = Arrays.stream(groupSizes).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        if (usualShape) {
            return "KernelChain.interleaved(" + channels + ", " + kernelSizes[0] + ", " + sizes + ")";
        }
        String sides = Arrays.stream(kernelSizes).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        return "KernelChain.interleaved(" + channels + ", new int[] {" + sizes + "}, new int[] {" + sides + "})";
    }

    static int[] kernelSizes(KernelChain chain) {
        return chain.kernels().stream().mapToInt(GroupConv::kernelSize).toArray();
    }

    /** A permutation as the code that makes it: {@code identity}, {@code Permutation.shuffle(64, 8)}, or an explicit map. */
    static String permutation(Permutation p) {
        if (p.isIdentity()) {
            return "identity";
        }
        int rows = p.shuffleRows();
        return rows > 0 ? "Permutation.shuffle(" + p.size() + ", " + rows + ")" : "an explicit permutation";
    }

    /** The canonical permutation after a kernel: the shuffle that interleaves its groups ({@code "canonical"} in a chain file). */
    static Permutation canonicalAfter(GroupConv kernel) {
        return Permutation.shuffle(kernel.outChannels(), kernel.groups());
    }

    /** At most two decimals, no trailing zeros: {@code 2}, {@code 1.33}, {@code 4.5}. */
    static String decimal(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** A number as the user wrote it, without rounding: {@code 0.1}, {@code 0.001}, {@code 0}. */
    static String exact(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : Double.toString(value);
    }

    /** A whole number with thousands separators, as the reports print counts. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Why a path names no file: with the directory a relative path was resolved against, the usual surprise. */
    static String missingFile(Path given) {
        Path absolute = given.toAbsolutePath().normalize();
        return given.isAbsolute()
                ? "no file " + given
                : "no file " + given + " (relative paths are resolved against the working directory "
                        + Path.of("").toAbsolutePath() + "; looked for " + absolute + ")";
    }
}
