// The values of the OpenSLO export that the spec constrains: duration shorthands, time zones, length limits.
package dev.slo.export;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the library's values fit the constrained fields of OpenSLO v1. What does not fit exactly is refused
 * with {@link IllegalArgumentException} naming the SLO, never rounded: an export that quietly differs from
 * what the library computes would alert at other times than {@code slo.alerts()}.
 */
final class OpenSloValues {
    /** The most characters the spec allows in a {@code description}. */
    static final int MAX_DESCRIPTION = 1050;
    /** The most characters the reference validator (OpenSLO go-sdk) allows in a {@code metadata.displayName}. */
    static final int MAX_DISPLAY_NAME = 63;

    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private OpenSloValues() {}

    /**
     * {@code d} as a duration shorthand in its largest whole unit of days, hours or minutes: 30d, 6h, 90m.
     * Weeks, months, quarters and years are left to calendar windows, whose lengths vary.
     *
     * @param d     positive
     * @param field what the duration is, for the message, e.g. "the window"
     * @param slo   the SLO's name, for the message
     * @throws IllegalArgumentException if {@code d} is not a whole number of minutes: the shorthand has no seconds
     */
    static String shorthand(Duration d, String field, String slo) {
        if (d.getNano() != 0 || d.getSeconds() % 60 != 0) {
            throw new IllegalArgumentException("durations of OpenSLO must be whole minutes (its shorthand has no seconds), got "
                    + d + " for " + field + " of SLO " + OpenSloYaml.quoted(slo));
        }
        long minutes = d.getSeconds() / 60;
        if (minutes % (24 * 60) == 0) {
            return minutes / (24 * 60) + "d";
        }
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }

    /**
     * The IANA name of {@code zone}: its own id when it is one of the time-zone database (Asia/Kolkata,
     * UTC), else, for a fixed offset, {@code UTC} or the database's {@code Etc/GMT-5} (whose sign is the
     * POSIX one, reversed) for whole hours.
     *
     * @throws IllegalArgumentException if {@code zone} is a fixed offset with minutes, which no IANA name holds
     */
    static String timeZone(ZoneId zone, String slo) {
        if (ZoneId.getAvailableZoneIds().contains(zone.getId())) {
            return zone.getId();
        }
        if (zone.normalized() instanceof ZoneOffset offset) {
            int seconds = offset.getTotalSeconds();
            if (seconds == 0) {
                return "UTC";
            }
            int hours = seconds / 3600;
            if (seconds % 3600 == 0 && hours >= -12 && hours <= 14) {
                return "Etc/GMT" + (hours > 0 ? "-" + hours : "+" + -hours);
            }
        }
        throw new IllegalArgumentException("the window's zone must have an IANA time-zone name for OpenSLO, got " + zone
                + " for SLO " + OpenSloYaml.quoted(slo) + "; use a region such as Asia/Kolkata");
    }

    /** {@code start} as the spec's {@code calendar.startTime}: date and time in 24 h, without zone. */
    static String startTime(LocalDateTime start) {
        return START_TIME.format(start);
    }

    /**
     * {@code text} cut to at most {@code max} characters (code points, not split), ending in {@code …} when cut.
     *
     * @param text any text
     * @param max  at least 2
     * @return {@code text} itself when it fits
     */
    static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
    }

    /** {@code true} when {@link #cut} would change {@code text}. */
    static boolean tooLong(String text, int max) {
        return text.codePointCount(0, text.length()) > max;
    }
}
