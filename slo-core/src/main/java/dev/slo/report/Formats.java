// How the Markdown renderer writes one figure: percentages, burn rates, alert windows, latencies, safe text.
package dev.slo.report;

import dev.slo.ErrorBudget;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * The formatting of single values in the Markdown reports, and the status word both renderers share.
 * JSON carries the raw numbers instead; only {@link #status} and the window words appear in both.
 */
final class Formats {
    private Formats() {}

    /**
     * A target as an exact percentage: 0.9995 gives "99.95%".
     *
     * @param target a fraction in (0,1)
     * @return the percentage with as many decimals as the target has, and no more
     */
    static String targetPercent(double target) {
        return BigDecimal.valueOf(target).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /**
     * A measured fraction as a percentage: 0.99951 with 3 decimals gives "99.951%".
     *
     * @param fraction the fraction, 1.0 for 100%
     * @param decimals the number of decimal places
     * @return the percentage, rounded half-up, in the root locale
     */
    static String percent(double fraction, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f%%", fraction * 100);
    }

    /**
     * A burn rate with two decimals.
     *
     * @param rate the burn rate, 1.0 for spending the budget exactly over the window
     * @return e.g. "14.40"
     */
    static String burn(double rate) {
        return String.format(Locale.ROOT, "%.2f", rate);
    }

    /**
     * A budget's state in one word.
     *
     * @param budget the SLO's error budget over its window
     * @return "met", "missed" (budget exhausted) or "no data" (no events in the window)
     */
    static String status(ErrorBudget budget) {
        return budget.insufficientData() ? "no data" : budget.exhausted() ? "missed" : "met";
    }

    /**
     * A measured percentage, or "n/a" when the window holds no events.
     *
     * @param budget   the budget the fraction belongs to
     * @param fraction the fraction to show
     * @param decimals the number of decimal places
     * @return the percentage or "n/a"
     */
    static String measured(ErrorBudget budget, double fraction, int decimals) {
        return budget.insufficientData() ? "n/a" : percent(fraction, decimals);
    }

    /**
     * A duration in the short form alert windows are named by, one unit only.
     *
     * @param d a look-back or alert window
     * @return "5m", "1h", "3d", "90m"; the ISO-8601 form for a duration that is not whole positive seconds
     */
    static String shortDuration(Duration d) {
        long seconds = d.getSeconds();
        if (d.getNano() != 0 || seconds <= 0) {
            return d.toString();
        }
        return seconds % 86_400 == 0 ? seconds / 86_400 + "d" : seconds % 3_600 == 0 ? seconds / 3_600 + "h"
                : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    /**
     * A latency with three significant digits in a fitting unit.
     *
     * @param d the latency
     * @return "850 ns", "12.3 µs", "300 ms", "1.05 s"
     */
    static String readable(Duration d) {
        long nanos = d.toNanos();
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        double value;
        String unit;
        if (nanos < 1_000_000) {
            value = nanos / 1e3;
            unit = " µs";
        } else if (nanos < 1_000_000_000) {
            value = nanos / 1e6;
            unit = " ms";
        } else {
            value = nanos / 1e9;
            unit = " s";
        }
        String digits = value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, digits, value) + unit;
    }

    /**
     * Free text made safe inside a Markdown line or table cell: control characters (line breaks
     * included) become spaces, and the characters Markdown gives meaning to are backslash-escaped, so
     * that no name or reason can open a link, an HTML tag, a heading or a new cell.
     *
     * @param text a name, description or reason as its author wrote it
     * @return the text, escaped, on one line
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
