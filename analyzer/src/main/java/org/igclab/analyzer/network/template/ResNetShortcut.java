package org.igclab.analyzer.network.template;

import java.util.Optional;
import org.igclab.analyzer.network.LayerSpec;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.model.InvalidDesignException;

/**
 * What ResNet's basic and bottleneck blocks share: the projection shortcut (a 1x1 convolution with {@code shortcutGroups}
 * groups + BN) where the stride or the width changes, the identity elsewhere, the addition and the final ReLU.
 */
final class ResNetShortcut {

    private ResNetShortcut() {
    }

    static boolean projects(TensorShape in, int out, int stride) {
        return stride != 1 || in.channels() != out;
    }

    /** {@code shortcutGroups} must divide the input width where there is a projection, and is refused where there is none. */
    static void check(TensorShape in, int out, int stride, int shortcutGroups) {
        if (!projects(in, out, stride)) {
            if (shortcutGroups != 1) {
                throw new InvalidDesignException("shortcutGroups", "= " + shortcutGroups + " sets the projection's groups, but this block has "
                        + "no projection (stride 1, " + in.channels() + " -> " + out + " channels: the shortcut is the identity); leave it out");
            }
            return;
        }
        if (in.channels() % shortcutGroups != 0) {
            throw new InvalidDesignException("shortcutGroups", "= " + shortcutGroups + " does not divide " + in.channels() + " input channels");
        }
    }

    /** {@code relu(body(x) + shortcut(x))}, the body's layers under {@code path.body}. */
    static LayerSpec assemble(String path, SpecBuilder body, TensorShape in, int out, int stride, int shortcutGroups) {
        Optional<LayerSpec> shortcut = Optional.empty();
        if (projects(in, out, stride)) {
            shortcut = Optional.of(new SpecBuilder(path + ".shortcut").conv("conv", out, 1, stride, shortcutGroups).bn("bn").build());
        }
        return new SpecBuilder(path)
                .add(new LayerSpec.ResidualSpec(path + ".residual", body.build(), shortcut))
                .relu("relu")
                .build();
    }

    /** The projection's terms, where there is one. */
    static void formula(FormulaBuilder f, TensorShape in, int out, int stride, int shortcutGroups, long hwOut) {
        if (projects(in, out, stride)) {
            int c = in.channels();
            f.weights("C_out * C_in / G_s", out, c, -shortcutGroups).bn("2 * C_out", 2, out)
                    .macs("H_out * W_out * C_out * C_in / G_s", hwOut, out, c, -shortcutGroups);
        }
    }
}
