package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FindingKind#SLICE_LONGER_THAN_ALERT_WINDOW}: a rule whose short window cannot hold a slice never fires. */
final class LintSliceTest {
    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-05T00:00:00Z"));
    private final SloRegistry slos = SloRegistry.create(clock);

    private SloBuilder gauge(String name, Duration slice) {
        return slos.define(name).internal("the queue stays short").ownedBy(Owner.team("t")).sli(Sli.gaugeAtMost(5))
                .budgeting(Budgeting.timeslices(slice)).target(0.99).window(Window.rolling(Duration.ofDays(7)));
    }

    private List<Finding> findings(String slo) {
        return slos.lint().stream()
                .filter(f -> f.kind() == FindingKind.SLICE_LONGER_THAN_ALERT_WINDOW && f.slo().equals(slo)).toList();
    }

    @Test
    void tenMinuteSlices_underTheDefaultPolicy_flagTheFiveMinutePageRule_whichIndeedNeverFires() {
        Slo slo = gauge("backlog", Duration.ofMinutes(10)).register();
        for (int i = 0; i < 12; i++) {
            slo.observe(9);                                   // every slice bad: a burn of 100
            clock.advance(Duration.ofMinutes(10));
        }
        assertTrue(slo.alerts().stream().noneMatch(a -> a.rule().shortWindow().equals(Duration.ofMinutes(5))),
                "the rule the finding names is silent");

        List<Finding> found = findings("backlog");
        assertEquals(1, found.size(), found.toString());
        String message = found.get(0).message();
        assertTrue(message.contains("slices of 10 minutes") && message.contains("PAGE 1h/5m")
                && !message.contains("6h/30m") && message.contains("can never fire"), message);
        assertTrue(message.contains("at most half of 5 minutes, e.g. .budgeting(Budgeting.timeslices(Duration.ofSeconds(150)))")
                && message.contains("short windows are at least 20 minutes"), message);
    }

    @Test
    void hourSlices_underTheDefaultPolicy_nameBothPageRules() {
        gauge("backlog", Duration.ofHours(1)).register();
        List<Finding> found = findings("backlog");
        assertEquals(1, found.size(), found.toString());
        String message = found.get(0).message();
        assertTrue(message.contains("PAGE 1h/5m, PAGE 6h/30m") && !message.contains("TICKET"), message);
        assertTrue(message.contains("at least 2 hours"), message);
    }

    @Test
    void slicesNoLongerThanEveryShortWindow_areNotFlagged() {
        gauge("default-minute", Duration.ofMinutes(1)).register();
        gauge("five-minute", Duration.ofMinutes(5)).register();          // as long as the shortest window, not longer
        gauge("hourly-daily-policy", Duration.ofHours(1))
                .alertPolicy(AlertPolicy.of(new BurnRateRule(Severity.TICKET, 0.1, Duration.ofDays(1), Duration.ofHours(2))))
                .register();
        Fixtures.ratioSlo(slos, "events", 0.999, Window.rolling(Fixtures.DAYS_30));   // occurrences: no slices
        assertEquals(List.of(), slos.lint().stream()
                .filter(f -> f.kind() == FindingKind.SLICE_LONGER_THAN_ALERT_WINDOW).toList());
    }
}
