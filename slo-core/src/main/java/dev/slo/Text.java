package dev.slo;

/**
 * The one way exception messages quote a caller's string (the checks of such strings are in
 * {@link Args}). Package-private.
 *
 * <p>A value is shown escaped, as a Java string literal would write it: {@code "a\nb"} with a
 * backslash and an n, other control characters as {@code \}{@code uXXXX}.
 */
final class Text {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Text() {}

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
