package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * API §7 across the newer public methods (cascades, revise, exclude, observe, startRun, recordAttempt,
 * latency queries, report): a rejected call throws at once, its message names the parameter and the
 * value given, and nothing already recorded changes.
 */
final class ContractBadInputTest {
    private final ManualClock clock = Fixtures.clock();
    private final SloRegistry slos = SloRegistry.create(clock);

    /** Runs {@code call}, expects {@code type} with every fragment in its message, and the budget of {@code slo} unchanged. */
    private static <T extends Throwable> void rejects(Class<T> type, Slo slo, Executable call, String... fragments) {
        ErrorBudget before = slo.errorBudget();
        List<Revision> revisions = slo.revisions();
        SloSpec spec = slo.spec();
        T thrown = assertThrows(type, call);
        for (String fragment : fragments) {
            assertTrue(thrown.getMessage() != null && thrown.getMessage().contains(fragment),
                    "message should contain \"" + fragment + "\": " + thrown.getMessage());
        }
        assertEquals(before, slo.errorBudget(), "a rejected call must not change what was recorded");
        assertEquals(revisions, slo.revisions());
        assertEquals(spec, slo.spec());
    }

    private Slo recorded(Slo slo) {
        slo.recordCounts(990, 10);
        return slo;
    }

    @Test
    void reviseNamesNewTargetAndTheValue() {
        Slo slo = recorded(Fixtures.ratioSlo(slos, "svc", 0.999, Window.rolling(Fixtures.DAYS_30)));
        rejects(IllegalArgumentException.class, slo, () -> slo.revise(99.5, Owner.team("team"), "why"),
                "newTarget", "99.5", "0.995");
        rejects(IllegalArgumentException.class, slo, () -> slo.revise(Double.NaN, Owner.team("team"), "why"),
                "newTarget", "NaN");
        rejects(NullPointerException.class, slo, () -> slo.revise(0.99, null, "why"), "actor");
        rejects(NullPointerException.class, slo, () -> slo.revise(0.99, Owner.team("team"), null), "reason");
        rejects(IllegalArgumentException.class, slo, () -> slo.revise(0.99, Owner.team("team"), "  "), "reason");
        rejects(IllegalArgumentException.class, slo, () -> slo.revise(0.999, Owner.team("team"), "same"),
                "newTarget", "0.999");
        rejects(DecisionRightsException.class, slo, () -> slo.revise(0.99, Owner.team("stranger"), "why"),
                "stranger");
    }

    @Test
    void targetChecksNameTheirOwnParameter() {
        Owner who = Owner.team("team");
        Instant when = Fixtures.START;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Revision(who, when, 99.9, 0.99, "why"))
                .getMessage().startsWith("from must be a fraction in (0,1), got 99.9"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Revision(who, when, 0.99, 1.0, "why"))
                .getMessage().startsWith("to must be a fraction in (0,1), got 1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TargetAllocation.of(0.0, 2))
                .getMessage().startsWith("customerTarget must be a fraction in (0,1), got 0.0"));
    }

    @Test
    void excludeRejectsNullAndRepeats() {
        Slo slo = recorded(Fixtures.ratioSlo(slos, "svc", 0.999, Window.rolling(Fixtures.DAYS_30)));
        rejects(NullPointerException.class, slo, () -> slo.exclude(null), "exclusion");
        Exclusion once = Exclusion.once(Fixtures.START.plus(Duration.ofDays(1)), Duration.ofHours(1), "migration");
        slo.exclude(once);
        rejects(IllegalArgumentException.class, slo, () -> slo.exclude(once), "exclusion", "migration");
        assertThrows(IllegalArgumentException.class,
                () -> Exclusion.once(Fixtures.START, Duration.ofHours(-1), "x"));
        for (int i = 2; i <= SloSpec.MAX_EXCLUSIONS; i++) {
            slo.exclude(Exclusion.once(Fixtures.START.plus(Duration.ofDays(i)), Duration.ofHours(1), "patch " + i));
        }
        assertEquals(SloSpec.MAX_EXCLUSIONS, slo.spec().exclusions().size());
        rejects(IllegalArgumentException.class, slo,
                () -> slo.exclude(Exclusion.once(Fixtures.START.plus(Duration.ofDays(80)), Duration.ofHours(1), "one too many")),
                "exclusion", "65", String.valueOf(SloSpec.MAX_EXCLUSIONS), "one too many");
    }

    @Test
    void observeOnANonGaugeIsAStateErrorNamingTheSli() {
        Slo slo = recorded(Fixtures.ratioSlo(slos, "svc", 0.999, Window.rolling(Fixtures.DAYS_30)));
        rejects(IllegalStateException.class, slo, () -> slo.observe(5), "observe", "svc");
        rejects(IllegalStateException.class, slo, () -> slo.startRun(), "startRun", "svc");
        rejects(IllegalStateException.class, slo, () -> slo.recordAttempt(true, 0), "recordAttempt", "svc");
    }

    @Test
    void recordAttemptRejectsNegativeRetries() {
        Slo slo = slos.define("retries").internal("retried calls succeed").ownedBy(Owner.team("team"))
                .sli(Sli.withinRetries(2)).target(0.99).window(Window.rolling(Fixtures.DAYS_30)).register();
        slo.recordAttempt(true, 0);
        rejects(IllegalArgumentException.class, slo, () -> slo.recordAttempt(true, -1), "retries", "-1");
    }

    @Test
    void latencyQueriesNameTheirParameters() {
        Slo slo = slos.define("lat").internal("answers fast").ownedBy(Owner.team("team"))
                .sli(Sli.latency(Duration.ofMillis(300))).target(0.99).window(Window.rolling(Fixtures.DAYS_30)).register();
        slo.record(true, 100_000_000L);
        rejects(IllegalArgumentException.class, slo, () -> slo.record(true, -5L), "latencyNanos", "-5");
        rejects(IllegalArgumentException.class, slo, () -> slo.latencyPercentile(99, Duration.ofHours(1)),
                "quantile", "99");
        rejects(NullPointerException.class, slo, () -> slo.latencyPercentile(0.99, null), "lookBack");
        rejects(IllegalArgumentException.class, slo, () -> slo.latency(Duration.ofHours(-1)), "lookBack", "-1h");
        rejects(IllegalArgumentException.class, slo, () -> slo.latency(Duration.ofDays(400)), "lookBack", "400d");
        rejects(NullPointerException.class, slo, () -> slo.attainmentAt(null, Duration.ofHours(1)), "threshold");
        rejects(IllegalArgumentException.class, slo,
                () -> slo.attainmentAt(Duration.ofMillis(-1), Duration.ofHours(1)), "threshold", "-1ms");
        rejects(IllegalArgumentException.class, slo, () -> slo.thresholdMet(1.5, Duration.ofHours(1)), "target", "1.5");
        rejects(IllegalArgumentException.class, slo, () -> slo.timeline(Duration.ZERO, Duration.ofHours(1)),
                "resolution", "0s");
    }

    @Test
    void queriesOnBadLookBacksNameThem() {
        Slo slo = recorded(Fixtures.ratioSlo(slos, "svc", 0.999, Window.rolling(Fixtures.DAYS_30)));
        rejects(NullPointerException.class, slo, () -> slo.burnRate(null), "lookBack");
        rejects(IllegalArgumentException.class, slo, () -> slo.burnRate(Duration.ZERO), "lookBack", "0s");
        rejects(IllegalArgumentException.class, slo, () -> slo.timeToExhaustion(Duration.ofSeconds(-1)),
                "lookBack", "-1s");
    }

    @Test
    void cascadesRejectBadDependenciesAndShares() {
        Slo root = recorded(Fixtures.ratioSlo(slos, "root", 0.99, Window.rolling(Fixtures.DAYS_30)));
        Slo dep = Fixtures.ratioSlo(slos, "dep", 0.999, Window.rolling(Fixtures.DAYS_30));
        Slo other = Fixtures.ratioSlo(SloRegistry.create(clock), "elsewhere", 0.999, Window.rolling(Fixtures.DAYS_30));
        rejects(NullPointerException.class, root, () -> slos.cascade(null), "root");
        rejects(IllegalArgumentException.class, root, () -> slos.cascade(other), "root", "elsewhere");
        CascadeBuilder builder = slos.cascade(root);
        rejects(NullPointerException.class, root, () -> builder.dependsOn(null), "dependency");
        rejects(IllegalArgumentException.class, root, () -> builder.dependsOn(dep, 0.0), "share", "0.0");
        rejects(IllegalArgumentException.class, root, () -> builder.dependsOn(dep, 25), "share", "25", "0.25");
        rejects(IllegalArgumentException.class, root, () -> builder.dependsOn(dep, Double.NaN), "share", "NaN");
        rejects(IllegalArgumentException.class, root, () -> builder.dependsOn(root), "dependency", "root");
        rejects(IllegalArgumentException.class, root, () -> builder.dependsOn(other), "dependency", "elsewhere");
        rejects(NullPointerException.class, root, () -> builder.dependsOnAny(dep, null), "members[1]");
        rejects(IllegalArgumentException.class, root, () -> builder.dependsOnAny(dep), "members", "1");
        rejects(IllegalArgumentException.class, root, () -> builder.dependsOnAny(dep, dep), "members", "dep");
        rejects(IllegalStateException.class, root, builder::build, "dependencies");
        Cascade cascade = builder.dependsOn(dep).build();
        rejects(NullPointerException.class, root, () -> cascade.predictedBurnRate(null), "lookBack");
        rejects(IllegalArgumentException.class, root, () -> cascade.predictedBurnRate(Duration.ofMinutes(-5)),
                "lookBack", "-5m");
        rejects(NullPointerException.class, root, () -> cascade.share(null), "dependency");
        rejects(IllegalArgumentException.class, root, () -> slos.cascade(root), "root", "root");
        rejects(IllegalArgumentException.class, root, () -> slos.cascade(dep).dependsOn(root).build(), "root");
        assertEquals(List.of(cascade), slos.cascades(), "rejected cascades are not added");
    }

    @Test
    void reportAndLintRejectNullAndChangeNothing() {
        Slo slo = recorded(Fixtures.ratioSlo(slos, "svc", 0.999, Window.rolling(Fixtures.DAYS_30)));
        rejects(NullPointerException.class, slo, () -> slos.report(null), "audience");
        ErrorBudget before = slo.errorBudget();
        slos.lint();
        slos.report(Audience.INTERNAL);
        assertEquals(before, slo.errorBudget(), "lint and report only read");
    }

    @Test
    void findingsNeverCarryANullSlo() {
        NullPointerException thrown = assertThrows(NullPointerException.class,
                () -> new Finding(FindingKind.ONE_SLO_TYPE_ONLY, null, "m"));
        assertTrue(thrown.getMessage().contains("slo"));
        assertEquals("", Finding.registryWide(FindingKind.ONE_SLO_TYPE_ONLY, "m").slo());
    }

    @Test
    void gaugeReadingsRejectNegativeAges() {
        Slo fresh = slos.define("fresh").internal("data is fresh").ownedBy(Owner.team("team"))
                .sli(Sli.freshness(Duration.ofMinutes(5))).budgeting(Budgeting.timeslices(Duration.ofMinutes(1)))
                .target(0.99).window(Window.rolling(Duration.ofDays(7))).register();
        fresh.observe(10);
        clock.advance(Duration.ofMinutes(2));
        rejects(IllegalArgumentException.class, fresh, () -> fresh.observe(-3), "reading", "-3");
        rejects(NullPointerException.class, fresh, () -> fresh.observeAge(null), "age");
        rejects(IllegalArgumentException.class, fresh, () -> fresh.observeAge(Duration.ofSeconds(-1)), "age", "-1s");
    }
}
