package org.igclab.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SGD with momentum and weight decay whose state can be saved and restored: DJL's {@code Sgd} keeps its momentum
 * buffers private, so a resumed run would restart them from zero.
 *
 * <p>The update is DJL's, computed by the same native call, so training is bit for bit what it was with
 * {@code Optimizer.sgd()}: {@code v = momentum * v + lr * (grad + wd * w); w -= v}. PyTorch's {@code torch.optim.SGD}
 * keeps the buffer without the learning rate ({@code b = momentum * b + grad + wd * w; w -= lr * b}); the two agree
 * exactly while the learning rate is constant and differ slightly under a changing schedule.
 *
 * <p>State: the momentum buffer of each parameter, named by the parameter's path in the block (stable between
 * processes, unlike DJL's parameter ids), and the number of updates made, which sets the learning rate.
 */
final class MomentumSgd extends Optimizer {
    private final Tracker learningRate;
    private final float momentum;
    private final Map<String, NDArray> velocity = new ConcurrentHashMap<>();
    private volatile int updates;

    /** @param updatesDone updates made before (a resumed run): the schedule continues from there */
    MomentumSgd(Tracker learningRate, float momentum, float weightDecay, int updatesDone) {
        super(new Builder().optWeightDecays(weightDecay).optBeginNumUpdate(updatesDone));
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.updates = updatesDone;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int update = updateCount(parameterId);
        updates = Math.max(updates, update);
        float lr = learningRate.getNewValue(update);
        NDList inputs;
        if (momentum != 0f) {
            // on the weight's manager, so the buffers are freed with the model
            NDArray v = velocity.computeIfAbsent(parameterId, k -> weight.zerosLike());
            inputs = new NDList(weight, grad, v);
        } else {
            inputs = new NDList(weight, grad);
        }
        weight.getNDArrayInternal().sgdUpdate(inputs, new NDList(weight), lr, getWeightDecay(), rescaleGrad, clipGrad, momentum, true);
    }

    /** Updates made so far, those of earlier sessions included. */
    int updates() {
        return updates;
    }

    /** The momentum buffers, each named by its parameter's path in {@code block}, copied to {@code manager}. */
    NDList momentum(Block block, NDManager manager) {
        NDList out = new NDList();
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray v = velocity.get(p.getValue().getId());
            if (v != null) {
                NDArray copy = manager.create(v.toFloatArray(), v.getShape());
                copy.setName(p.getKey());
                out.add(copy);
            }
        }
        return out;
    }

    /** Restores buffers saved by {@link #momentum}; the block's parameters must be initialised. */
    void restore(Block block, NDList saved) {
        Map<String, NDArray> byName = new ConcurrentHashMap<>();
        saved.forEach(a -> byName.put(a.getName(), a));
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray v = byName.remove(p.getKey());
            if (v != null) {
                NDArray weight = p.getValue().getArray();
                if (!weight.getShape().equals(v.getShape())) {
                    throw new CheckpointException("the saved momentum of " + p.getKey() + " has shape " + v.getShape()
                            + " but the parameter has " + weight.getShape());
                }
                velocity.put(p.getValue().getId(), weight.getManager().create(v.toFloatArray(), v.getShape()));
            }
        }
        if (!byName.isEmpty()) {
            throw new CheckpointException("the saved momentum names parameters this network lacks: " + byName.keySet());
        }
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
