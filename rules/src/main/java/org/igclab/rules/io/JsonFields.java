package org.igclab.rules.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.igclab.rules.model.InvalidDesignException;

/**
 * Reads one JSON object field by field, knowing its own path in the document, so every complaint
 * names the field ({@code kernels[2].groups}) and the value. Unknown fields are errors: a typo must
 * not silently fall back to a default.
 */
public final class JsonFields {
    /** The mapper the file formats share: strict about duplicate keys and about anything after the document. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final JsonNode node;
    private final String path;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Parses a document whose top level must be an object. */
    public static JsonFields parse(String text) {
        JsonNode root;
        try {
            // editors on some systems start UTF-8 files with a byte-order mark
            root = MAPPER.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidDesignException("", "not valid JSON" + where + ": " + plain(e.getOriginalMessage()), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidDesignException("", "the document is empty");
        }
        return of(root, "");
    }

    /** The parser's complaint without its notes on parser settings and sources, which mean nothing to a user. */
    private static String plain(String message) {
        String m = message == null ? "" : message;
        if (m.startsWith("Trailing token")) {
            return "unexpected text after the end of the JSON document";
        }
        // the parser's notes on its settings and on where a bracket opened name internals ([Source: ...])
        int cut = m.length();
        for (String note : new String[] {" (`", " (start marker", "[Source", "\n"}) {
            int at = m.indexOf(note);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return m.substring(0, cut).strip();
    }

    /** Indented JSON text with a final newline. */
    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Wraps a node that must be an object found at {@code path}. */
    public static JsonFields of(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new InvalidDesignException(path, "must be an object, found " + describe(node));
        }
        return new JsonFields(node, path);
    }

    public String path() {
        return path;
    }

    public JsonNode node() {
        return node;
    }

    /** The path of a field of this object. */
    public String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    /** Fails on any field not in {@code allowed}. */
    public JsonFields allowOnly(Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidDesignException(pathOf(name), "is not a known field (expected one of: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    public JsonNode required(String field) {
        if (!has(field)) {
            throw new InvalidDesignException(pathOf(field), "is missing");
        }
        return node.get(field);
    }

    public Optional<JsonNode> optional(String field) {
        return has(field) ? Optional.of(node.get(field)) : Optional.empty();
    }

    public int requiredInt(String field) {
        return toInt(required(field), pathOf(field));
    }

    public int optionalInt(String field, int fallback) {
        return has(field) ? requiredInt(field) : fallback;
    }

    public long requiredLong(String field) {
        return toLong(required(field), pathOf(field));
    }

    public double requiredDouble(String field) {
        JsonNode v = required(field);
        if (!v.isNumber()) {
            throw new InvalidDesignException(pathOf(field), "= " + v + " must be a number");
        }
        return v.asDouble();
    }

    public double optionalDouble(String field, double fallback) {
        return has(field) ? requiredDouble(field) : fallback;
    }

    public boolean optionalBoolean(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            throw new InvalidDesignException(pathOf(field), "= " + v + " must be true or false");
        }
        return v.asBoolean();
    }

    public String requiredString(String field) {
        JsonNode v = required(field);
        if (!v.isTextual()) {
            throw new InvalidDesignException(pathOf(field), "= " + v + " must be a string");
        }
        return v.asText();
    }

    public String optionalString(String field, String fallback) {
        return has(field) ? requiredString(field) : fallback;
    }

    /** A nested object. */
    public JsonFields object(String field) {
        return of(required(field), pathOf(field));
    }

    /** The elements of an array field, each with its path ({@code field[3]}). */
    public List<Element> array(String field) {
        JsonNode v = required(field);
        if (!v.isArray()) {
            throw new InvalidDesignException(pathOf(field), "must be a list, found " + describe(v));
        }
        List<Element> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(new Element(v.get(i), pathOf(field) + "[" + i + "]"));
        }
        return out;
    }

    /** An integer list field, e.g. {@code [64, 128]}. */
    public List<Integer> intList(String field) {
        return array(field).stream().map(Element::asInt).toList();
    }

    /** One element of an array, with its path. */
    public record Element(JsonNode node, String path) {
        public JsonFields asObject() {
            return JsonFields.of(node, path);
        }

        public int asInt() {
            return toInt(node, path);
        }

        public long asLong() {
            return toLong(node, path);
        }

        public String asString() {
            if (!node.isTextual()) {
                throw new InvalidDesignException(path, "= " + node + " must be a string");
            }
            return node.asText();
        }
    }

    static int toInt(JsonNode v, String path) {
        if (!v.isIntegralNumber()) {
            throw new InvalidDesignException(path, "= " + v + " must be a whole number");
        }
        if (!v.canConvertToInt()) {
            throw new InvalidDesignException(path, "= " + v + " is too large");
        }
        return v.asInt();
    }

    static long toLong(JsonNode v, String path) {
        if (!v.isIntegralNumber()) {
            throw new InvalidDesignException(path, "= " + v + " must be a whole number");
        }
        if (!v.canConvertToLong()) {
            throw new InvalidDesignException(path, "= " + v + " is too large");
        }
        return v.asLong();
    }

    /** A short description of a node's type for error messages. */
    public static String describe(JsonNode v) {
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "a list";
        }
        return v.isTextual() ? "the string " + v : v.toString();
    }
}
