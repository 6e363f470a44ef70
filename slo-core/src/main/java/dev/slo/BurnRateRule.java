package dev.slo;

import dev.slo.engine.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * One multiwindow burn-rate alert rule (Google SRE Workbook, "Alerting on SLOs", method 6).
 *
 * <p>The rule fires when the burn rate over {@code longWindow} and over {@code shortWindow} both reach
 * {@link #threshold(Duration)}: the rate at which {@code budgetShare} of the whole budget would be
 * spent within {@code longWindow}. The short window makes the alert stop soon after the burn stops.
 *
 * <pre>{@code
 * new BurnRateRule(Severity.PAGE, 0.02, Duration.ofHours(1), Duration.ofMinutes(5)).threshold(Duration.ofDays(30)); // 14.4
 * }</pre>
 *
 * @param severity    page or ticket
 * @param budgetShare the share of the window's budget, in (0,1], that the long window may spend
 * @param longWindow  the main look-back, from 1 minute to 90 days
 * @param shortWindow the reset look-back, positive and shorter than {@code longWindow}
 */
public record BurnRateRule(Severity severity, double budgetShare, Duration longWindow, Duration shortWindow) {

    /**
     * Checks the rule's severity, share and windows.
     *
     * @param severity    page or ticket, not null
     * @param budgetShare the share of the window's budget, in (0,1], that the long window may spend
     * @param longWindow  the main look-back, from 1 minute to 90 days
     * @param shortWindow the reset look-back, positive and shorter than {@code longWindow}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code budgetShare} is outside (0,1], a window is not positive,
     *     {@code longWindow} is outside [1 min, 90 d], or {@code shortWindow} is not shorter than {@code longWindow}
     */
    public BurnRateRule {
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(longWindow, "longWindow must not be null");
        Objects.requireNonNull(shortWindow, "shortWindow must not be null");
        Args.fractionUpToOne(budgetShare, "budgetShare");
        if (longWindow.compareTo(Duration.ofMinutes(1)) < 0 || longWindow.compareTo(Window.MAX_ROLLING) > 0) {
            throw new IllegalArgumentException("longWindow must be between 1 minute and 90 days, got " + Durations.format(longWindow));
        }
        if (shortWindow.isNegative() || shortWindow.isZero()) {
            throw new IllegalArgumentException("shortWindow must be positive, got " + Durations.format(shortWindow));
        }
        if (shortWindow.compareTo(longWindow) >= 0) {
            throw new IllegalArgumentException(
                    "shortWindow must be shorter than longWindow " + Durations.format(longWindow) + ", got " + Durations.format(shortWindow));
        }
    }

    /**
     * The burn rate at which this rule fires for an SLO window of {@code windowLength}:
     * {@code budgetShare * windowLength / longWindow}. For 30 days: 14.4, 6, 3 and 1 for the four
     * rules of {@link AlertPolicy#sreWorkbook()}.
     *
     * @param windowLength the length of the SLO's window (for a calendar window, of the current period), positive
     * @return the threshold burn rate, positive
     * @throws NullPointerException if {@code windowLength} is null
     * @throws IllegalArgumentException if {@code windowLength} is not positive
     */
    public double threshold(Duration windowLength) {
        Objects.requireNonNull(windowLength, "windowLength must not be null");
        if (windowLength.isNegative() || windowLength.isZero()) {
            throw new IllegalArgumentException("windowLength must be positive, got " + Durations.format(windowLength));
        }
        return budgetShare * ((double) windowLength.toMillis() / longWindow.toMillis());
    }

    @Override
    public String toString() {
        return severity + " " + (budgetShare * 100) + "% of budget in " + Durations.format(longWindow) + " (short " + Durations.format(shortWindow) + ")";
    }
}
