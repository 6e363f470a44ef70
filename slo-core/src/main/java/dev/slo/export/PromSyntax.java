package dev.slo.export;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/*
 * The small pieces of Prometheus' syntax the exposition and the rules share: durations (5m, 1h30m, 30d),
 * sample values (NaN, +Inf), label values escaped, and numbers for PromQL. Static, pure; package-private.
 */
final class PromSyntax {
    private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    private static final String[] UNIT = {"d", "h", "m", "s", "ms"};

    private PromSyntax() {
    }

    /** {@return {@code d} in Prometheus' duration syntax, largest units first, e.g. {@code 1h30m}; {@code 0s} for zero} */
    static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis <= 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < UNIT.length; i++) {
            long n = millis / UNIT_MILLIS[i];
            if (n > 0) {
                out.append(n).append(UNIT[i]);
                millis -= n * UNIT_MILLIS[i];
            }
        }
        return out.toString();
    }

    /** {@return a sample value as the text format writes it: NaN, +Inf, -Inf, or the shortest exact decimal} */
    static String value(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Appends {@link #value}{@code (v)} to {@code out}, without a string for a whole number. */
    static void appendValue(StringBuilder out, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
        } else {
            out.append(value(v));
        }
    }

    /** {@return a number for a PromQL expression or YAML: at most 12 significant digits, no exponent} */
    static String number(double v) {
        return new BigDecimal(v).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }

    /** {@return {@code value} escaped for a label value of the text format: backslash, double quote, line feed} */
    static String labelValue(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@return {@code value} as a YAML double-quoted scalar: backslash, quote and control characters escaped} */
    static String yamlString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '"') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == 0x85 || c == 0x2028 || c == 0x2029) {   // line breaks to YAML too
                out.append(c == 0x85 ? "\\N" : c == 0x2028 ? "\\L" : "\\P");
            } else if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
