package dev.slo.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * The one place durations are shown to people and converted to numbers that cannot overflow, for the
 * engine's messages and the public face's alike (it lives here because the engine imports nothing of
 * the face).
 *
 * <p><b>Showing.</b> {@link #format} writes a duration as people read it, its non-zero units from days
 * down, separated by spaces: {@code 30d}, {@code 5m}, {@code 1h 30m}, {@code 10s}, {@code 250ms},
 * {@code 6d 1ms}, {@code 500ns}; a negative one with a leading minus, {@code -1h}; zero as {@code 0s}.
 * Every exception message and {@code toString()} that shows a duration uses it, never the ISO-8601 form.
 * Findings and {@code Window.describe()} speak in words instead ({@link #inWords}: {@code 30 days}), and
 * name alert windows in the short form of a single unit ({@link #shortForm}: {@code 90m}, {@code 3d}).
 *
 * <p><b>Saturating.</b> A conversion whose exact result would overflow a {@code long} returns the
 * nearest {@code long} instead: {@link Long#MAX_VALUE} (or {@link Long#MIN_VALUE} below). Callers use it
 * where "later than anything the recorders can hold" is the meaning such a value should have.
 */
public final class Durations {
    private static final String[] UNITS = {"d", "h", "m", "s"};
    private static final long[] UNIT_SECONDS = {86_400, 3_600, 60, 1};

    private Durations() {}

    /** {@code d} as people read it (see the class comment); null as {@code null}. */
    public static String format(Duration d) {
        if (d == null) {
            return "null";
        }
        if (d.isZero()) {
            return "0s";
        }
        long seconds = d.getSeconds();
        long nanos = d.getNano();
        String sign = "";
        if (d.isNegative()) {
            if (seconds == Long.MIN_VALUE && nanos == 0) {
                return d.toString();                      // its magnitude has no Duration: too far for words anyway
            }
            sign = "-";
            seconds = nanos == 0 ? -seconds : -seconds - 1;
            nanos = nanos == 0 ? 0 : 1_000_000_000L - nanos;
        }
        StringBuilder out = new StringBuilder(sign);
        for (int i = 0; i < UNITS.length; i++) {
            long n = seconds / UNIT_SECONDS[i];
            seconds %= UNIT_SECONDS[i];
            append(out, n, UNITS[i]);
        }
        append(out, nanos / 1_000_000, "ms");
        append(out, nanos / 1_000 % 1_000, "\u00b5s");
        append(out, nanos % 1_000, "ns");
        return out.toString();
    }

    private static void append(StringBuilder out, long n, String unit) {
        if (n != 0) {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append(' ');
            }
            out.append(n).append(unit);
        }
    }

    /** {@code d} in the largest whole unit that fits: "30 days", "6 hours", "5 minutes", else ISO-8601. */
    public static String inWords(Duration d) {
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

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** {@code d} in the short form alert windows are named by, one unit only: "5m", "1h", "3d", "90m"; else ISO-8601. */
    public static String shortForm(Duration d) {
        long seconds = d.getSeconds();
        if (d.getNano() != 0 || seconds <= 0) {
            return d.toString();
        }
        return seconds % 86_400 == 0 ? seconds / 86_400 + "d" : seconds % 3_600 == 0 ? seconds / 3_600 + "h"
                : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    /** {@code d} in milliseconds (truncated as {@link Duration#toMillis()}), saturated at the ends of {@code long}. */
    public static long saturatedMillis(Duration d) {
        try {
            return d.toMillis();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** {@code d} in nanoseconds, saturated at the ends of {@code long}. */
    public static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** A duration of {@code nanos} nanoseconds, saturated at {@link Long#MAX_VALUE} ns (about 292 years); NaN as 0. */
    public static Duration ofNanosSaturated(double nanos) {
        return Duration.ofNanos((long) Math.min(nanos, Long.MAX_VALUE));
    }

    /** {@code instant} in epoch milliseconds, saturated at the ends of {@code long}. */
    public static long saturatedEpochMillis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** {@code a + b}, saturated at the ends of {@code long}. */
    public static long saturatedAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {                // both operands' sign differs from the sum's: overflow
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }
}
