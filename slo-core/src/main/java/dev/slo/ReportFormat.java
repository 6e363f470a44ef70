package dev.slo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/** Formatting shared by the customer and internal reports: percentages, windows, Markdown escaping. */
final class ReportFormat {
    private ReportFormat() {}

    /** A target as an exact percentage: 0.9995 gives "99.95%". */
    static String targetPercent(double target) {
        return BigDecimal.valueOf(target).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** A measured fraction as a percentage with {@code decimals} places: 0.99951 gives "99.951%". */
    static String percent(double fraction, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f%%", fraction * 100);
    }

    /** A burn rate with two decimals. */
    static String burn(double rate) {
        return String.format(Locale.ROOT, "%.2f", rate);
    }

    /** "met", "missed" (budget exhausted) or "no data" (no events in the window). */
    static String status(ErrorBudget budget) {
        return budget.insufficientData() ? "no data" : budget.exhausted() ? "missed" : "met";
    }

    /** A window in words: "rolling 30 days", "calendar month in Europe/Paris". */
    static String window(Window window) {
        return window instanceof Window.Rolling rolling ? "rolling " + duration(rolling.length()) : window.toString();
    }

    /** A duration in the largest whole unit that fits: "30 days", "6 hours", "5 minutes", else ISO-8601. */
    static String duration(Duration d) {
        long seconds = d.getSeconds();
        if (d.getNano() != 0 || seconds <= 0) {
            return d.toString();
        }
        if (seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    /** A duration in the short form alert windows are named by: "5m", "1h", "3d". */
    static String shortDuration(Duration d) {
        long seconds = d.getSeconds();
        if (d.getNano() != 0 || seconds <= 0) {
            return d.toString();
        }
        return seconds % 86_400 == 0 ? seconds / 86_400 + "d" : seconds % 3_600 == 0 ? seconds / 3_600 + "h"
                : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /**
     * Free text made safe inside a Markdown line or table cell: control characters (line breaks
     * included) become spaces, and the characters Markdown gives meaning to are backslash-escaped, so
     * that no name or reason can open a link, an HTML tag, a heading or a new cell.
     */
    static String md(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else if ("\\`*_[]<>#+|~&".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
