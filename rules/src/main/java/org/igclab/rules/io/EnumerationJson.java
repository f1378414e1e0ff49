package org.igclab.rules.io;

import java.util.ArrayList;
import java.util.List;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.rules.model.KernelChain;

/**
 * Reads the designs listed by {@code igc enumerate --json} back as chains, so that an enumeration can feed tests
 * without the analyzer. That output ({@code "format": "igc-enumeration/1"}; older output has none) is an object with a
 * {@code designs} list whose
 * entries hold {@code name}, {@code channels}, {@code groupSizes} ({@code K_1..K_L}) and {@code kernelSizes}
 * (the sides {@code k_l}). Each design becomes the canonical interleaved chain
 * {@link KernelChain#interleaved(int, int[], int[])}, which is what the enumerator checked. Its other fields
 * (verdicts, costs) and the top-level summary are ignored: the chain is rebuilt, and tests check it again.
 */
public final class EnumerationJson {
    /** The format {@code igc enumerate --json} writes. */
    public static final String FORMAT = "igc-enumeration/1";

    private EnumerationJson() {
    }

    /** Whether a document is {@code igc enumerate --json} output: its format, or no format and a {@code designs} field. */
    public static boolean looksLike(JsonFields top) {
        String format = top.optionalString("format", "");
        return format.equals(FORMAT) || (format.isEmpty() && top.has("designs"));
    }

    /** The designs as chains, in the order listed; errors name the field ({@code designs[3].groupSizes[1]}). */
    public static List<ChainDocument> fromJson(JsonFields top) {
        int defaultChannels = top.optionalInt("channels", -1);
        List<ChainDocument> designs = new ArrayList<>();
        for (JsonFields.Element e : top.array("designs")) {
            designs.add(design(e.asObject(), defaultChannels));
        }
        return designs;
    }

    private static ChainDocument design(JsonFields d, int defaultChannels) {
        if (!d.has("channels") && defaultChannels < 0) {
            throw new InvalidDesignException(d.pathOf("channels"), "is missing");
        }
        int channels = d.optionalInt("channels", defaultChannels);
        InvalidDesignException.requirePositive(d.pathOf("channels"), channels);
        List<Integer> groupSizes = d.intList("groupSizes");
        List<Integer> kernelSizes = d.intList("kernelSizes");
        if (groupSizes.isEmpty()) {
            throw new InvalidDesignException(d.pathOf("groupSizes"), "is empty; a chain needs at least one kernel");
        }
        if (kernelSizes.size() != groupSizes.size()) {
            throw new InvalidDesignException(d.pathOf("kernelSizes"), "has " + kernelSizes.size() + " entries for "
                    + groupSizes.size() + " group sizes");
        }
        // Checked here so the complaint names this format's fields, not the kernels the chain is built from.
        for (int l = 0; l < groupSizes.size(); l++) {
            String path = d.pathOf("groupSizes") + "[" + l + "]";
            int k = groupSizes.get(l);
            InvalidDesignException.requirePositive(path, k);
            if (channels % k != 0) {
                throw new InvalidDesignException(path, "= " + k + " does not divide " + channels + " channels");
            }
            InvalidDesignException.requirePositive(d.pathOf("kernelSizes") + "[" + l + "]", kernelSizes.get(l));
        }
        int[] k = groupSizes.stream().mapToInt(Integer::intValue).toArray();
        int[] s = kernelSizes.stream().mapToInt(Integer::intValue).toArray();
        return new ChainDocument(d.optionalString("name", ""), KernelChain.interleaved(channels, k, s));
    }
}
