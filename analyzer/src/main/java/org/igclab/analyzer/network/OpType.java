package org.igclab.analyzer.network;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one table of operation names as a network file writes them. Every {@link Op} says which it is
 * ({@link Op#type()}), and {@link OpJson} reads each with an exhaustive switch: a new operation is a compile error
 * until it has a name here and a reader there.
 */
public enum OpType {
    CONV("conv"),
    SHUFFLE("shuffle"),
    PERMUTE("permute"),
    BATCH_NORM("bn"),
    RELU("relu"),
    RELU6("relu6"),
    HARDSWISH("hardswish"),
    HARDSIGMOID("hardsigmoid"),
    SIGMOID("sigmoid"),
    IDENTITY("identity"),
    MAX_POOL("maxpool"),
    AVG_POOL("avgpool"),
    GLOBAL_AVG_POOL("gap"),
    LINEAR("linear"),
    UNKNOWN("unknown");

    private final String fileName;

    OpType(String fileName) {
        this.fileName = fileName;
    }

    /** The name a network file gives the operation ({@code conv}, {@code bn}, ...). */
    public String fileName() {
        return fileName;
    }

    /** The operation a file's {@code type} names, if it is one. */
    public static Optional<OpType> named(String name) {
        return Arrays.stream(values()).filter(t -> t.fileName.equals(name)).findFirst();
    }

    /** Every operation name, in the table's order. */
    public static List<String> fileNames() {
        return Arrays.stream(values()).map(OpType::fileName).toList();
    }
}
