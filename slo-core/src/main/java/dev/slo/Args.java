package dev.slo;

import dev.slo.engine.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The argument checks public methods share, so that one kind of bad input gets one kind of message:
 * {@code <parameter> must ..., got <value>}, naming the parameter and showing the value. Package-private.
 *
 * <p><b>Fractions.</b> Targets, shares, quantiles and the like are fractions of a range. One "did you
 * mean" rule for all of them: a value from 2 to 100 whose hundredth lies in the range reads as a
 * percentage, and the message suggests the hundredth, exact in decimal ({@code 99.9} suggests
 * {@code 0.999}, {@code 25} suggests {@code 0.25}). Below 2 a value is more likely a slip than a
 * percentage (a share of 1.5), so it gets no suggestion; NaN and infinities never do.
 *
 * <p><b>Words.</b> Names, descriptions and reasons must not hold control characters
 * ({@link Character#isISOControl}: U+0000 to U+001F and U+007F to U+009F), so none reaches a report, a
 * log line or {@code toString()} raw; a rejected value is shown escaped by {@link Text#quoted}.
 */
final class Args {
    private Args() {}

    /**
     * A count in {@code [0, max]}, e.g. one call's good events.
     *
     * @throws IllegalArgumentException {@code "<name> must be in [0, <max>], got <value>"}
     */
    static long count(long value, long max, String name) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be in [0, " + max + "], got " + value);
        }
        return value;
    }

    /**
     * {@code value} in the open range (0,1), e.g. a target.
     *
     * @throws IllegalArgumentException {@code "<name> must be a fraction in (0,1), got <value>"}, with a
     *     suggestion when it looks like a percentage
     */
    static double fractionOpen(double value, String name) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be a fraction in (0,1), got " + value + hint(value, false, false));
        }
        return value;
    }

    /**
     * {@code value} in (0,1], e.g. a share or a quantile.
     *
     * @throws IllegalArgumentException {@code "<name> must be in (0,1], got <value>"}, with a suggestion
     *     when it looks like a percentage
     */
    static double fractionUpToOne(double value, String name) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0,1], got " + value + hint(value, false, true));
        }
        return value;
    }

    /**
     * {@code value} in [0,1], e.g. an attainment.
     *
     * @throws IllegalArgumentException {@code "<name> must be in [0,1], got <value>"}, with a suggestion
     *     when it looks like a percentage
     */
    static double fractionClosed(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0,1], got " + value + hint(value, true, true));
        }
        return value;
    }

    /**
     * {@code value} at least 0 and a number, e.g. a burn rate.
     *
     * @throws IllegalArgumentException {@code "<name> must be >= 0, got <value>"}
     */
    static double notNegative(double value, String name) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    /**
     * {@code value} a positive duration.
     *
     * @throws NullPointerException {@code "<name> must not be null"}
     * @throws IllegalArgumentException {@code "<name> must be positive, got <value>"}
     */
    static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + Durations.format(value));
        }
        return value;
    }

    /** The one "did you mean" rule (see the class comment): {@code ""} when there is nothing to suggest. */
    private static String hint(double value, boolean zeroAllowed, boolean oneAllowed) {
        if (!(value >= 2 && value <= 100)) {
            return "";
        }
        BigDecimal hundredth = BigDecimal.valueOf(value).movePointLeft(2);
        int toOne = hundredth.compareTo(BigDecimal.ONE);
        if (toOne > 0 || (toOne == 0 && !oneAllowed) || (hundredth.signum() == 0 && !zeroAllowed)) {
            return "";
        }
        return " (did you mean " + hundredth.stripTrailingZeros().toPlainString() + "?)";
    }

    /**
     * {@code value} not null, not blank, and free of control characters.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if it is blank or holds a control character; the message names {@code parameter}
     */
    static String requireWords(String value, String parameter) {
        Objects.requireNonNull(value, parameter + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(parameter + " must not be blank, got " + Text.quoted(value));
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
                throw new IllegalArgumentException(parameter + " must not hold control characters, got " + Text.quoted(value)
                        + " (" + Text.escaped(value.charAt(i)) + " at " + i + ")");
            }
        }
        return value;
    }
}
