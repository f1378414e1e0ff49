package org.igclab.analyzer.design;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.igclab.analyzer.network.NetworkJson;
import org.igclab.analyzer.onnx.InputShape;
import org.igclab.analyzer.onnx.OnnxImport;
import org.igclab.rules.io.ChainJson;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.io.TextFiles;
import org.igclab.rules.model.InvalidDesignException;

/**
 * Reads a design file, telling chains ({@code igc-chain/1}) from networks ({@code igc-network/1}); an ONNX model
 * ({@code .onnx}) is imported as a network. The one call that loads a design whatever its format.
 */
public final class DesignFiles {

    private DesignFiles() {
    }

    public static Design read(Path file) throws IOException {
        return read(file, Optional.empty());
    }

    /** Reads a design file; an ONNX model's input sizes left symbolic are those of {@code onnxInput}. */
    public static Design read(Path file, Optional<InputShape> onnxInput) throws IOException {
        if (OnnxImport.isOnnx(file)) {
            return new Design.NetworkDesign(OnnxImport.read(file, onnxInput).network());
        }
        String text;
        try {
            text = TextFiles.read(file, "a design file");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidDesignException("", "not UTF-8 text: is it a design file? (an ONNX model is read when its name ends in .onnx)", e);
        }
        return parse(text);
    }

    /** The design file's text: the canonical JSON of a chain, or of a network with the names its source gave its layers. */
    public static String write(Design design) {
        return design.accept(new Design.Visitor<>() {
            @Override
            public String chain(Design.ChainDesign c) {
                return ChainJson.write(c.document());
            }

            @Override
            public String network(Design.NetworkDesign n) {
                return NetworkJson.write(n.network());
            }
        });
    }

    public static Design parse(String text) {
        JsonFields top = JsonFields.parse(text);
        String format = top.optionalString("format", "");
        boolean chain = format.equals(ChainJson.FORMAT) || (format.isEmpty() && top.has("kernels"));
        boolean network = format.equals(NetworkJson.FORMAT)
                || (format.isEmpty() && (top.has("input") || top.has("skeleton") || top.has("layers")));
        if (chain) {
            return new Design.ChainDesign(ChainJson.parse(text));
        }
        if (network) {
            return new Design.NetworkDesign(NetworkJson.fromJson(top));
        }
        if (!format.isEmpty()) {
            throw new InvalidDesignException("format", "= \"" + format + "\" is not a design format (expected \""
                    + ChainJson.FORMAT + "\" or \"" + NetworkJson.FORMAT + "\")");
        }
        throw new InvalidDesignException("", "is neither a chain (no \"kernels\") nor a network (no \"input\", \"layers\" or \"skeleton\"); "
                + "give \"format\": \"" + ChainJson.FORMAT + "\" or \"" + NetworkJson.FORMAT + "\"");
    }
}
