package org.igclab.analyzer.onnx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;

/**
 * The data flow of an imported model: every value computed from the image, with the step that computes it and its shape.
 * Values that only alias another (Identity, Dropout, Flatten) are folded away, so a step's inputs are other steps' outputs
 * or the model's input.
 *
 * @param input     the model's image input
 * @param inShape   its shape
 * @param output    the value the model returns
 * @param producers each computed value's step, in the model's (topological) order
 * @param shapes    each value's shape, the input's included
 */
record DataFlow(String input, TensorShape inShape, String output, Map<String, Step> producers, Map<String, TensorShape> shapes) {
    DataFlow {
        producers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(producers));
        shapes = Map.copyOf(shapes);
    }

    /** How one value is computed. */
    sealed interface Step {
        /** The ONNX node it came from, for messages. */
        String node();

        /** The values it reads. */
        List<String> inputs();
    }

    /** One operation on one value. */
    record Unary(String node, String in, Op op) implements Step {
        @Override
        public List<String> inputs() {
            return List.of(in);
        }
    }

    /**
     * Two or more values combined: added, multiplied (with broadcasting), concatenated, or by an operator not known
     * ({@code operator}, giving {@code unknownOut}).
     */
    record Join(String node, Kind kind, List<String> inputs, String operator, TensorShape unknownOut) implements Step {
        enum Kind { ADD, MUL, CONCAT, UNKNOWN }

        Join {
            inputs = List.copyOf(inputs);
        }
    }

    /** Channels {@code [start, end)} of a value (Split, or Slice along channels). */
    record Piece(String node, String in, int start, int end) implements Step {
        @Override
        public List<String> inputs() {
            return List.of(in);
        }
    }
}
