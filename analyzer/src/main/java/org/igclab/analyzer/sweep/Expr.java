package org.igclab.analyzer.sweep;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An integer expression over a space's variables: whole numbers, variables, {@code + - * /} and parentheses.
 * Division must be exact: a network field such as a group count has no meaning as a fraction, so {@code 50 / 3}
 * is an error rather than 16. Arithmetic is 64-bit and overflow is an error, never a wrapped number.
 */
public sealed interface Expr {

    /** The value, with variables read from {@code values} by the indices {@link #bind} gave them. */
    long eval(long[] values);

    /** The variables it reads, in order of appearance. */
    default Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        collect(names);
        return names;
    }

    void collect(Set<String> names);

    /** The same expression reading variable {@code v} from {@code values[index.get(v)]}. */
    Expr bind(Map<String, Integer> index);

    /** A whole number. */
    record Num(long value) implements Expr {
        @Override
        public long eval(long[] values) {
            return value;
        }

        @Override
        public void collect(Set<String> names) {
        }

        @Override
        public Expr bind(Map<String, Integer> index) {
            return this;
        }
    }

    /** A variable; {@code slot} is its place in the values array once bound, -1 before. */
    record Var(String name, int slot) implements Expr {
        @Override
        public long eval(long[] values) {
            if (slot < 0) {
                throw new IllegalStateException("variable " + name + " is not bound");
            }
            return values[slot];
        }

        @Override
        public void collect(Set<String> names) {
            names.add(name);
        }

        @Override
        public Expr bind(Map<String, Integer> index) {
            Integer slot = index.get(name);
            if (slot == null) {
                throw new IllegalArgumentException("unknown variable " + name);
            }
            return new Var(name, slot);
        }
    }

    /** {@code -x}. */
    record Neg(Expr operand) implements Expr {
        @Override
        public long eval(long[] values) {
            return Math.negateExact(operand.eval(values));
        }

        @Override
        public void collect(Set<String> names) {
            operand.collect(names);
        }

        @Override
        public Expr bind(Map<String, Integer> index) {
            return new Neg(operand.bind(index));
        }
    }

    /** A binary operation {@code + - * /}. */
    record Bin(char op, Expr left, Expr right) implements Expr {
        @Override
        public long eval(long[] values) {
            long a = left.eval(values);
            long b = right.eval(values);
            return switch (op) {
                case '+' -> Math.addExact(a, b);
                case '-' -> Math.subtractExact(a, b);
                case '*' -> Math.multiplyExact(a, b);
                default -> divide(a, b);
            };
        }

        private static long divide(long a, long b) {
            if (b == 0) {
                throw new ArithmeticException(a + " / 0 divides by zero");
            }
            if (a % b != 0) {
                throw new ArithmeticException(a + " / " + b + " is not a whole number");
            }
            return a / b;
        }

        @Override
        public void collect(Set<String> names) {
            left.collect(names);
            right.collect(names);
        }

        @Override
        public Expr bind(Map<String, Integer> index) {
            return new Bin(op, left.bind(index), right.bind(index));
        }
    }

    /** Parses {@code text}; a syntax error says what was expected and where (1-based character). */
    static Expr parse(String text) {
        return new Parser(text).whole();
    }

    /** A syntax error in an expression. */
    final class SyntaxException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    /**
     * The most operators, signs and parentheses one expression may hold. Its tree is at most this deep, so parsing and
     * evaluating it (both recursive) stay far from the stack's end; a formula such as {@code 2 * width / K} has three.
     */
    int MAX_OPERATIONS = 100;

    /** Recursive descent: expr = term (('+'|'-') term)*; term = unary (('*'|'/') unary)*; unary = '-' unary | atom. */
    final class Parser {
        private final String text;
        private int at;
        private int operations;

        Parser(String text) {
            this.text = text;
        }

        Expr whole() {
            Expr e = sum();
            skipSpaces();
            if (at < text.length()) {
                throw error("an operator (+ - * /) or the end");
            }
            return e;
        }

        private Expr sum() {
            return leftAssociative('+', '-', this::product);
        }

        private Expr product() {
            return leftAssociative('*', '/', this::unary);
        }

        /** {@code operand ((a | b) operand)*}, grouped to the left. */
        private Expr leftAssociative(char a, char b, java.util.function.Supplier<Expr> operand) {
            Expr e = operand.get();
            for (char c = peek(); c == a || c == b; c = peek()) {
                count();
                at++;
                e = new Bin(c, e, operand.get());
            }
            return e;
        }

        private Expr unary() {
            if (peek() == '-') {
                count();
                at++;
                return new Neg(unary());
            }
            return atom();
        }

        private Expr atom() {
            char c = peek();
            if (c == '(') {
                count();
                at++;
                Expr e = sum();
                if (peek() != ')') {
                    throw error("')'");
                }
                at++;
                return e;
            }
            int start = at;
            if (Character.isDigit(c)) {
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
                try {
                    return new Num(Long.parseLong(text.substring(start, at)));
                } catch (NumberFormatException e) {
                    at = start;
                    throw error("a number that fits in 64 bits");
                }
            }
            if (Character.isLetter(c) || c == '_') {
                while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                    at++;
                }
                return new Var(text.substring(start, at), -1);
            }
            throw error("a number, a variable or '('");
        }

        /** Counts an operator, sign or parenthesis, refusing the one past {@link #MAX_OPERATIONS}. */
        private void count() {
            if (++operations > MAX_OPERATIONS) {
                throw new SyntaxException("more than " + MAX_OPERATIONS + " operators, signs and parentheses (nested too deep)"
                        + " at character " + (at + 1));
            }
        }

        private char peek() {
            skipSpaces();
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private SyntaxException error(String expected) {
            String found = at < text.length() ? "'" + text.charAt(at) + "'" : "the end";
            return new SyntaxException("expected " + expected + " at character " + (at + 1) + ", found " + found);
        }
    }
}
