package org.igclab.analyzer.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.igclab.analyzer.text.OneLine;
import org.igclab.rules.model.InvalidDesignException;

/**
 * A network template whose strings may hold {@code ${expr}}: compiled once, then filled in for each design.
 * A string that is exactly one {@code ${expr}} becomes the expression's number (or, for a bare variable, the
 * variable's value as given, which may be a string or an object); a string with text around its expressions
 * becomes text. Parts without expressions are shared between designs rather than copied, since network
 * parsing only reads them.
 */
final class SpaceTemplate {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One expression in the template: where, the string it stands in, and whether it computes (more than a bare variable). */
    record Hole(String path, String written, Expr expr, boolean arithmetic) {
    }

    private interface Part {
        JsonNode build(Assignment values);
    }

    private final Part root;

    private SpaceTemplate(Part root) {
        this.root = root;
    }

    /** Every expression in the template, unbound; a syntax error names its field. */
    static List<Hole> holes(JsonNode template, String path) {
        List<Hole> holes = new ArrayList<>();
        part(template, path, null, holes);
        return holes;
    }

    /** The template with each expression reading variable {@code v} from slot {@code slots.get(v)} of an {@link Assignment}. */
    static SpaceTemplate compile(JsonNode template, String path, Map<String, Integer> slots) {
        Part root = part(template, path, slots, new ArrayList<>());
        return new SpaceTemplate(root == null ? constant(template) : root);
    }

    /** The template filled in with one design's values. */
    JsonNode build(Assignment values) {
        return root.build(values);
    }

    /** The part for a node, or null when the node holds no expression (then it is shared as it is). */
    private static Part part(JsonNode node, String path, Map<String, Integer> slots, List<Hole> holes) {
        if (node.isTextual()) {
            return text(node.asText(), path, slots, holes);
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            List<Part> parts = new ArrayList<>();
            boolean any = false;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                Part p = part(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), slots, holes);
                any |= p != null;
                names.add(e.getKey());
                parts.add(p == null ? constant(e.getValue()) : p);
            }
            return any ? new ObjectPart(names, parts) : null;
        }
        if (node.isArray()) {
            List<Part> parts = new ArrayList<>();
            boolean any = false;
            for (int i = 0; i < node.size(); i++) {
                Part p = part(node.get(i), path + "[" + i + "]", slots, holes);
                any |= p != null;
                parts.add(p == null ? constant(node.get(i)) : p);
            }
            return any ? new ArrayPart(parts) : null;
        }
        return null;
    }

    private static Part constant(JsonNode node) {
        return v -> node;
    }

    private static Part text(String s, String path, Map<String, Integer> slots, List<Hole> holes) {
        if (!s.contains("${")) {
            return null;
        }
        List<Object> pieces = new ArrayList<>();
        int from = 0;
        while (from < s.length()) {
            int open = s.indexOf("${", from);
            if (open < 0) {
                pieces.add(s.substring(from));
                break;
            }
            if (open > from) {
                pieces.add(s.substring(from, open));
            }
            int close = s.indexOf('}', open);
            if (close < 0) {
                throw new InvalidDesignException(path, "= \"" + s + "\" opens \"${\" at character " + (open + 1) + " without a closing \"}\"");
            }
            Expr expr;
            try {
                expr = Expr.parse(s.substring(open + 2, close));
            } catch (Expr.SyntaxException e) {
                throw new InvalidDesignException(path, "= \"" + OneLine.of(s, 120) + "\": " + e.getMessage() + " of \""
                        + OneLine.of(s.substring(open + 2, close), 120) + "\"", e);
            }
            holes.add(new Hole(path, s, expr, !(expr instanceof Expr.Var)));
            if (slots != null) {
                expr = expr.bind(slots);
            }
            pieces.add(expr);
            from = close + 1;
        }
        return pieces.size() == 1 && pieces.get(0) instanceof Expr e ? new WholePart(path, s, e) : new TextPart(path, s, pieces);
    }

    /** A string that is one expression: its number, or a bare variable's value as given. */
    private record WholePart(String path, String written, Expr expr) implements Part {
        @Override
        public JsonNode build(Assignment values) {
            if (expr instanceof Expr.Var v) {
                return values.node(v.slot());
            }
            long n = evaluate(path, written, expr, values);
            return n == (int) n ? NODES.numberNode((int) n) : NODES.numberNode(n);
        }

    }

    /** Text with expressions inside: each is written out (numbers as digits, strings as they are, other values as JSON). */
    private record TextPart(String path, String written, List<Object> pieces) implements Part {
        @Override
        public JsonNode build(Assignment values) {
            StringBuilder s = new StringBuilder();
            for (Object piece : pieces) {
                if (piece instanceof String literal) {
                    s.append(literal);
                } else if (piece instanceof Expr.Var v) {
                    s.append(Assignment.text(values.node(v.slot())));
                } else {
                    s.append(evaluate(path, written, (Expr) piece, values));
                }
            }
            return NODES.textNode(s.toString());
        }

    }

    private record ObjectPart(List<String> names, List<Part> parts) implements Part {
        @Override
        public JsonNode build(Assignment values) {
            ObjectNode n = NODES.objectNode();
            for (int i = 0; i < names.size(); i++) {
                n.set(names.get(i), parts.get(i).build(values));
            }
            return n;
        }

    }

    private record ArrayPart(List<Part> parts) implements Part {
        @Override
        public JsonNode build(Assignment values) {
            ArrayNode n = NODES.arrayNode(parts.size());
            for (Part p : parts) {
                n.add(p.build(values));
            }
            return n;
        }

    }

    /** Evaluates; an arithmetic failure is this design's fault and names the template field. */
    private static long evaluate(String path, String written, Expr expr, Assignment values) {
        try {
            return expr.eval(values.numbers());
        } catch (ArithmeticException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("/") ? e.getMessage() : "overflows 64-bit integers";
            throw new InvalidDesignException(path, "= \"" + written + "\": " + reason, e);
        }
    }
}
