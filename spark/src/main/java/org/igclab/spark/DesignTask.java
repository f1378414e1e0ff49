package org.igclab.spark;

import java.io.Serializable;

/**
 * One design of a sweep as a Spark task carries it: the design in its canonical JSON, so an executor rebuilds exactly
 * what the driver hashed.
 *
 * @param design     the design's index in the sweep
 * @param name       its name in the store, e.g. {@code tiny [width=8 depth=5 K=2]}
 * @param designJson its canonical JSON
 * @param designHash SHA-256 of {@code designJson}: with the settings' hash, the task's identity
 */
public record DesignTask(long design, String name, String designJson, String designHash) implements Serializable {
}
