package org.igclab.analyzer.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.igclab.rules.io.JsonFields;

/** The counting conventions (src/site/markdown/conventions.md), stated in every report so numbers are never read in the wrong units. */
public final class Conventions {
    public static final String PARAMETERS = "parameters: kernel weights C_out * (C_in / G) * k * k; a bare chain has no bias and no BatchNorm";
    public static final String MACS = "MACs: C_out * H_out * W_out * (C_in / G) * k * k; FLOPs = 2 * MACs; "
            + "papers' \"FLOPs\" and \"Mult-Adds\" are MACs";
    public static final String PERMUTATIONS = "permutations: 0 MACs, 0 parameters; chains keep the spatial size (padding k / 2)";

    private Conventions() {
    }

    /** The three lines, each prefixed with {@code # }, for the head of a text report. */
    public static String textBlock() {
        return "# " + PARAMETERS + "\n# " + MACS + "\n# " + PERMUTATIONS + "\n";
    }

    public static ObjectNode json() {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        n.put("parameters", PARAMETERS);
        n.put("macs", MACS);
        n.put("permutations", PERMUTATIONS);
        return n;
    }
}
