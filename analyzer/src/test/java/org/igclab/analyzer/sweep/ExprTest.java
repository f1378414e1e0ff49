package org.igclab.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExprTest {

    private static long eval(String text, long width, long k) {
        return Expr.parse(text).bind(Map.of("width", 0, "K", 1)).eval(new long[] {width, k});
    }

    @Test
    void followsPrecedenceParenthesesAndUnaryMinus() {
        assertThat(eval("2 + 3 * 4", 0, 0)).isEqualTo(14);
        assertThat(eval("(2 + 3) * 4", 0, 0)).isEqualTo(20);
        assertThat(eval("width / K - 1", 48, 8)).isEqualTo(5);
        assertThat(eval("-width + 2*K", 48, 8)).isEqualTo(-32);
        assertThat(eval("100 - 10 - 1", 0, 0)).isEqualTo(89);
        assertThat(eval("64 / 8 / 2", 0, 0)).isEqualTo(4);
        assertThat(Expr.parse("width * (K + width)").variables()).containsExactly("width", "K");
    }

    @Test
    void divisionMustBeExactAndOverflowIsAnError() {
        assertThatThrownBy(() -> eval("width / 3", 50, 0)).isInstanceOf(ArithmeticException.class)
                .hasMessage("50 / 3 is not a whole number");
        assertThatThrownBy(() -> eval("width / K", 50, 0)).hasMessage("50 / 0 divides by zero");
        assertThatThrownBy(() -> eval("width * width * width * width", 1L << 20, 0)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void syntaxErrorsSayWhatWasExpectedAndWhere() {
        assertThatThrownBy(() -> Expr.parse("width *")).isInstanceOf(Expr.SyntaxException.class)
                .hasMessage("expected a number, a variable or '(' at character 8, found the end");
        assertThatThrownBy(() -> Expr.parse("(width + 1")).hasMessage("expected ')' at character 11, found the end");
        assertThatThrownBy(() -> Expr.parse("width K")).hasMessage("expected an operator (+ - * /) or the end at character 7, found 'K'");
        assertThatThrownBy(() -> Expr.parse("")).hasMessageContaining("expected a number");
        assertThatThrownBy(() -> Expr.parse("99999999999999999999")).hasMessageContaining("fits in 64 bits");
    }
}
