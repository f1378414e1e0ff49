package org.igclab.analyzer.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/** Reading a node's attributes and small constant tensors (shapes, clip bounds) of an ONNX model. */
final class OnnxAttributes {
    /** Larger float constants are weights: their sizes matter, never their values. */
    private static final int SMALL = 64;
    /** Integer constants are shapes and indices (a permutation of every channel), read up to this size. */
    private static final int INDICES = 1 << 16;

    private OnnxAttributes() {
    }

    static Optional<AttributeProto> attribute(NodeProto node, String name) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst();
    }

    static long integer(NodeProto node, String name, long fallback) {
        return attribute(node, name).map(AttributeProto::getI).orElse(fallback);
    }

    static float real(NodeProto node, String name, float fallback) {
        return attribute(node, name).map(AttributeProto::getF).orElse(fallback);
    }

    static String text(NodeProto node, String name, String fallback) {
        return attribute(node, name).map(a -> a.getS().toStringUtf8()).orElse(fallback);
    }

    static Optional<List<Long>> ints(NodeProto node, String name) {
        return attribute(node, name).map(AttributeProto::getIntsList);
    }

    /** The values of a small numeric tensor, or empty for a large one or a type it does not read. */
    static Optional<double[]> values(TensorProto t) {
        long count = t.getDimsList().stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b);
        boolean integers = t.getDataType() == 6 || t.getDataType() == 7;
        if (count > (integers ? INDICES : SMALL)) {
            return Optional.empty();
        }
        int n = (int) count;
        double[] v = new double[n];
        ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        boolean hasRaw = !t.getRawData().isEmpty();
        for (int i = 0; i < n; i++) {
            switch (t.getDataType()) {
                case 1 -> v[i] = hasRaw ? raw.getFloat(4 * i) : t.getFloatData(i);
                case 11 -> v[i] = hasRaw ? raw.getDouble(8 * i) : t.getDoubleData(i);
                case 7 -> v[i] = hasRaw ? raw.getLong(8 * i) : t.getInt64Data(i);
                case 6 -> v[i] = hasRaw ? raw.getInt(4 * i) : t.getInt32Data(i);
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(v);
    }

    /** Number of elements of a tensor, from its dimensions. */
    static long elements(TensorProto t) {
        return t.getDimsList().stream().mapToLong(Long::longValue).reduce(1, Math::multiplyExact);
    }
}
