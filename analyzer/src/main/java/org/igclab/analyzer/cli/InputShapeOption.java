package org.igclab.analyzer.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.igclab.analyzer.onnx.InputShape;
import org.igclab.analyzer.onnx.OnnxImport;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --input-shape NxCxHxW}: the input sizes an ONNX model leaves symbolic; a picocli mixin. */
public final class InputShapeOption {
    @Option(names = "--input-shape", paramLabel = "NxCxHxW", converter = Converter.class,
            description = "ONNX models: the input's size where the model leaves it symbolic (exported with dynamic height and width), "
                    + "e.g. 1x3x224x224; a symbolic batch needs nothing. Sizes the model fixes must agree.")
    InputShape shape;

    /** The shape given, for {@code file}; giving one for a file that is not an ONNX model is an input error. */
    public Optional<InputShape> forFile(Path file) {
        if (shape != null && !OnnxImport.isOnnx(file)) {
            throw new InputException("--input-shape = " + shape + " applies to ONNX models (.onnx); " + file + " is not one");
        }
        return Optional.ofNullable(shape);
    }

    static final class Converter implements CommandLine.ITypeConverter<InputShape> {
        @Override
        public InputShape convert(String value) {
            try {
                return InputShape.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
