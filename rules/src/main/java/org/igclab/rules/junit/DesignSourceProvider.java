package org.igclab.rules.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.io.ChainFiles;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.rules.model.KernelChain;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclaration;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.junit.platform.commons.PreconditionViolationException;

/**
 * Supplies the designs of {@link DesignSource} to a parameterized test, one argument set per design. All files are
 * read before the first invocation, so a broken file fails the test at once, naming the file, instead of after
 * some of its designs ran.
 */
public final class DesignSourceProvider implements ArgumentsProvider, AnnotationConsumer<DesignSource> {
    private List<String> paths = List.of();

    /** One design: the label the invocation shows and the document it hands over. */
    private record Design(String label, ChainDocument document) {
    }

    /** What the test method takes, told by its first parameter. */
    private enum Shape {
        DOCUMENT, CHAIN, NAME_AND_CHAIN
    }

    @Override
    public void accept(DesignSource source) {
        paths = List.of(source.value());
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        if (paths.isEmpty()) {
            throw new PreconditionViolationException("@DesignSource needs at least one file or directory");
        }
        Shape shape = shape(parameters);
        List<Arguments> arguments = new ArrayList<>();
        for (String path : paths) {
            for (Design d : designs(path)) {
                ChainDocument doc = d.document();
                arguments.add(switch (shape) {
                    case DOCUMENT -> Arguments.argumentSet(d.label(), doc);
                    case CHAIN -> Arguments.argumentSet(d.label(), doc.chain());
                    case NAME_AND_CHAIN -> Arguments.argumentSet(d.label(), doc.name(), doc.chain());
                });
            }
        }
        return arguments.stream();
    }

    private static Shape shape(ParameterDeclarations parameters) {
        Class<?> first = parameters.getFirst().map(ParameterDeclaration::getParameterType).orElse(ChainDocument.class);
        if (first.isAssignableFrom(ChainDocument.class)) {
            return Shape.DOCUMENT;
        }
        if (first == KernelChain.class) {
            return Shape.CHAIN;
        }
        if (first == String.class) {
            return Shape.NAME_AND_CHAIN;
        }
        throw new PreconditionViolationException("@DesignSource supplies (ChainDocument design), (KernelChain chain) or "
                + "(String name, KernelChain chain), but the first parameter of " + parameters.getSourceElementDescription()
                + " is a " + first.getName());
    }

    private static List<Design> designs(String given) {
        Path path = Path.of(given);
        if (!Files.exists(path)) {
            throw new PreconditionViolationException("@DesignSource(\"" + given + "\"): " + Describe.missingFile(path));
        }
        List<Design> out = new ArrayList<>();
        for (Path file : files(given, path)) {
            out.addAll(read(given, file));
        }
        return out;
    }

    /** The file itself, or a directory's {@code *.json} files in name order. */
    private static List<Path> files(String given, Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> listing = Files.list(path)) {
            List<Path> files = listing.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new PreconditionViolationException("@DesignSource(\"" + given + "\"): the directory holds no .json files");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("@DesignSource(\"" + given + "\"): cannot list the directory: " + e.getMessage(), e);
        }
    }

    private static List<Design> read(String given, Path file) {
        List<ChainFiles.Entry> entries;
        try {
            entries = ChainFiles.read(file);
        } catch (NoSuchFileException e) {
            throw new PreconditionViolationException("@DesignSource(\"" + given + "\"): " + Describe.missingFile(file), e);
        } catch (IOException e) {
            throw new UncheckedIOException("@DesignSource(\"" + given + "\"): cannot read " + file + ": " + e.getMessage(), e);
        } catch (InvalidDesignException e) {
            throw new PreconditionViolationException("@DesignSource(\"" + given + "\"): " + file + " is not a valid design file: "
                    + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new PreconditionViolationException("@DesignSource(\"" + given + "\"): " + file + " lists no designs");
        }
        String fileName = file.getFileName().toString();
        List<Design> designs = new ArrayList<>(entries.size());
        for (ChainFiles.Entry e : entries) {
            String place = e.path().isEmpty() ? fileName : fileName + " " + e.path();
            String name = e.document().name();
            String label = name.isEmpty() ? place : place + ": " + name;
            designs.add(new Design(label, name.isEmpty() ? new ChainDocument(place, e.document().chain()) : e.document()));
        }
        return designs;
    }
}
