package org.igclab.runtime.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.testing.DebianPackages;
import org.igclab.rules.testing.ExternalProcess;
import org.igclab.runtime.engine.DjlNetwork;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.engine.NoGrad;

/**
 * Runs exported PyTorch modules ({@code igc export --format pytorch}) in Debian's PyTorch with the weights of a DJL
 * instantiation, on the input DJL ran, and compares the outputs: the PyTorch export's counterpart of
 * {@link OnnxVerification}. One Python process runs every case.
 */
final class PyTorchAgreement {
    private PyTorchAgreement() {
    }

    /**
     * One network written for Python, with what DJL computed.
     *
     * @param folder where its files are
     * @param djl    DJL's output on the input, in inference mode, flattened
     */
    record Case(String name, Path folder, float[] djl) {
    }

    /**
     * How Python's output compares with DJL's.
     *
     * @param error what went wrong in Python (the module does not take DJL's weights, say), or null
     */
    record Outcome(double maxAbsDifference, double maxAbsOutput, String error) {
        boolean agrees() {
            // as the ONNX check: 1e-4 absolute on outputs of unit scale, relative for the large logits of deep random networks
            return error == null && maxAbsDifference < 1e-4 * Math.max(1, maxAbsOutput);
        }
    }

    /** Writes {@code source} with the instantiation's weights and a seeded input of two images, and runs DJL on that input. */
    static Case write(String name, Instantiation inst, String source, long seed, Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("model.py"), source);
        TensorShape in = inst.network().spec().input();
        Shape shape = Instantiation.batchShape(in, 2);
        float[] x = new float[(int) shape.size()];
        Random random = new Random(seed);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        Files.write(folder.resolve("input.bin"), bytes(List.of(x)));
        ObjectNode manifest = JsonFields.MAPPER.createObjectNode();
        ArrayNode dims = manifest.putArray("input");
        for (long d : shape.getShape()) {
            dims.add(d);
        }
        ArrayNode ops = manifest.putArray("ops");
        List<float[]> weights = new ArrayList<>();
        for (DjlNetwork.Mapped m : inst.djl().mapped()) {
            List<String> names = weightNames(m.layer().op());
            if (names.isEmpty()) {
                continue;
            }
            ObjectNode op = ops.addObject().put("path", m.layer().path()).put("kind", kind(m.layer().op()));
            ArrayNode shapes = op.putArray("shapes");
            for (String suffix : names) {
                NDArray array = parameter(m.block(), suffix);
                ArrayNode s = shapes.addArray();
                for (long d : array.getShape().getShape()) {
                    s.add(d);
                }
                weights.add(array.toFloatArray());
            }
        }
        Files.write(folder.resolve("weights.bin"), bytes(weights));
        Files.writeString(folder.resolve("manifest.json"), JsonFields.pretty(manifest));
        float[] djl;
        try (NoGrad off = NoGrad.enter(); NDManager pass = inst.manager().newSubManager()) {
            NDArray array = pass.create(x, shape);
            djl = inst.block().forward(new ParameterStore(pass, false), new NDList(array), false).singletonOrThrow().toFloatArray();
        }
        return new Case(name, folder, djl);
    }

    /** Runs every case in one Python process; the outcomes by case name. */
    static Map<String, Outcome> run(List<Case> cases, Path scratch) throws IOException, InterruptedException {
        Path script = scratch.resolve("pytorch_agreement.py");
        try (InputStream s = PyTorchAgreement.class.getResourceAsStream("pytorch_agreement.py")) {
            Files.write(script, s.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(DebianPackages.python().toString(), script.toString()));
        cases.forEach(c -> command.add(c.folder().toString()));
        // a limit that only stops a hang: every sample runs in seconds
        ExternalProcess.Finished python = ExternalProcess.run(command, Duration.ofMinutes(10));
        Map<String, String> errors = new LinkedHashMap<>();
        for (String line : python.output().split("\n")) {
            if (line.startsWith("{")) {
                JsonNode r = JsonFields.MAPPER.readTree(line);
                errors.put(r.get("folder").asText(), r.has("error") ? r.get("error").asText() : null);
            }
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (Case c : cases) {
            String folder = c.folder().toString();
            if (!errors.containsKey(folder)) {
                outcomes.put(c.name(), new Outcome(Double.NaN, Double.NaN, "Python did not get to it (exit " + python.exitCode() + "):\n"
                        + python.output()));
            } else if (errors.get(folder) != null) {
                outcomes.put(c.name(), new Outcome(Double.NaN, Double.NaN, errors.get(folder)));
            } else {
                outcomes.put(c.name(), compare(c.djl(), floats(Files.readAllBytes(c.folder().resolve("output.bin")))));
            }
        }
        return outcomes;
    }

    private static Outcome compare(float[] djl, float[] torch) {
        if (djl.length != torch.length) {
            return new Outcome(Double.NaN, Double.NaN, "PyTorch returned " + torch.length + " values, DJL " + djl.length);
        }
        double max = 0;
        double magnitude = 0;
        for (int i = 0; i < djl.length; i++) {
            max = Math.max(max, Math.abs(djl[i] - torch[i]));
            magnitude = Math.max(magnitude, Math.abs(djl[i]));
        }
        return new Outcome(max, magnitude, null);
    }

    /** The operation's weights in the order the Python side lists a layer's tensors (PyTorch's own order). */
    private static List<String> weightNames(Op op) {
        if (op instanceof Op.Conv c) {
            return c.bias() ? List.of("weight", "bias") : List.of("weight");
        }
        if (op instanceof Op.Linear l) {
            return l.bias() ? List.of("weight", "bias") : List.of("weight");
        }
        if (op instanceof Op.BatchNorm) {
            return List.of("gamma", "beta", "runningMean", "runningVar");
        }
        return List.of();
    }

    private static String kind(Op op) {
        return op instanceof Op.Conv ? "conv" : op instanceof Op.Linear ? "linear" : "batchnorm";
    }

    private static NDArray parameter(Block block, String suffix) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getKey().endsWith(suffix)) {
                return p.getValue().getArray();
            }
        }
        throw new IllegalStateException("no parameter " + suffix + " in " + block);
    }

    private static byte[] bytes(List<float[]> arrays) {
        int n = arrays.stream().mapToInt(a -> a.length).sum();
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] a : arrays) {
            for (float f : a) {
                b.putFloat(f);
            }
        }
        return b.array();
    }

    private static float[] floats(byte[] bytes) {
        float[] out = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
