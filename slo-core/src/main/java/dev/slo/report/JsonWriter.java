// Writes JSON text by hand, escaping every string completely; the JSON renderer's only tool.
package dev.slo.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes JSON text (RFC 8259) by hand, so that slo-core needs no library: objects, arrays, strings,
 * numbers, booleans and null, with commas placed by a stack of "first member" flags.
 *
 * <p>Strings are escaped completely: {@code "} and {@code \}, every control character below U+0020
 * (short forms {@code \n \r \t \b \f}, the rest as {@code \}{@code uXXXX}), U+2028 and U+2029 (so the text
 * is also a valid JavaScript literal), and any unpaired surrogate (as {@code \}{@code uXXXX}, so that the
 * text survives UTF-8 encoding and parses back to the same Java string). Non-finite doubles, which JSON
 * cannot hold, are written as {@code null}. Not thread-safe; one writer per report.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder(1024);
    /** One flag per open object or array: true until its first member is written. */
    private final Deque<Boolean> first = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter beginObject() {
        separate();
        out.append('{');
        first.push(true);
        return this;
    }

    JsonWriter endObject() {
        first.pop();
        out.append('}');
        return this;
    }

    JsonWriter beginArray() {
        separate();
        out.append('[');
        first.push(true);
        return this;
    }

    JsonWriter endArray() {
        first.pop();
        out.append(']');
        return this;
    }

    /** The name of the next member of the open object. */
    JsonWriter name(String name) {
        separate();
        quote(out, name);
        out.append(':');
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            quote(out, value);
        }
        return this;
    }

    JsonWriter nullValue() {
        separate();
        out.append("null");
        return this;
    }

    JsonWriter value(double value) {
        separate();
        out.append(Double.isFinite(value) ? Double.toString(value) : "null");
        return this;
    }

    JsonWriter value(long value) {
        separate();
        out.append(value);
        return this;
    }

    JsonWriter value(boolean value) {
        separate();
        out.append(value);
        return this;
    }

    JsonWriter member(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter member(String name, double value) {
        return name(name).value(value);
    }

    JsonWriter member(String name, long value) {
        return name(name).value(value);
    }

    JsonWriter member(String name, boolean value) {
        return name(name).value(value);
    }

    /** The text written so far. */
    String text() {
        if (!first.isEmpty()) {
            throw new IllegalStateException("JSON text is incomplete: " + first.size() + " object(s) or array(s) still open");
        }
        return out.toString();
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!first.isEmpty()) {
            if (first.peek()) {
                first.pop();
                first.push(false);
            } else {
                out.append(',');
            }
        }
    }

    /** {@code s} as a JSON string literal, quotes included. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        quote(b, s);
        return b.toString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static void quote(StringBuilder out, String s) {
        out.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        unicodeEscape(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));            // a whole pair: one code point, kept as is
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(out, c);                          // unpaired: not encodable in UTF-8 raw
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
    }
}
