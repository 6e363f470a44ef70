package dev.slo;

import java.util.Objects;

/**
 * Checks of the words callers give (owner and consumer names, descriptions, reasons) and the one way
 * exception messages quote a caller's string. Package-private.
 *
 * <p>Control characters ({@link Character#isISOControl}: U+0000 to U+001F and U+007F to U+009F) are
 * refused in every such string, so none reaches a report, a log line or {@code toString()} raw. A
 * rejected value is shown escaped, as a Java string literal would write it: {@code "a\nb"} with a
 * backslash and an n, other control characters as {@code \}{@code uXXXX}.
 */
final class Text {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Text() {}

    /**
     * {@code value} not null, not blank, and free of control characters.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if it is blank or holds a control character; the message names {@code parameter}
     */
    static String requireWords(String value, String parameter) {
        Objects.requireNonNull(value, parameter + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(parameter + " must not be blank, got " + quoted(value));
        }
        return requireNoControl(value, parameter);
    }

    /**
     * {@code value} not null and free of control characters; it may be empty or blank.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if it holds a control character; the message names {@code parameter}
     */
    static String requireNoControl(String value, String parameter) {
        Objects.requireNonNull(value, parameter + " must not be null");
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(parameter + " must not hold control characters, got " + quoted(value)
                        + " (" + escaped(value.charAt(i)) + " at " + i + ")");
            }
        }
        return value;
    }

    /** {@code value} in double quotes, with quotes, backslashes and control characters escaped. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append(escaped(c));
            }
        }
        return out.append('"').toString();
    }

    /** One character as a message shows it: itself, or its escape when it is a control character. */
    static String escaped(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            default -> Character.isISOControl(c)
                    ? "\\u" + HEX[c >> 12 & 0xF] + HEX[c >> 8 & 0xF] + HEX[c >> 4 & 0xF] + HEX[c & 0xF]
                    : String.valueOf(c);
        };
    }
}
