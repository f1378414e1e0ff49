package org.igclab.analyzer.sweep;

/**
 * One design's outcome, kept small: its number in the space (its variables follow from it), its figures, and
 * for an invalid design the reason. A rejected design's reason is worked out again when it is printed.
 *
 * @param design  the design's index in the space
 * @param status  whether it passed the constraints, failed them, or could not be built
 * @param figures the numbers, or null for an invalid design
 * @param reason  why the design is invalid, or null
 * @param measured what the runtime measured, when the sweep was evaluated, or null
 */
public record SweepRow(long design, Status status, Figures figures, String reason, Measurement measured) {

    public SweepRow(long design, Status status, Figures figures, String reason) {
        this(design, status, figures, reason, null);
    }

    public SweepRow withMeasured(Measurement m) {
        return new SweepRow(design, status, figures, reason, m);
    }

    public enum Status {
        /** Built, costed and within the constraints. */
        PASS,
        /** Built and costed, but outside the constraints. */
        REJECTED,
        /** Not a network: a field out of range, a group count that does not divide, an inexact division. */
        INVALID;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
