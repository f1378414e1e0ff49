package org.igclab.runtime.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.Random;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.igclab.runtime.latency.AdaptiveTiming;
import org.igclab.runtime.latency.InterferenceRule;
import org.igclab.runtime.latency.ReferenceSpeed;

/**
 * The reference probe in DJL/PyTorch, the engine every timing uses: a dense 3x3 convolution, {@value #CHANNELS} to
 * {@value #CHANNELS} channels on {@value #SIZE}x{@value #SIZE}, batch 1, on fixed weights and a fixed input (seeded),
 * timed {@value #PASSES} passes and the median kept (a few tenths of a millisecond, so probing every half second of a
 * timing costs well under 1% of it). The probe runs on the calling thread with the intra-op threads set then, so each
 * thread count has its own floor ({@link ReferenceSpeed#process}).
 */
public final class SpeedProbe {
    static final int CHANNELS = 32;
    static final int SIZE = 24;
    static final int PASSES = 5;
    /** Probes run before the first timing of a process whose floor is still unknown. */
    static final int FIRST_PROBES = 5;

    private static final Object LOCK = new Object();
    private static NDManager manager;
    private static NDArray input;
    private static NDArray weight;

    private SpeedProbe() {
    }

    /** The probe's median over its passes, in milliseconds; NaN where the engine cannot run it. */
    public static double medianMs() {
        NDArray[] arrays = arrays();
        double[] ms = new double[PASSES];
        Shape one = new Shape(1, 1);
        try (NDManager scope = manager.newSubManager()) { // the outputs, freed together after the passes
            for (int i = 0; i < PASSES; i++) {
                long start = System.nanoTime();
                Conv2d.conv2d(arrays[0], arrays[1], null, one, one, one, 1).singletonOrThrow().attach(scope);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return new Median().evaluate(ms);
    }

    /**
     * This process's reference for the current intra-op threads, probed {@value #FIRST_PROBES} times first where it has
     * no floor yet.
     */
    public static ReferenceSpeed reference() {
        ReferenceSpeed reference = ReferenceSpeed.process(Threads.current().intra());
        if (Double.isNaN(reference.floorMs())) {
            for (int i = 0; i < FIRST_PROBES; i++) {
                reference.observe(medianMs());
            }
        }
        return reference;
    }

    /**
     * The system's environment ({@link AdaptiveTiming.Environment#system()}) with this probe and this process's floor where
     * the rule judges the machine's speed; without them where it does not.
     */
    public static AdaptiveTiming.Environment environment(InterferenceRule rule) {
        AdaptiveTiming.Environment system = AdaptiveTiming.Environment.system();
        return rule.checksSpeed() ? system.withProbe(SpeedProbe::medianMs, reference()) : system;
    }

    /** The fixed input and weight, made once per process on a manager that lives as long as it. */
    private static NDArray[] arrays() {
        synchronized (LOCK) {
            if (manager == null) {
                Random random = new Random(42);
                manager = NDManager.newBaseManager();
                input = manager.create(values(random, CHANNELS * SIZE * SIZE), new Shape(1, CHANNELS, SIZE, SIZE));
                weight = manager.create(values(random, CHANNELS * CHANNELS * 9), new Shape(CHANNELS, CHANNELS, 3, 3));
            }
            return new NDArray[] {input, weight};
        }
    }

    private static float[] values(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextFloat() - 0.5f;
        }
        return v;
    }
}
