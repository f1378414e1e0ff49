package org.igclab.rules.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The Debian packages some tests need, where each is looked for, and the condition {@link RequiresDebian} applies.
 * A package counts as installed when what the tests use of it works: the interpreter imports {@code torch} (or
 * {@code torchvision}), the data set's four files are there.
 *
 * <p>System properties (or environment variables) point the tests elsewhere, e.g. at a virtual environment's Python:
 * {@code igc.python} ({@code IGC_PYTHON}), default {@code /usr/bin/python3} (Debian's, where python3-torch installs; the
 * {@code python3} first on a PATH may be another); {@code igc.fashion-mnist} ({@code IGC_FASHION_MNIST}), default
 * {@code /usr/share/datasets/fashion-mnist}. Pointing one at a folder that does not exist shows the skips.
 */
public final class DebianPackages implements ExecutionCondition {
    public static final String TORCH = "python3-torch";
    public static final String TORCHVISION = "python3-torchvision";
    public static final String FASHION_MNIST = "dataset-fashion-mnist";

    /** The four IDX files of Fashion-MNIST, each gzipped or not. */
    private static final List<String> FASHION_MNIST_FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /** Importing torch takes seconds, more on a loaded machine; the limit only stops a hang. */
    private static final Duration IMPORT_LIMIT = Duration.ofMinutes(3);

    private static final Map<String, Supplier<Optional<String>>> PROBES = Map.of(
            TORCH, () -> imports("torch"),
            TORCHVISION, () -> imports("torchvision"),
            FASHION_MNIST, DebianPackages::fashionMnistFiles);

    /** What is missing of each package probed so far (empty: installed); probed once per JVM. */
    private static final Map<String, Optional<String>> MISSING = new ConcurrentHashMap<>();

    /** The Python interpreter to run PyTorch with. */
    public static Path python() {
        return Path.of(setting("igc.python", "IGC_PYTHON", "/usr/bin/python3"));
    }

    /** The folder of Fashion-MNIST's IDX files. */
    public static Path fashionMnist() {
        return Path.of(setting("igc.fashion-mnist", "IGC_FASHION_MNIST", "/usr/share/datasets/fashion-mnist"));
    }

    /** True where {@code -Digc.external=require}: a missing package fails the test instead of skipping it. */
    static boolean required() {
        return "require".equals(System.getProperty("igc.external"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<RequiresDebian> annotation = AnnotationSupport.findAnnotation(context.getElement(), RequiresDebian.class);
        if (annotation.isEmpty()) {
            return ConditionEvaluationResult.enabled("needs no Debian package");
        }
        List<String> packages = Arrays.asList(annotation.get().value());
        List<String> missing = new ArrayList<>();
        for (String p : packages) {
            missing(p).ifPresent(why -> missing.add(p + " (" + why + ")"));
        }
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("has " + String.join(", ", packages));
        }
        String message = "needs the Debian package" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                + ": apt-get install " + String.join(" ", packages) + " (bash .ci/run installs them)";
        if (required()) {
            throw new IllegalStateException(message + "; igc.external=require makes this a failure");
        }
        announce(context.getRequiredTestClass().getName() + context.getTestMethod().map(m -> "." + m.getName()).orElse("") + ": " + message);
        return ConditionEvaluationResult.disabled(message);
    }

    /**
     * Says on the process's own standard error which test is skipped and why. Surefire keeps a test's printed output in a
     * file and its console names only how many were skipped; the stream under System.err reaches the build's console.
     */
    private static void announce(String line) {
        NATIVE_ERR.println("SKIPPED " + line);
    }

    private static final PrintStream NATIVE_ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    /** Why a package counts as not installed, or empty when it is. */
    public static Optional<String> missing(String debianPackage) {
        Supplier<Optional<String>> probe = PROBES.get(debianPackage);
        if (probe == null) {
            throw new IllegalArgumentException("@RequiresDebian(\"" + debianPackage + "\"): not one of " + PROBES.keySet());
        }
        return MISSING.computeIfAbsent(debianPackage, p -> probe.get());
    }

    private static Optional<String> imports(String module) {
        Path python = python();
        if (!Files.isExecutable(python)) {
            return Optional.of("no Python interpreter at " + python);
        }
        try {
            ExternalProcess.Finished r = ExternalProcess.run(List.of(python.toString(), "-c", "import " + module), IMPORT_LIMIT);
            return r.exitCode() == 0 ? Optional.empty() : Optional.of(python + " cannot import " + module);
        } catch (IOException e) {
            return Optional.of("cannot run " + python + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while " + python + " imported " + module);
        }
    }

    private static Optional<String> fashionMnistFiles() {
        Path dir = fashionMnist();
        for (String f : FASHION_MNIST_FILES) {
            if (!Files.isRegularFile(dir.resolve(f + ".gz")) && !Files.isRegularFile(dir.resolve(f))) {
                return Optional.of("no " + f + ".gz in " + dir);
            }
        }
        return Optional.empty();
    }

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
