package dev.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an SLO shows a dashboard, an exporter or a status page, all as of one clock reading: its error budget,
 * the burn rate over each look-back of its alert policy, the alerts firing and its counters. Each figure is
 * the one its own query ({@link Slo#errorBudget()}, {@link Slo#burnRates()}, {@link Slo#alerts()},
 * {@link Slo#counters()}) gives at {@link #at()}; {@link Slo#status()} reads them together.
 *
 * <pre>{@code
 * SloStatus s = checkout.status();
 * log.info("{} at {}: {} of budget left, {} alerts", checkout.name(), s.at(), s.budget().remaining(), s.alerts().size());
 * }</pre>
 *
 * @param at        the clock reading every figure is of
 * @param budget    the error budget over the window
 * @param burnRates look-back to burn rate, shortest first, each look-back of the alert policy once
 * @param alerts    the alerts firing, in the policy's order
 * @param counters  what the SLO counted since its registry was created
 */
public record SloStatus(Instant at, ErrorBudget budget, Map<Duration, Double> burnRates, List<BurnRateAlert> alerts, SloCounters counters) {

    /**
     * Checks the parts and keeps unmodifiable copies.
     *
     * @param at        the clock reading, not null
     * @param budget    the budget, not null
     * @param burnRates the burn rates, not null, in their order
     * @param alerts    the alerts, not null
     * @param counters  the counters, not null
     * @throws NullPointerException if a part is null
     */
    public SloStatus {
        Objects.requireNonNull(at, "at must not be null");
        Objects.requireNonNull(budget, "budget must not be null");
        burnRates = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(burnRates, "burnRates must not be null")));
        alerts = List.copyOf(Objects.requireNonNull(alerts, "alerts must not be null"));
        Objects.requireNonNull(counters, "counters must not be null");
    }
}
