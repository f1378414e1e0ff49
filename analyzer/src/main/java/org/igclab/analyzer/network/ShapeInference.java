package org.igclab.analyzer.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.igclab.rules.model.CountOverflowException;
import org.igclab.rules.model.InvalidDesignException;

/**
 * Infers every layer's shapes and expands block templates, turning a {@link Network} into a
 * {@link ResolvedNetwork}. Errors name the layer's path in the file and the field at fault.
 */
public final class ShapeInference {

    private ShapeInference() {
    }

    public static ResolvedNetwork resolve(Network network) {
        if (network.layers().isEmpty()) {
            throw new InvalidDesignException("layers", "the network has no layers");
        }
        Layer.SequenceLayer root = sequence("", network.layers(), network.input());
        return new ResolvedNetwork(network, root);
    }

    /** Resolves one layer on an input shape. */
    public static Layer resolve(LayerSpec spec, TensorShape in) {
        return spec.accept(new LayerSpec.Visitor<>() {
            @Override
            public Layer op(LayerSpec.OpSpec o) {
                return new Layer.OpLayer(o.path(), in, local(o.path(), () -> o.op().outShape(in)), o.op());
            }

            @Override
            public Layer sequence(LayerSpec.SequenceSpec s) {
                if (s.layers().isEmpty()) {
                    throw new InvalidDesignException(s.path(), "has no layers");
                }
                return ShapeInference.sequence(s.path(), s.layers(), in);
            }

            @Override
            public Layer residual(LayerSpec.ResidualSpec r) {
                return ShapeInference.residual(r, in);
            }

            @Override
            public Layer mul(LayerSpec.MulSpec m) {
                Layer body = resolve(m.body(), in);
                Optional<Layer> other = m.other().map(o -> resolve(o, in));
                TensorShape out = broadcast(m.path(), body.out(), other.map(Layer::out).orElse(in), "the body gives ",
                        other.isPresent() ? "the other factor gives " : "the input is ", "multiplied");
                return new Layer.MulLayer(m.path(), in, out, body, other);
            }

            @Override
            public Layer concat(LayerSpec.ConcatSpec c) {
                List<Layer> branches = new ArrayList<>();
                for (LayerSpec b : c.branches()) {
                    branches.add(resolve(b, in));
                }
                return new Layer.ConcatLayer(c.path(), in, concatenated(c.path(), branches), branches);
            }

            @Override
            public Layer split(LayerSpec.SplitSpec s) {
                return ShapeInference.split(s, in);
            }

            @Override
            public Layer block(LayerSpec.BlockSpec b) {
                LayerSpec expanded = local(b.path(), () -> b.template().expand(b.path(), in));
                Layer body = resolve(expanded, in);
                return new Layer.BlockLayer(b.path(), in, body.out(), b.template(), body);
            }
        });
    }

    private static Layer.SequenceLayer sequence(String path, List<LayerSpec> specs, TensorShape in) {
        List<Layer> layers = new ArrayList<>(specs.size());
        TensorShape shape = in;
        for (LayerSpec s : specs) {
            Layer layer = resolve(s, shape);
            layers.add(layer);
            shape = layer.out();
        }
        return new Layer.SequenceLayer(path, in, shape, layers);
    }

    private static Layer residual(LayerSpec.ResidualSpec r, TensorShape in) {
        Layer body = resolve(r.body(), in);
        Optional<Layer> shortcut = r.shortcut().map(s -> resolve(s, in));
        TensorShape out = broadcast(r.path(), body.out(), shortcut.map(Layer::out).orElse(in), "the body gives ",
                shortcut.isPresent() ? "the shortcut gives " : "the identity shortcut passes ", "added");
        return new Layer.ResidualLayer(r.path(), in, out, body, shortcut);
    }

    /**
     * The shape of two values combined element by element: equal shapes, or one of {@code C x 1 x 1} broadcast over the
     * other's positions (as PyTorch and ONNX broadcast a squeeze-and-excitation scale).
     */
    private static TensorShape broadcast(String path, TensorShape a, TensorShape b, String aIs, String bIs, String verb) {
        if (a.equals(b) || (a.channels() == b.channels() && b.positions() == 1)) {
            return a;
        }
        if (a.channels() == b.channels() && a.positions() == 1) {
            return b;
        }
        throw new InvalidDesignException(path, aIs + a + " but " + bIs + b + "; they must match, or one be C x 1 x 1 with the same C, to be "
                + verb);
    }

    private static Layer split(LayerSpec.SplitSpec s, TensorShape in) {
        if (s.sizes().size() != s.branches().size()) {
            throw new InvalidDesignException(s.path() + ".sizes", "has " + s.sizes().size() + " parts for "
                    + s.branches().size() + " branches");
        }
        long sum = 0;
        for (int i = 0; i < s.sizes().size(); i++) {
            if (s.sizes().get(i) <= 0) {
                throw new InvalidDesignException(s.path() + ".sizes[" + i + "]", "= " + s.sizes().get(i) + " must be positive");
            }
            sum += s.sizes().get(i);
        }
        if (sum != in.channels()) {
            throw new InvalidDesignException(s.path() + ".sizes", "add up to " + sum + " but the input has " + in.channels() + " channels");
        }
        List<Layer> branches = new ArrayList<>();
        for (int i = 0; i < s.branches().size(); i++) {
            branches.add(resolve(s.branches().get(i), in.withChannels(s.sizes().get(i))));
        }
        return new Layer.SplitLayer(s.path(), in, concatenated(s.path(), branches), s.sizes(), branches);
    }

    private static TensorShape concatenated(String path, List<Layer> branches) {
        if (branches.isEmpty()) {
            throw new InvalidDesignException(path, "has no branches");
        }
        TensorShape first = branches.get(0).out();
        long channels = 0;
        for (Layer b : branches) {
            if (b.out().height() != first.height() || b.out().width() != first.width()) {
                throw new InvalidDesignException(path, "branch outputs " + first + " and " + b.out()
                        + " differ in height or width and cannot be concatenated");
            }
            channels += b.out().channels();
        }
        if (channels > Integer.MAX_VALUE) {
            throw new InvalidDesignException(path, "concatenates " + channels + " channels, too many");
        }
        return first.withChannels((int) channels);
    }

    /** Runs a layer's own computation, naming the layer in its errors. */
    private static <T> T local(String path, Supplier<T> work) {
        try {
            return work.get();
        } catch (CountOverflowException e) {
            throw new InvalidDesignException(path, "is too large: its counts do not fit in 64-bit integers", e);
        } catch (InvalidDesignException e) {
            throw e.under(path);
        }
    }
}
