package org.igclab.runtime.plan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.engine.NoGrad;

/**
 * How closely an execution computes what the design computes, on one random input: the largest absolute difference
 * of their outputs against the largest absolute output of the design. An execution whose difference exceeds
 * {@link #TOLERANCE} of that scale is not used, whatever its speed.
 *
 * @param maxDifference the largest {@code |planned - designed|} over the output
 * @param scale         the largest {@code |designed|}
 */
public record Agreement(double maxDifference, double scale) {

    /** The relative difference allowed: float32 products summed in another order differ by far less. */
    public static final double TOLERANCE = 1e-4;

    /** The design against itself: nothing to compare. */
    public static final Agreement IDENTICAL = new Agreement(0, 0);

    /** Images in the input compared. */
    static final int BATCH = 2;

    public boolean agrees() {
        return maxDifference <= TOLERANCE * Math.max(scale, Float.MIN_NORMAL);
    }

    /** The difference relative to the scale. */
    public double relative() {
        return scale == 0 ? maxDifference : maxDifference / scale;
    }

    /**
     * {@code agrees (relative difference 3.4e-07 <= 1e-04; outputs up to 7.4e+13)}: the relative difference is what is
     * checked; an absolute one means nothing without the outputs' scale, which a deep network's check input makes large.
     */
    public String describe() {
        if (equals(IDENTICAL)) {
            return "agrees (the design itself)";
        }
        return String.format("%s (relative difference %.1e %s %.0e; outputs up to %.1e)", agrees() ? "agrees" : "DIFFERS", relative(),
                agrees() ? "<=" : ">", TOLERANCE, scale);
    }

    static Agreement of(float[] designed, float[] planned) {
        if (designed.length != planned.length) {
            throw new IllegalStateException("outputs of " + designed.length + " and " + planned.length + " values");
        }
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < designed.length; i++) {
            diff = Math.max(diff, Math.abs((double) planned[i] - designed[i]));
            scale = Math.max(scale, Math.abs(designed[i]));
        }
        return new Agreement(diff, scale);
    }

    /** Both blocks on the same seeded random input of {@code input}'s shape, in inference mode without gradients. */
    public static Agreement of(NDManager manager, Block designed, Block planned, TensorShape input, long seed) {
        try (NoGrad off = NoGrad.enter(); NDManager scope = manager.newSubManager()) {
            ai.djl.engine.Engine.getInstance().setRandomSeed((int) seed);
            // centred: a plan must agree on negative activations too, where a folded shift shows
            NDArray x = scope.randomUniform(-1f, 1f, Instantiation.batchShape(input, BATCH));
            ParameterStore ps = new ParameterStore(scope, false);
            float[] a = designed.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
            float[] b = planned.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
            return of(a, b);
        }
    }
}
