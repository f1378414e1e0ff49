package org.igclab.analyzer.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Small ONNX models written node by node, as an exporter writes them, for the import's tests. */
final class TinyOnnx {
    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("tiny");
    private int opset = 13;
    private int names;
    final String input;

    /** A model whose input {@code x} is {@code (N, c, h, w)}, the batch symbolic. */
    TinyOnnx(long c, long h, long w) {
        input = "x";
        graph.addInput(value(input, "N", c, h, w));
    }

    TinyOnnx opset(int version) {
        opset = version;
        return this;
    }

    /** The input with a symbolic height instead. */
    static TinyOnnx symbolicHeight() {
        return new TinyOnnx(3, 8, 8).symbolic(2, "height");
    }

    /** The input's dimension {@code index} (1 channels, 2 height, 3 width) made symbolic, named {@code param}, as a dynamic axis is. */
    TinyOnnx symbolic(int index, String param) {
        TypeProto.Tensor.Builder tensor = graph.getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder();
        tensor.getShapeBuilder().getDimBuilder(index).clearDimValue().setDimParam(param);
        return this;
    }

    private static ValueInfoProto value(String name, String batch, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(batch));
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(1).setShape(shape))).build();
    }

    /** A float weight of these dimensions (zeros: the import reads sizes only). */
    String weight(long... dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        String name = "w" + names++;
        graph.addInitializer(tensor(name, 1, dims).setRawData(ByteString.copyFrom(new byte[(int) (4 * n)])));
        return name;
    }

    /** An int64 constant, as a {@code Constant} node (shapes and indices are written so). */
    String ints(long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        String name = "c" + names++;
        TensorProto t = tensor(name, 7, values.length).setRawData(ByteString.copyFrom(b.array())).build();
        graph.addNode(NodeProto.newBuilder().setOpType("Constant").addOutput(name)
                .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR).setT(t)));
        return name;
    }

    /** A float scalar initializer (Clip's bounds). */
    String scalar(float v) {
        String name = "s" + names++;
        graph.addInitializer(tensor(name, 1).addFloatData(v));
        return name;
    }

    private static TensorProto.Builder tensor(String name, int type, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type);
        for (long d : dims) {
            t.addDims(d);
        }
        return t;
    }

    /** A node with one output, which is returned. */
    String node(String op, List<String> inputs, AttributeProto... attributes) {
        return nodes(op, 1, inputs, attributes).get(0);
    }

    List<String> nodes(String op, int outputs, List<String> inputs, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(op + "_" + names++).addAllInput(inputs);
        List<String> outs = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            outs.add("v" + names++);
        }
        n.addAllOutput(outs);
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
        return outs;
    }

    /** A convolution with its weight (and bias), {@code pads} on every side. */
    String conv(String in, long inChannels, long out, long kernel, long stride, long pads, long groups, boolean bias) {
        List<String> inputs = new ArrayList<>(List.of(in, weight(out, inChannels / groups, kernel, kernel)));
        if (bias) {
            inputs.add(weight(out));
        }
        return node("Conv", inputs, ints("kernel_shape", kernel, kernel), ints("strides", stride, stride), ints("pads", pads, pads, pads, pads),
                integer("group", groups));
    }

    String bn(String in, long channels) {
        return node("BatchNormalization", List.of(in, weight(channels), weight(channels), weight(channels), weight(channels)));
    }

    static AttributeProto integer(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }

    static AttributeProto ints(String name, long... v) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long x : v) {
            a.addInts(x);
        }
        return a.build();
    }

    static AttributeProto real(String name, float v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(v).build();
    }

    /** The model returning {@code output}. */
    byte[] bytes(String output) {
        graph.addOutput(ValueInfoProto.newBuilder().setName(output));
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(graph).build().toByteArray();
    }
}
