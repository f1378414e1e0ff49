package org.igclab.rules.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igclab.rules.testing.Invalid.rejects;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The field reader the file formats share. */
class JsonFieldsTest {

    private static final String DOC = """
            {"a": 1.5, "b": true, "n": 12345678901, "list": [64, 128], "inner": {"x": 1}, "s": "text", "nothing": null}""";

    @Test
    void readsTypedFields() {
        JsonFields f = JsonFields.parse(DOC);
        assertThat(f.requiredDouble("a")).isEqualTo(1.5);
        assertThat(f.optionalDouble("missing", 2.5)).isEqualTo(2.5);
        assertThat(f.optionalBoolean("b", false)).isTrue();
        assertThat(f.optionalBoolean("missing", true)).isTrue();
        assertThat(f.requiredLong("n")).isEqualTo(12_345_678_901L);
        assertThat(f.intList("list")).containsExactly(64, 128);
        assertThat(f.object("inner").requiredInt("x")).isEqualTo(1);
        assertThat(f.object("inner").path()).isEqualTo("inner");
        assertThat(f.object("inner").pathOf("x")).isEqualTo("inner.x");
        assertThat(f.requiredString("s")).isEqualTo("text");
        assertThat(f.optional("s")).isPresent();
        assertThat(f.has("nothing")).isFalse();
        assertThat(f.optional("nothing")).isEmpty();
        assertThat(f.optionalInt("nothing", 7)).isEqualTo(7);
        assertThat(f.allowOnly(Set.of("a", "b", "n", "list", "inner", "s", "nothing"))).isSameAs(f);
    }

    @Test
    void complainsWithPaths() {
        JsonFields f = JsonFields.parse(DOC);
        rejects(() -> f.requiredDouble("s"), "s", "s = \"text\" must be a number");
        rejects(() -> f.optionalBoolean("a", false), "a", "a = 1.5 must be true or false");
        rejects(() -> f.requiredInt("n"), "n", "n = 12345678901 is too large");
        rejects(() -> f.requiredLong("a"), "a", "a = 1.5 must be a whole number");
        rejects(() -> f.object("inner").requiredString("x"), "inner.x", "inner.x = 1 must be a string");
        rejects(() -> f.object("list"), "list", "list: must be an object, found a list");
        rejects(() -> f.array("s"), "s", "s: must be a list, found the string \"text\"");
        rejects(() -> f.array("list").get(1).asString(), "list[1]", "list[1] = 128 must be a string");
        rejects(() -> f.object("inner").requiredInt("y"), "inner.y", "inner.y: is missing");
        rejects(() -> f.object("inner").allowOnly(Set.of("z", "w")), "inner.x", "inner.x: is not a known field (expected one of: w, z)");
    }

    @Test
    void prettyEndsWithANewline() {
        assertThat(JsonFields.pretty(JsonFields.parse("{\"a\":1}").node())).isEqualTo("{\n  \"a\" : 1\n}\n");
    }
}
