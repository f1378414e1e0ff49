package org.igclab.analyzer.latency;

import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.NetworkJson;

/**
 * The whole networks a calibration times beside its primitives, to fit the {@link NetworkCorrection}: networks on the
 * CIFAR skeleton with the blocks designs use (IGCV2 chains, IGCV1, depthwise-separable), at widths that are multiples of
 * 8 as designs' are (at widths that are not, PyTorch's kernels run slower than the calibration's primitives say, and a
 * correction fitted on them over-corrected designs by about 10%), with chain lengths, depths or input sides no sample
 * space has, so a design the accuracy bench draws is never one of these (a test checks). Pure: the same names give the same networks, so a stored calibration names them.
 */
public final class CalibrationNetworks {
    /** The prefix of their names, and of their keys among a calibration's points. */
    public static final String PREFIX = "network ";

    /** Each as {@code name: skeleton fields}; the block goes in the skeleton's {@code block}. */
    private static final List<String[]> SPECS = List.of(
            new String[] {"igcv2 K2 L4 C24 D14", "\"width\": 24, \"depth\": 14",
                "{\"type\": \"igcv2\", \"K\": 2, \"L\": 4}"},
            new String[] {"igcv2 K4 L4 C48 D17", "\"width\": 48, \"depth\": 17",
                "{\"type\": \"igcv2\", \"K\": 4, \"L\": 4}"},
            new String[] {"igcv2 K8 L4 C64 D11", "\"width\": 64, \"depth\": 11",
                "{\"type\": \"igcv2\", \"K\": 8, \"L\": 4}"},
            new String[] {"igcv2 K4 L5 C64 D14", "\"width\": 64, \"depth\": 14",
                "{\"type\": \"igcv2\", \"K\": 4, \"L\": 5}"},
            new String[] {"igcv2 K2 L4 C16 D29", "\"width\": 16, \"depth\": 29",
                "{\"type\": \"igcv2\", \"K\": 2, \"L\": 4}"},
            new String[] {"igcv2 K4 L4 C32 D5", "\"width\": 32, \"depth\": 5",
                "{\"type\": \"igcv2\", \"K\": 4, \"L\": 4}"},
            new String[] {"igcv2 K16 L2 C256 D5", "\"width\": 256, \"depth\": 5",
                "{\"type\": \"igcv2\", \"K\": 16, \"L\": 2}"},
            new String[] {"igcv2 K8 L3 C16 D56", "\"width\": 16, \"depth\": 56",
                "{\"type\": \"igcv2\", \"K\": 8, \"L\": 3}"},
            new String[] {"igcv2 K4 L4 C128 D17", "\"width\": 128, \"depth\": 17",
                "{\"type\": \"igcv2\", \"K\": 4, \"L\": 4}"},
            new String[] {"igcv2 K2 L3 C32 D20 24px", "\"width\": 32, \"depth\": 20, \"resolution\": 24",
                "{\"type\": \"igcv2\", \"K\": 2, \"L\": 3}"},
            new String[] {"igcv2 K4 L2 C48 D20 24px", "\"width\": 48, \"depth\": 20, \"resolution\": 24",
                "{\"type\": \"igcv2\", \"K\": 4, \"L\": 2}"},
            new String[] {"igcv2 K8 L2 C96 D41 24px", "\"width\": 96, \"depth\": 41, \"resolution\": 24",
                "{\"type\": \"igcv2\", \"K\": 8, \"L\": 2}"},
            new String[] {"igcv1 L4 C32 D14", "\"width\": 32, \"depth\": 14",
                "{\"type\": \"igcv1\", \"L\": 4}"},
            new String[] {"igcv1 L8 C64 D26", "\"width\": 64, \"depth\": 26",
                "{\"type\": \"igcv1\", \"L\": 8}"},
            new String[] {"igcv1 L12 C48 D8", "\"width\": 48, \"depth\": 8",
                "{\"type\": \"igcv1\", \"L\": 12}"},
            new String[] {"dwsep C32 D23", "\"width\": 32, \"depth\": 23",
                "{\"type\": \"dwsep\", \"norm\": \"end\"}"},
            new String[] {"dwsep C64 D14", "\"width\": 64, \"depth\": 14",
                "{\"type\": \"dwsep\", \"norm\": \"end\"}"},
            new String[] {"dwsep C96 D8", "\"width\": 96, \"depth\": 8",
                "{\"type\": \"dwsep\", \"norm\": \"end\"}"},
            new String[] {"igcv2 K2 L3 C16 D11 28px gray", "\"width\": 16, \"depth\": 11, \"resolution\": 28, \"inputChannels\": 1",
                "{\"type\": \"igcv2\", \"K\": 2, \"L\": 3}"},
            new String[] {"igcv2 K4 L3 C24 D8 28px gray", "\"width\": 24, \"depth\": 8, \"resolution\": 28, \"inputChannels\": 1",
                "{\"type\": \"igcv2\", \"K\": 4, \"L\": 3}"});

    private CalibrationNetworks() {
    }

    /** The networks, in the order they are timed. */
    public static List<Network> all() {
        return SPECS.stream().map(CalibrationNetworks::build).toList();
    }

    /** The network of this name ({@link Network#name()}), if it is one of them. */
    public static Optional<Network> named(String name) {
        return SPECS.stream().filter(s -> (PREFIX + s[0]).equals(name)).findFirst().map(CalibrationNetworks::build);
    }

    private static Network build(String[] spec) {
        return NetworkJson.parse("{\"format\": \"igc-network/1\", \"name\": \"" + PREFIX + spec[0] + "\", \"skeleton\": {\"type\": \"cifar\", "
                + spec[1] + ", \"classes\": 10, \"block\": " + spec[2] + "}}");
    }
}
