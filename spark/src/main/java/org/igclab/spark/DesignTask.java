package org.igclab.spark;

import java.io.Serializable;

/**
 * One design of a sweep as a Spark task carries it: the space's template filled in for it (what {@code igc cost} would
 * read), so an executor builds the network exactly as the driver did, and checks it against the driver's hash.
 *
 * @param design       the design's index in the sweep
 * @param name         its name in the store, e.g. {@code tiny [width=8 depth=5 K=2]}
 * @param templateJson the space's template filled in with the design's values
 * @param designHash   SHA-256 of the design's canonical JSON: with the settings' hash, the task's identity
 */
public record DesignTask(long design, String name, String templateJson, String designHash) implements Serializable {
}
