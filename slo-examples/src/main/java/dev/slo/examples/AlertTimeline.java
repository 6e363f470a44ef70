package dev.slo.examples;

import dev.slo.BurnRateAlert;
import dev.slo.Severity;
import dev.slo.Slo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When each SLO's pages and tickets fired and cleared, found by calling {@link Slo#alerts()} at every
 * step of the clock. A severity "fires" when its first rule starts firing and "clears" when none of its
 * rules fires any more.
 */
final class AlertTimeline {

    /**
     * One change: {@code slo}'s alerts of {@code severity} started ({@code fired}) or stopped at {@code at}.
     *
     * @param detail the burn rates of the rule that fired, empty for a clear
     */
    record Change(Instant at, String slo, Severity severity, boolean fired, String detail) {}

    private final List<Slo> slos;
    private final Map<String, Set<Severity>> firing = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();

    AlertTimeline(List<Slo> slos) {
        this.slos = List.copyOf(slos);
        for (Slo slo : slos) {
            firing.put(slo.name(), EnumSet.noneOf(Severity.class));
        }
    }

    /** Asks every SLO for its alerts as of {@code now} and notes what started or stopped. */
    void check(Instant now) {
        for (Slo slo : slos) {
            List<BurnRateAlert> alerts = slo.alerts();
            Set<Severity> before = firing.get(slo.name());
            for (Severity severity : Severity.values()) {
                Optional<BurnRateAlert> first = alerts.stream().filter(a -> a.severity() == severity).findFirst();
                if (first.isPresent() && before.add(severity)) {
                    changes.add(new Change(now, slo.name(), severity, true, describe(first.get())));
                } else if (first.isEmpty() && before.remove(severity)) {
                    changes.add(new Change(now, slo.name(), severity, false, ""));
                }
            }
        }
    }

    /** Every change so far, oldest first. */
    List<Change> changes() {
        return List.copyOf(changes);
    }

    /** Whether {@code slo} has alerts of {@code severity} firing as of the last check. */
    boolean firing(String slo, Severity severity) {
        return firing.get(slo).contains(severity);
    }

    private static String describe(BurnRateAlert alert) {
        return String.format(java.util.Locale.ROOT, "burn %s %.1f, %s %.1f >= %.1f",
                Formats.duration(alert.rule().longWindow()), alert.longBurnRate(),
                Formats.duration(alert.rule().shortWindow()), alert.shortBurnRate(), alert.threshold());
    }
}
