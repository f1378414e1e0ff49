package org.igclab.analyzer.text;

/**
 * Text fit for one line of a message: control characters escaped (a value with a newline cannot split an error
 * message) and a long text cut in the middle, saying how much was left out (a 100,000-character value stays readable).
 */
public final class OneLine {
    /** The longest error message printed whole. */
    public static final int MESSAGE = 1000;

    private OneLine() {
    }

    /** {@code text} escaped and, when longer than {@code max} characters, shortened to about {@code max}. */
    public static String of(String text, int max) {
        StringBuilder s = new StringBuilder(Math.min(text.length(), max + 64));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        if (s.length() <= max) {
            return s.toString();
        }
        int head = max * 2 / 3;
        int tail = max - head;
        // never cut a surrogate pair in two
        head = Character.isLowSurrogate(s.charAt(head)) ? head - 1 : head;
        int from = Character.isLowSurrogate(s.charAt(s.length() - tail)) ? s.length() - tail + 1 : s.length() - tail;
        return s.substring(0, head) + String.format(" [... %,d characters left out ...] ", from - head) + s.substring(from);
    }
}
