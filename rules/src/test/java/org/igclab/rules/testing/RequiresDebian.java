package org.igclab.rules.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test (class or method) that needs Debian packages outside Maven: tagged {@code external}, and skipped, naming the
 * packages and what is missing, where they are not installed. {@code -Digc.external=require} makes a missing package a
 * failure instead (the external step of {@code .ci/run}, which installs them first). Where each package is looked for,
 * and how to point a test elsewhere, is {@link DebianPackages}'s.
 *
 * <pre>{@code @RequiresDebian("python3-torch")}</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("external")
@ExtendWith(DebianPackages.class)
public @interface RequiresDebian {
    /** The packages, by their Debian names: python3-torch, python3-torchvision, dataset-fashion-mnist. */
    String[] value();
}
