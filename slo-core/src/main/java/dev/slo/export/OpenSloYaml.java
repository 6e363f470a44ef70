// Writes the YAML of the OpenSLO export by hand: block mappings and sequences, every string double-quoted.
package dev.slo.export;

import java.math.BigDecimal;

/**
 * Writes YAML documents by hand, so that slo-core needs no library: block mappings, block sequences of
 * mappings, and scalars. Two spaces per level; a sequence item starts with {@code "- "} under its key.
 *
 * <p>Every string is written double-quoted and escaped completely ({@link #quoted}), so no value can end
 * its line, open a comment or a new document, or be read as a number, a boolean or null. Keys are the
 * spec's own field names, written bare. Numbers are written in plain decimal, as the shortest text that
 * reads back as the same double ({@link #number}). Not thread-safe; one writer per export.
 */
final class OpenSloYaml {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out = new StringBuilder(4096);
    private int depth;
    /** True when the next line is the first of a sequence item: it starts with "- " one level up. */
    private boolean itemStart;
    private boolean anyDocument;

    /** Starts a document of {@code kind}: a {@code ---} line before every document but the first. */
    OpenSloYaml document(String kind) {
        if (anyDocument) {
            out.append("---\n");
        }
        anyDocument = true;
        depth = 0;
        string("apiVersion", "openslo/v1");
        return string("kind", kind);
    }

    /** Opens the mapping (or sequence) under {@code key}: what follows is one level deeper. */
    OpenSloYaml begin(String key) {
        line(key + ":");
        depth++;
        return this;
    }

    /** Closes what {@link #begin} or {@link #item} opened. */
    OpenSloYaml end() {
        depth--;
        return this;
    }

    /** Opens one item, a mapping, of the sequence just begun; close it with {@link #end}. */
    OpenSloYaml item() {
        depth++;
        itemStart = true;
        return this;
    }

    OpenSloYaml string(String key, String value) {
        return line(key + ": " + quoted(value));
    }

    OpenSloYaml number(String key, double value) {
        return line(key + ": " + number(value));
    }

    OpenSloYaml bool(String key, boolean value) {
        return line(key + ": " + value);
    }

    /** {@return the documents written, each line ending in a newline; empty when none was} */
    String text() {
        return out.toString();
    }

    private OpenSloYaml line(String text) {
        if (itemStart) {
            out.append("  ".repeat(depth - 1)).append("- ");
            itemStart = false;
        } else {
            out.append("  ".repeat(depth));
        }
        out.append(text).append('\n');
        return this;
    }

    /**
     * A finite double as plain decimal: the shortest digits that read back as {@code value}, without
     * exponent or trailing zeros, e.g. 14.4, 6, 0.999, 5.6000000000000005.
     *
     * @throws IllegalArgumentException if {@code value} is NaN or infinite, which YAML numbers cannot hold here
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, got " + value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * {@code value} as a YAML double-quoted scalar: {@code \} and {@code "} escaped, and every character
     * outside YAML's printable set (C0 and C1 controls but tab, DEL, U+FFFE, U+FFFF, unpaired surrogates),
     * as well as tab and the line separators U+0085, U+2028 and U+2029, as escapes. The result is one line.
     */
    static String quoted(String value) {
        StringBuilder q = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                q.append(c).append(value.charAt(++i));           // a whole pair: printable
                continue;
            }
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                case '\0' -> q.append("\\0");
                case '\u0085' -> q.append("\\N");
                case '\u2028' -> q.append("\\L");
                case '\u2029' -> q.append("\\P");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                        q.append("\\x").append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        q.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
