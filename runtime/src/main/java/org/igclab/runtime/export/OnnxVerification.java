package org.igclab.runtime.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.engine.NoGrad;

/** Loads an exported ONNX model in ONNX Runtime and compares its outputs with DJL's on the same random inputs. */
public final class OnnxVerification {

    private OnnxVerification() {
    }

    /**
     * How far ONNX Runtime's outputs are from DJL's.
     *
     * @param maxAbsDifference the largest absolute difference
     * @param maxAbsOutput     the largest absolute output of DJL, to judge the difference by
     * @param values           how many outputs were compared
     */
    public record Comparison(double maxAbsDifference, double maxAbsOutput, int values) {
    }

    /**
     * Runs both on the same random batch (inference mode) and compares their outputs.
     *
     * @throws OrtException when ONNX Runtime cannot load or run the model
     */
    public static Comparison compare(Instantiation inst, byte[] model, int batch, long seed) throws OrtException {
        TensorShape in = inst.network().spec().input();
        long[] shape = {batch, in.channels(), in.height(), in.width()};
        float[] x = new float[(int) (batch * in.elements())];
        Random random = new Random(seed);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[] onnx;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = env.createSession(model, options);
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
             OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, input))) {
            FloatBuffer out = ((OnnxTensor) result.get(OnnxExport.OUTPUT).orElseThrow()).getFloatBuffer();
            onnx = new float[out.remaining()];
            out.get(onnx);
        }
        float[] djl;
        try (NoGrad off = NoGrad.enter(); NDManager pass = inst.manager().newSubManager()) {
            NDArray array = pass.create(x, new ai.djl.ndarray.types.Shape(shape));
            djl = inst.block().forward(new ParameterStore(pass, false), new NDList(array), false).singletonOrThrow().toFloatArray();
        }
        if (djl.length != onnx.length) {
            throw new IllegalStateException("ONNX Runtime returned " + onnx.length + " values, DJL " + djl.length);
        }
        double max = 0;
        double magnitude = 0;
        for (int i = 0; i < djl.length; i++) {
            max = Math.max(max, Math.abs(djl[i] - onnx[i]));
            magnitude = Math.max(magnitude, Math.abs(djl[i]));
        }
        return new Comparison(max, magnitude, djl.length);
    }
}
