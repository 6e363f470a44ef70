package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.AlertTransition.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Grouped SLOs: each event counts in its group and in the whole, once each; the cap bounds the groups. */
final class GroupTest {
    private final ManualClock clock = Fixtures.clock();
    private final SloRegistry slos = SloRegistry.create(clock);

    private Slo grouped(String name, int maxGroups) {
        return slos.define(name).internal("api answers").ownedBy(Owner.team("api")).sli(Sli.latency(Duration.ofMillis(100)))
                .target(0.99).window(Window.rolling(Fixtures.DAYS_30)).groupedBy("endpoint", maxGroups).register();
    }

    @Test
    void anEventRecordedInAGroup_countsInTheGroupAndInTheWhole_onceEach() {
        Slo api = grouped("api", 10);
        Slo pay = api.group("/pay");
        Slo search = api.group("/search");
        pay.record(true, 5_000_000);
        pay.record(true, 500_000_000);                    // too slow: bad
        pay.recordCounts(7, 1);
        search.record(false);
        search.stopTimer(search.startTimer(), true);
        clock.advance(Duration.ofMinutes(1));
        search.recordCounts(3, 0, Instant.parse("2026-01-01T00:00:30Z"));   // a backfill reaches the whole too
        api.record(true);                                 // straight into the whole: the whole only
        assertEquals(List.of(10L, 8L), List.of(pay.errorBudget().total(), pay.errorBudget().good()));
        assertEquals(List.of(5L, 4L), List.of(search.errorBudget().total(), search.errorBudget().good()));
        assertEquals(List.of(16L, 13L), List.of(api.errorBudget().total(), api.errorBudget().good()));
        assertEquals(3, api.latency(Duration.ofHours(1)).count());   // the two of /pay and the timer's
        assertEquals(List.of(pay, search), api.groups());
        assertSame(pay, api.group("/pay"));
        assertEquals(Optional.of(api), pay.whole());
        assertEquals(Optional.of("/pay"), pay.groupValue());
        assertEquals(Optional.of(new Grouping("endpoint", 10)), api.grouping());
        assertEquals(Optional.empty(), pay.grouping());
        assertEquals("api", pay.name());
        assertTrue(pay.toString().startsWith("Slo[api{endpoint=\"/pay\"}, INTERNAL"), pay.toString());
    }

    @Test
    void beyondTheCap_everyNewValueCountsInTheOverflowGroup_andNoGroupIsCreated() {
        Slo api = grouped("api", 2);
        Slo a = api.group("a");
        Slo b = api.group("b");
        Slo overflow = api.group("c");
        assertEquals(Optional.of(Grouping.OVERFLOW), overflow.groupValue());
        for (int i = 0; i < 1_000; i++) {
            assertSame(overflow, api.group("value-" + i));
            api.group("value-" + i).record(i % 10 != 0);
        }
        assertSame(overflow, api.group(Grouping.OVERFLOW));
        assertSame(a, api.group("a"));
        assertEquals(List.of(a, b, overflow), api.groups());
        assertEquals(1_000, overflow.errorBudget().total());
        assertEquals(1_000, api.errorBudget().total());
        long footprint = api.footprintBytes() + a.footprintBytes() + b.footprintBytes() + overflow.footprintBytes();
        for (int i = 0; i < 10_000; i++) {
            api.group("more-" + i).record(true);
        }
        assertEquals(List.of(a, b, overflow), api.groups());
        assertEquals(footprint, api.footprintBytes() + a.footprintBytes() + b.footprintBytes() + overflow.footprintBytes());
    }

    @Test
    void aGroupSharesTheWholesDefinition_revisionsAndExclusionsOfTheWholeReachEveryGroup() {
        Slo api = grouped("api", 10);
        Slo early = api.group("early");
        api.revise(0.995, Owner.team("api"), "too strict for the beta");
        Slo late = api.group("late");
        assertEquals(0.995, early.spec().target());
        assertEquals(0.995, late.spec().target());
        assertEquals(api.revisions(), early.revisions());
        Exclusion maintenance = Exclusion.once(clock.instant(), Duration.ofHours(1), "database upgrade");
        api.exclude(maintenance);
        early.record(false);
        api.group("later").record(false);
        assertEquals(0, early.errorBudget().total());
        assertEquals(1, early.excludedEvents());
        assertEquals(2, api.excludedEvents());
        assertEquals(0, api.errorBudget().total());
        Rejections.throwsNaming(IllegalStateException.class, () -> early.revise(0.9, Owner.team("api"), "mine"),
                "revise applies to the whole SLO \"api\", not to its group \"early\"");
        Rejections.throwsNaming(IllegalStateException.class, () -> early.exclude(maintenance), "exclude applies to the whole SLO");
    }

    @Test
    void eachGroupAlertsOnItsOwn_andEvaluateReportsItsTransitions() {
        Slo api = grouped("api", 10);
        api.group("/healthy").recordCounts(10_000, 0);
        api.group("/broken").recordCounts(50, 50);
        List<AlertTransition> changes = slos.evaluate();
        assertTrue(changes.stream().allMatch(t -> t.state() == State.FIRING), changes.toString());
        assertTrue(changes.stream().anyMatch(t -> t.slo() == api.group("/broken")), changes.toString());
        assertTrue(changes.stream().noneMatch(t -> t.slo() == api.group("/healthy")), changes.toString());
        assertTrue(changes.stream().noneMatch(t -> t.slo() == api), "50 bad of 10,100 in the whole: burn 0.495, below every threshold: " + changes);
        assertTrue(changes.get(0).toString().startsWith("AlertTransition[FIRING api{endpoint=\"/broken\"}"), changes.get(0).toString());
    }

    @Test
    void badInput_isRefusedNamingTheParameter() {
        Slo api = grouped("api", 2);
        Rejections.throwsNaming(NullPointerException.class, () -> api.group(null), "value must not be null");
        Rejections.throwsNaming(IllegalArgumentException.class, () -> api.group(""), "value must be 1 to 128 characters, got \"\"");
        Rejections.throwsNaming(IllegalArgumentException.class, () -> api.group("a\nb"), "value must not", "\\n");
        Rejections.throwsNaming(IllegalArgumentException.class, () -> api.group("x".repeat(129)), "value must be 1 to 128 characters");
        assertEquals(List.of(), api.groups());                 // nothing created by a refused value
        Slo plain = Fixtures.ratioSlo(slos, "plain", 0.99, Window.rolling(Fixtures.DAYS_30));
        Rejections.throwsNaming(IllegalStateException.class, () -> plain.group("a"),
                "group needs an SLO grouped with groupedBy(label, maxGroups), but \"plain\" is not grouped");
        Rejections.throwsNaming(IllegalStateException.class, () -> api.group("a").group("b"),
                "but api{endpoint=\"a\"} is a group of \"api\"");
        Rejections.throwsNaming(IllegalArgumentException.class, () -> Fixtures.complete(slos, "x").groupedBy("slo", 5),
                "label must not be one the exported metrics, the alerts or Prometheus use", "got \"slo\"");
        Rejections.throwsNaming(IllegalArgumentException.class, () -> Fixtures.complete(slos, "x").groupedBy("__name__", 5),
                "label must not be one");
        Rejections.throwsNaming(IllegalArgumentException.class, () -> Fixtures.complete(slos, "x").groupedBy("1st", 5),
                "label must be a letter or _ then letters, digits or _, at most 64 characters, got \"1st\"");
        Rejections.throwsNaming(IllegalArgumentException.class, () -> Fixtures.complete(slos, "x").groupedBy("end-point", 5),
                "got \"end-point\"");
        Rejections.throwsNaming(IllegalArgumentException.class, () -> Fixtures.complete(slos, "x").groupedBy("endpoint", 0),
                "maxGroups must be in [1, 1000], got 0");
        Rejections.throwsNaming(IllegalArgumentException.class, () -> Fixtures.complete(slos, "x").groupedBy("endpoint", 1001),
                "maxGroups must be in [1, 1000], got 1001");
        Rejections.throwsNaming(NullPointerException.class, () -> Fixtures.complete(slos, "x").groupedBy(null, 5), "label must not be null");
        for (String reserved : List.of("inf", "NaN", "without", "by", "on", "grouping", "long_window", "alertname", "job", "instance", "le")) {
            Rejections.throwsNaming(IllegalArgumentException.class, () -> Fixtures.complete(slos, "x").groupedBy(reserved, 5),
                    "label must not be one the exported metrics, the alerts or Prometheus use", "got \"" + reserved + "\"");
        }
        Rejections.throwsNaming(IllegalArgumentException.class, () -> api.group("/x\uD800"),
                "value must be well-formed text", "an unpaired surrogate \\uD800 at 2");
        assertEquals("/\uD83D\uDE00", api.group("/\uD83D\uDE00").groupValue().orElseThrow());   // a pair is fine
        SloBuilder twice = Fixtures.complete(slos, "twice").groupedBy("endpoint", 5);
        Rejections.throwsNaming(IllegalStateException.class, () -> twice.groupedBy("region", 5), "groupedBy was already set for \"twice\"");
        SloBuilder gauge = slos.define("queue").internal("queue short").ownedBy(Owner.team("t")).sli(Sli.gaugeAtMost(100)).target(0.99)
                .window(Window.rolling(Fixtures.DAYS_30)).groupedBy("queue", 5);
        Rejections.throwsNaming(IllegalStateException.class, gauge::register, "groupedBy needs an event SLI");
    }
}
