package org.igclab.analyzer.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;

/**
 * The chains of structured sparse kernels a network holds, wherever they are written (a template's expansion, an imported
 * model): runs of two or more convolutions, at least one of them grouped, with nothing between them but BatchNorm,
 * channel permutations and identities, which keep each channel's connections. An activation, a pooling or a composite
 * ends a run; so does a dilated convolution, which no chain describes.
 */
public final class GroupConvChains {
    private GroupConvChains() {
    }

    /**
     * One chain found.
     *
     * @param first the path of its first convolution
     * @param last  the path of its last
     * @param chain its kernels and the permutations between them, named {@code first .. last}
     */
    public record Found(String first, String last, ChainDocument chain) {
    }

    /** Every chain in the network, in order. */
    public static List<Found> in(Layer root) {
        List<Found> found = new ArrayList<>();
        walk(root, found);
        return found;
    }

    private static void walk(Layer layer, List<Found> found) {
        if (layer instanceof Layer.SequenceLayer seq) {
            Run run = new Run();
            for (Layer child : seq.layers()) {
                if (!(child instanceof Layer.OpLayer op) || !run.take(op)) {
                    run.close(found);
                    if (child instanceof Layer.OpLayer op) {
                        run.take(op); // it may start the next run
                    } else {
                        walk(child, found);
                    }
                }
            }
            run.close(found);
        } else {
            layer.children().forEach(c -> walk(c, found));
        }
    }

    /** A run being gathered: the kernels so far, and the permutation since the last. */
    private static final class Run {
        private final List<GroupConv> kernels = new ArrayList<>();
        private final List<Permutation> permutations = new ArrayList<>();
        private Permutation pending;
        private String first;
        private String last;

        /** Takes one operation into the run; false when it cannot be part of it. */
        boolean take(Layer.OpLayer layer) {
            Op op = layer.op();
            int channels = layer.in().channels();
            if (op instanceof Op.Conv c && c.dilation() == 1) {
                if (!kernels.isEmpty()) {
                    permutations.add(pending == null ? Permutation.identity(channels) : pending);
                } else {
                    first = layer.path();
                }
                kernels.add(new GroupConv(channels, c.outChannels(), c.groups(), c.kernel(), c.stride()));
                pending = null;
                last = layer.path();
                return true;
            }
            if (kernels.isEmpty()) {
                return false;
            }
            Optional<Permutation> p = op instanceof Op.Shuffle s ? Optional.of(s.permutation(channels))
                    : op instanceof Op.Permute m ? Optional.of(m.permutation()) : Optional.empty();
            if (p.isPresent()) {
                pending = pending == null ? p.get() : pending.then(p.get());
                return true;
            }
            return op instanceof Op.BatchNorm || op instanceof Op.Identity;
        }

        void close(List<Found> found) {
            boolean grouped = kernels.stream().anyMatch(k -> k.groups() > 1);
            if (kernels.size() >= 2 && grouped) {
                KernelChain chain = new KernelChain(List.copyOf(kernels), List.copyOf(permutations),
                        Optional.ofNullable(pending).filter(p -> !p.isIdentity()));
                found.add(new Found(first, last, new ChainDocument(first + " .. " + last, chain)));
            }
            kernels.clear();
            permutations.clear();
            pending = null;
        }
    }
}
