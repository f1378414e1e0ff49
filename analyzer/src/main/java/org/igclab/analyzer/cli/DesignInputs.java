package org.igclab.analyzer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.onnx.InputShape;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.SpaceJson;
import org.igclab.analyzer.network.Blocks;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.InvalidDesignException;

/** Reads design and space files for the commands, naming the file in every complaint. */
public final class DesignInputs {
    private DesignInputs() {
    }

    public static Design read(Path file) throws IOException {
        return read(file, Optional.empty());
    }

    /** Reads a design file, an ONNX model's symbolic input sizes taken from {@code onnxInput}. */
    public static Design read(Path file, Optional<InputShape> onnxInput) throws IOException {
        return inFile(file, () -> {
            try {
                return DesignFiles.read(file, onnxInput);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    static ChainDocument chain(Path file) throws IOException {
        return chain(file, null);
    }

    /** The chain of a chain file, or of the block at {@code blockPath} in a network file. */
    static ChainDocument chain(Path file, String blockPath) throws IOException {
        return chain(file, read(file), blockPath);
    }

    /** The chain of {@code design}, read from {@code file}: itself, or the block at {@code blockPath} of a network. */
    static ChainDocument chain(Path file, Design design, String blockPath) {
        return design.accept(new Design.Visitor<>() {
            @Override
            public ChainDocument chain(Design.ChainDesign c) {
                if (blockPath != null) {
                    throw new InputException("--block applies to network files; " + file + " is a chain");
                }
                return c.document();
            }

            @Override
            public ChainDocument network(Design.NetworkDesign n) {
                if (blockPath == null) {
                    throw new InputException(file + " is a network; name one of its blocks with --block PATH, or give a chain file");
                }
                Layer root = inFile(file, () -> ShapeInference.resolve(n.network()).root());
                Layer.BlockLayer b = Blocks.find(root, blockPath).orElseThrow(() -> new InputException("--block = " + blockPath + ": "
                        + file + " has no block there (blocks: " + String.join(", ", Blocks.paths(root)) + ")"));
                KernelChain chain = b.template().chain(b.in()).orElseThrow(() -> new InputException("--block = " + blockPath
                        + " is a " + b.template().type() + " block, which is not a chain of structured sparse kernels"));
                return new ChainDocument(b.template().label(b.in()), chain);
            }
        });
    }

    /** Reads a space file ({@code igc-space/1}), naming the file in every complaint about it. */
    public static Space space(Path file) throws IOException {
        return space(file, null);
    }

    /** Reads a space file in which {@code supplied} may be left unset (see {@link SpaceJson#read(Path, String)}). */
    static Space space(Path file, String supplied) throws IOException {
        try {
            return SpaceJson.read(file, supplied);
        } catch (InvalidDesignException e) {
            throw new InputException(complaint(file, "invalid space in ", e), e);
        }
    }

    /** Runs work on a file's design, turning a design error into an input error that names the file. */
    public static <T> T inFile(Path file, Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidDesignException e) {
            throw new InputException(complaint(file, "invalid design in ", e), e);
        }
    }

    /**
     * {@code prefix + file + ": " + e}, or only {@code e} when it is a complaint about the file itself (a folder, a FIFO),
     * which names the file already.
     */
    public static String complaint(Path file, String prefix, InvalidDesignException e) {
        return e.path().isEmpty() && e.reason().startsWith(file + " ") ? e.reason() : prefix + file + ": " + e.getMessage();
    }
}
