package org.igclab.runtime.export;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.List;

/** Builds an ONNX graph node by node with the protobuf classes, naming intermediate values uniquely. */
final class OnnxGraph {
    private final GraphProto.Builder graph;
    private int counter;

    OnnxGraph(String name) {
        graph = GraphProto.newBuilder().setName(name);
    }

    /** Adds a node; returns its (first) output's name. */
    String node(String opType, String name, List<String> inputs, AttributeProto... attributes) {
        return nodeWithOutputs(opType, name, inputs, 1, attributes).get(0);
    }

    List<String> nodeWithOutputs(String opType, String name, List<String> inputs, int outputs, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(opType).setName(name + "/" + opType + "_" + counter);
        inputs.forEach(n::addInput);
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            String out = "t" + counter + "_" + i;
            n.addOutput(out);
            names.add(out);
        }
        counter++;
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
        return names;
    }

    /** A float initializer (a weight). */
    String floats(String name, long[] dims, float[] data) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber());
        for (long d : dims) {
            t.addDims(d);
        }
        for (float f : data) {
            t.addFloatData(f);
        }
        graph.addInitializer(t);
        return name;
    }

    /** An int64 initializer (a shape, indices or split sizes). */
    String longs(String name, long... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64.getNumber())
                .addDims(values.length);
        for (long v : values) {
            t.addInt64Data(v);
        }
        graph.addInitializer(t);
        return name;
    }

    /** A scalar float initializer. */
    String scalar(String name, float value) {
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber()).addFloatData(value));
        return name;
    }

    /** A graph input of shape {@code (batch, dims...)}, the batch a named (symbolic) dimension. */
    void input(String name, String batch, long... dims) {
        graph.addInput(shaped(name, batch, dims));
    }

    /** A graph output of shape {@code (batch, dims...)}. */
    void output(String name, String batch, long... dims) {
        graph.addOutput(shaped(name, batch, dims));
    }

    /** The shape of an intermediate value, {@code (batch, dims...)}, for tools that show shapes (value_info). */
    void valueInfo(String name, String batch, long... dims) {
        graph.addValueInfo(shaped(name, batch, dims));
    }

    /** Renames the value a node produced (to give the graph output a stable name). */
    void rename(String from, String to) {
        for (NodeProto.Builder n : graph.getNodeBuilderList()) {
            for (int i = 0; i < n.getOutputCount(); i++) {
                if (n.getOutput(i).equals(from)) {
                    n.setOutput(i, to);
                }
            }
        }
        // the graph output declares its own shape; a value_info of the same name would repeat it
        for (int i = graph.getValueInfoCount() - 1; i >= 0; i--) {
            if (graph.getValueInfo(i).getName().equals(from)) {
                graph.removeValueInfo(i);
            }
        }
    }

    GraphProto build() {
        return graph.build();
    }

    private static ValueInfoProto shaped(String name, String batch, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(batch));
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape))).build();
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            b.addInts(v);
        }
        return b.build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }
}
