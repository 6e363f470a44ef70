package dev.slo.examples;

import dev.slo.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the examples print times, durations and windows. */
final class Formats {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {}

    /** {@code 2026-03-21 14:13 UTC}. */
    static String minute(Instant t) {
        return MINUTE.format(t);
    }

    /** The largest whole unit that fits: {@code 5m}, {@code 1h}, {@code 3d}, {@code 90s}. */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }

    /** A span in hours and minutes: {@code 45m}, {@code 6h 44m}. */
    static String elapsed(Duration d) {
        long minutes = d.toMinutes();
        return minutes < 60 ? minutes + "m" : minutes / 60 + "h " + String.format(Locale.ROOT, "%02dm", minutes % 60);
    }

    /** {@code 30d rolling}, or the window's own words for a calendar window. */
    static String window(Window window) {
        return window instanceof Window.Rolling rolling ? duration(rolling.length()) + " rolling" : window.toString();
    }

    /** A fraction as a percentage with {@code decimals} digits: {@code 99.9%}. */
    static String percent(double fraction, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f%%", fraction * 100);
    }

    /** A target with as many digits as it needs: 0.999 gives {@code 99.9%}, 0.9995 gives {@code 99.95%}. */
    static String target(double target) {
        return java.math.BigDecimal.valueOf(target).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
