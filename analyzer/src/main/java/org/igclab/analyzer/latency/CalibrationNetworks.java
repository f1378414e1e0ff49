package org.igclab.analyzer.latency;

import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.NetworkJson;

/**
 * The whole networks a calibration times beside its primitives, to fit the {@link NetworkCorrection}: networks on the
 * CIFAR skeleton with the blocks designs use (IGCV2 chains, IGCV1, depthwise-separable), at first widths that are
 * multiples of 4 but not of 8, which no sample space has (their widths are multiples of 8), so a design the accuracy
 * bench draws is never one of these. Pure: the same names give the same networks, so a stored calibration names them.
 */
public final class CalibrationNetworks {
    /** The prefix of their names, and of their keys among a calibration's points. */
    public static final String PREFIX = "network ";

    /** Each as {@code name: skeleton fields}; the block goes in the skeleton's {@code block}. */
    private static final List<String[]> SPECS = List.of(
            new String[] {"igcv2 K2 L3 C20 D14", "\"width\": 20, \"depth\": 14", "{\"type\": \"igcv2\", \"K\": 2, \"L\": 3}"},
            new String[] {"igcv2 K4 L3 C36 D20", "\"width\": 36, \"depth\": 20", "{\"type\": \"igcv2\", \"K\": 4, \"L\": 3}"},
            new String[] {"igcv2 K8 L2 C44 D11", "\"width\": 44, \"depth\": 11", "{\"type\": \"igcv2\", \"K\": 8, \"L\": 2}"},
            new String[] {"igcv2 K4 L2 C60 D8", "\"width\": 60, \"depth\": 8", "{\"type\": \"igcv2\", \"K\": 4, \"L\": 2}"},
            new String[] {"igcv2 K4 L3 C76 D17", "\"width\": 76, \"depth\": 17", "{\"type\": \"igcv2\", \"K\": 4, \"L\": 3}"},
            new String[] {"igcv2 K2 L3 C12 D29", "\"width\": 12, \"depth\": 29", "{\"type\": \"igcv2\", \"K\": 2, \"L\": 3}"},
            new String[] {"igcv2 K4 L3 C92 D5", "\"width\": 92, \"depth\": 5", "{\"type\": \"igcv2\", \"K\": 4, \"L\": 3}"},
            new String[] {"igcv2 K16 L2 C124 D8", "\"width\": 124, \"depth\": 8", "{\"type\": \"igcv2\", \"K\": 16, \"L\": 2}"},
            new String[] {"igcv2 K2 L4 C28 D11", "\"width\": 28, \"depth\": 11", "{\"type\": \"igcv2\", \"K\": 2, \"L\": 4}"},
            new String[] {"igcv2 K4 L3 C196 D20", "\"width\": 196, \"depth\": 20", "{\"type\": \"igcv2\", \"K\": 4, \"L\": 3}"},
            new String[] {"igcv2 K2 L3 C44 D41", "\"width\": 44, \"depth\": 41", "{\"type\": \"igcv2\", \"K\": 2, \"L\": 3}"},
            new String[] {"igcv2 K4 L2 C52 D50", "\"width\": 52, \"depth\": 50", "{\"type\": \"igcv2\", \"K\": 4, \"L\": 2}"},
            new String[] {"igcv1 L4 C36 D14", "\"width\": 36, \"depth\": 14", "{\"type\": \"igcv1\", \"L\": 4}"},
            new String[] {"igcv1 L12 C60 D8", "\"width\": 60, \"depth\": 8", "{\"type\": \"igcv1\", \"L\": 12}"},
            new String[] {"dwsep C28 D23", "\"width\": 28, \"depth\": 23", "{\"type\": \"dwsep\", \"norm\": \"end\"}"},
            new String[] {"igcv1 L4 C60 D26", "\"width\": 60, \"depth\": 26", "{\"type\": \"igcv1\", \"L\": 4}"},
            new String[] {"dwsep C60 D38", "\"width\": 60, \"depth\": 38", "{\"type\": \"dwsep\", \"norm\": \"end\"}"},
            new String[] {"dwsep C100 D8", "\"width\": 100, \"depth\": 8", "{\"type\": \"dwsep\", \"norm\": \"end\"}"},
            new String[] {"igcv2 K2 L3 C12 D11 28px gray", "\"width\": 12, \"depth\": 11, \"resolution\": 28, \"inputChannels\": 1",
                "{\"type\": \"igcv2\", \"K\": 2, \"L\": 3}"},
            new String[] {"igcv2 K4 L3 C20 D8 28px gray", "\"width\": 20, \"depth\": 8, \"resolution\": 28, \"inputChannels\": 1",
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
