package org.igclab.runtime.engine;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import java.io.IOException;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.TensorShape;

/**
 * A network instantiated in DJL on the PyTorch engine: blocks built and parameters initialised for a batch of
 * the network's input shape. Owns the {@link NDManager} holding the parameters; close it to free them.
 */
public final class Instantiation implements AutoCloseable {
    private final ResolvedNetwork network;
    private final DjlNetwork djl;
    private final NDManager manager;
    private final AutoCloseable owner;

    private Instantiation(ResolvedNetwork network, DjlNetwork djl, NDManager manager, AutoCloseable owner) {
        this.network = network;
        this.djl = djl;
        this.manager = manager;
        this.owner = owner;
    }

    /** Builds and initialises with DJL's default initialisers, seeded for repeatable weights. */
    public static Instantiation of(ResolvedNetwork network, long seed) {
        return of(network, seed, null);
    }

    /** Builds and initialises; {@code weights}, when given, replaces the initialiser of every weight. */
    public static Instantiation of(ResolvedNetwork network, long seed, Initializer weights) {
        Engine.getInstance().setRandomSeed((int) seed);
        DjlNetwork djl = DjlNetwork.build(network);
        if (weights != null) {
            djl.block().setInitializer(weights, Parameter.Type.WEIGHT);
        }
        NDManager manager = NDManager.newBaseManager();
        try {
            djl.block().initialize(manager, DataType.FLOAT32, batchShape(network.spec().input(), 1));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        return new Instantiation(network, djl, manager, manager);
    }

    /** Parameters saved earlier (a training checkpoint), loaded into a model whose block is the network's. */
    @FunctionalInterface
    public interface SavedParameters {
        void loadInto(Model model) throws IOException;
    }

    /**
     * Builds the network as designed and loads saved parameters into it.
     *
     * @throws IOException when they cannot be read or do not fit the network
     */
    public static Instantiation loaded(ResolvedNetwork network, SavedParameters saved) throws IOException {
        DjlNetwork djl = DjlNetwork.build(network);
        Model model = Model.newInstance("igc");
        try {
            model.setBlock(djl.block());
            saved.loadInto(model);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        return new Instantiation(network, djl, model.getNDManager(), model);
    }

    public static Shape batchShape(TensorShape shape, int batch) {
        return new Shape(batch, shape.channels(), shape.height(), shape.width());
    }

    public ResolvedNetwork network() {
        return network;
    }

    public DjlNetwork djl() {
        return djl;
    }

    public Block block() {
        return djl.block();
    }

    public NDManager manager() {
        return manager;
    }

    /** Trainable parameter count of a block, PyTorch's convention (BatchNorm running statistics excluded). */
    public static long trainableParameters(Block block) {
        long total = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                total += p.getValue().getShape().size();
            }
        }
        return total;
    }

    @Override
    public void close() {
        try {
            owner.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot free the network's memory: " + e.getMessage(), e);
        }
    }
}
