package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * API §7 as a table: each row is one rejected call, the exception it must throw and a fragment its
 * message must hold (the parameter and the value given, control characters escaped). Every row runs
 * against a fresh registry of a few SLOs holding recorded events, a revision, an exclusion and a
 * cascade, and afterwards that recorded state must be exactly as before.
 */
final class BadInputCasesTest {

    /** A call against a prepared registry. */
    @FunctionalInterface
    interface Call {
        void run(World w) throws Throwable;
    }

    /** A registry with recorded events in every SLO, one revision, one exclusion and one cascade. */
    static final class World {
        final ManualClock clock = Fixtures.clock();
        final SloRegistry slos = SloRegistry.create(clock);
        final Owner pm = Owner.product("payments-pm");
        final Owner eng = Owner.engineering("payments-eng");
        final Slo checkout = slos.define("checkout")
                .customerFacing("Checkout completes")
                .ownedBy(pm, eng)
                .sli(Sli.ratio())
                .target(0.999)
                .window(Window.rolling(Fixtures.DAYS_30))
                .register();
        final Slo auth = slos.define("auth-latency")
                .internal("auth answers within 300 ms")
                .ownedBy(Owner.team("identity"))
                .sli(Sli.latency(Duration.ofMillis(300)))
                .target(0.9995)
                .window(Window.rolling(Fixtures.DAYS_30))
                .exclude(Exclusion.once(Fixtures.START.plus(Duration.ofDays(3)), Duration.ofHours(1), "migration"))
                .register();
        final Slo fresh = slos.define("orders-fresh")
                .internal("orders are fresh")
                .ownedBy(Owner.team("fulfilment"))
                .sli(Sli.freshness(Duration.ofMinutes(5)))
                .target(0.99)
                .window(Window.rolling(Duration.ofDays(7)))
                .register();
        final Cascade journey;

        World() {
            checkout.recordCounts(990, 10);
            auth.record(true, 120_000_000L);
            auth.record(false, 500_000_000L);
            fresh.observe(30);
            clock.advance(Duration.ofMinutes(2));
            fresh.observe(900);
            clock.advance(Duration.ofMinutes(2));
            checkout.revise(0.995, pm, "agreed in review");
            journey = slos.cascade(checkout).dependsOn(auth).build();
        }

        /** What a rejected call must leave alone. */
        List<Object> recordedState() {
            List<Object> state = new ArrayList<>();
            for (Slo slo : slos.all()) {
                ErrorBudget b = slo.errorBudget();
                state.add(List.of(slo.name(), b.good(), b.total(), slo.revisions(), slo.spec().exclusions().size(),
                        slo.spec()));
            }
            state.add(slos.cascades());
            return state;
        }
    }

    private static Arguments row(String label, Call call, Class<? extends Throwable> type, String fragment) {
        return Arguments.of(label, call, type, fragment);
    }

    static Stream<Arguments> cases() {
        Instant t = Fixtures.START;
        Duration hour = Duration.ofHours(1);
        BurnRateRule rule = new BurnRateRule(Severity.PAGE, 0.02, hour, Duration.ofMinutes(5));
        return Stream.of(
                // ------------------------------------------------ issue 8: exceptions of the wrong kind
                row("activeAt(Instant.MAX) on a one-off exclusion",
                        w -> Exclusion.once(t, hour, "migration").activeAt(Instant.MAX),
                        IllegalArgumentException.class, "instant must be representable in epoch milliseconds, got "
                                + Instant.MAX),
                row("activeAt(Instant.MIN) on a weekly exclusion",
                        w -> Exclusion.weekly(DayOfWeek.SUNDAY, LocalTime.of(3, 0), hour, ZoneOffset.UTC, "patching")
                                .activeAt(Instant.MIN),
                        IllegalArgumentException.class, "instant must be representable in epoch milliseconds, got "
                                + Instant.MIN),
                row("AlertPolicy.of(rule, null)", w -> AlertPolicy.of(rule, null),
                        NullPointerException.class, "rules[1] must not be null"),
                row("ErrorBudget.of with a NaN target", w -> ErrorBudget.of(10, 9, Double.NaN),
                        IllegalArgumentException.class, "target must be a fraction in (0,1), got NaN"),
                row("ErrorBudget.of with an infinite target", w -> ErrorBudget.of(10, 9, Double.POSITIVE_INFINITY),
                        IllegalArgumentException.class, "target must be a fraction in (0,1), got Infinity"),
                row("ErrorBudget.of with a negative infinite target", w -> ErrorBudget.of(10, 9, Double.NEGATIVE_INFINITY),
                        IllegalArgumentException.class, "target must be a fraction in (0,1), got -Infinity"),

                // ------------------------------------------------ issue 8: control characters
                row("define with a newline", w -> w.slos.define("a\nb"),
                        IllegalArgumentException.class, "got \"a\\nb\" (bad character '\\n' at 1)"),
                row("define with an escape character", w -> w.slos.define("red\u001b[31m"),
                        IllegalArgumentException.class, "got \"red\\u001B[31m\""),
                row("owner name with a newline", w -> Owner.product("pm\nroot"),
                        IllegalArgumentException.class, "name must not hold control characters, got \"pm\\nroot\""),
                row("owner name with a DEL", w -> Owner.team("team\u007f"),
                        IllegalArgumentException.class, "name must not hold control characters, got \"team\\u007F\""),
                row("owner name blank with a tab", w -> Owner.team("\t"),
                        IllegalArgumentException.class, "name must not be blank, got \"\\t\""),
                row("consumer name with a bell", w -> DownstreamConsumer.of("billing\u0007", DownstreamConsumer.Impact.BLOCKING),
                        IllegalArgumentException.class, "name must not hold control characters, got \"billing\\u0007\""),
                row("consumer description with a carriage return",
                        w -> new DownstreamConsumer("billing", DownstreamConsumer.Impact.DEGRADED, "stale\rOK"),
                        IllegalArgumentException.class, "description must not hold control characters, got \"stale\\rOK\""),
                row("customerFacing with a newline",
                        w -> w.slos.define("fresh").customerFacing("Checkout\ncompletes"),
                        IllegalArgumentException.class, "outcome must not hold control characters, got \"Checkout\\ncompletes\""),
                row("internal with a NUL", w -> w.slos.define("fresh").internal("auth\u0000"),
                        IllegalArgumentException.class, "description must not hold control characters, got \"auth\\u0000\""),
                row("internal blank of newlines", w -> w.slos.define("fresh").internal("\n\n"),
                        IllegalArgumentException.class, "description must not be blank, got \"\\n\\n\""),
                row("one-off exclusion reason with a newline", w -> Exclusion.once(t, hour, "db\nmigration"),
                        IllegalArgumentException.class, "reason must not hold control characters, got \"db\\nmigration\""),
                row("weekly exclusion reason with a C1 control",
                        w -> Exclusion.weekly(DayOfWeek.SUNDAY, LocalTime.of(3, 0), hour, ZoneOffset.UTC, "patch\u0085"),
                        IllegalArgumentException.class, "reason must not hold control characters, got \"patch\\u0085\""),
                row("revise with a newline in the reason", w -> w.checkout.revise(0.99, w.pm, "agreed\nin review"),
                        IllegalArgumentException.class, "reason must not hold control characters, got \"agreed\\nin review\""),
                row("revision why with a tab", w -> new Revision(w.pm, t, 0.999, 0.99, "why\tnot"),
                        IllegalArgumentException.class, "why must not hold control characters, got \"why\\tnot\""),
                row("spec description with a newline",
                        w -> new SloSpec("x", Audience.INTERNAL, "a\nb", List.of(w.eng), Sli.ratio(), 0.99,
                                Window.rolling(hour), AlertPolicy.sreWorkbook(), Budgeting.occurrences()),
                        IllegalArgumentException.class, "description must not hold control characters, got \"a\\nb\""),

                // ------------------------------------------------ issue 8: durations below a millisecond
                row("freshness under a millisecond", w -> Sli.freshness(Duration.ofNanos(500)),
                        IllegalArgumentException.class, "maxAge must be a whole number of milliseconds, got 500ns"),
                row("freshness with a sub-millisecond part", w -> Sli.freshness(Duration.ofSeconds(90).plusNanos(1)),
                        IllegalArgumentException.class, "maxAge must be a whole number of milliseconds, got 1m 30s 1ns"),
                row("deadline under a millisecond", w -> Sli.deadline(Duration.ofNanos(999_999)),
                        IllegalArgumentException.class, "deadline must be a whole number of milliseconds, got 999\u00b5s 999ns"),
                row("deadline with a sub-millisecond part", w -> Sli.deadline(Duration.ofMinutes(30).plusNanos(10)),
                        IllegalArgumentException.class, "deadline must be a whole number of milliseconds, got 30m 10ns"),

                // ------------------------------------------------ the rest of API §7
                row("define a name already defined", w -> w.slos.define("checkout"),
                        IllegalArgumentException.class, "got \"checkout\" which is already defined"),
                row("define with a space", w -> w.slos.define("check out"),
                        IllegalArgumentException.class, "got \"check out\" (bad character ' ' at 5)"),
                row("define null", w -> w.slos.define(null), NullPointerException.class, "name must not be null"),
                row("target as a percentage", w -> w.slos.define("fresh").target(99.9),
                        IllegalArgumentException.class, "got 99.9 (did you mean 0.999?)"),
                row("ownedBy nobody", w -> w.slos.define("fresh").ownedBy(),
                        IllegalArgumentException.class, "owners must name at least one owner, got none"),
                row("register with no SLI", w -> w.slos.define("fresh").internal("x").ownedBy(w.eng).target(0.99)
                                .window(Window.rolling(hour)).register(),
                        IllegalStateException.class, "sli is required"),
                row("revise to a percentage", w -> w.checkout.revise(99.5, w.pm, "why"),
                        IllegalArgumentException.class, "newTarget must be a fraction in (0,1), got 99.5 (did you mean 0.995?)"),
                row("revise to the same target", w -> w.checkout.revise(0.995, w.pm, "same"),
                        IllegalArgumentException.class, "newTarget must differ from the current target 0.995"),
                row("revise by a stranger", w -> w.checkout.revise(0.99, Owner.product("stranger"), "why"),
                        DecisionRightsException.class, "product:stranger"),
                row("revise with a blank reason", w -> w.checkout.revise(0.99, w.pm, " "),
                        IllegalArgumentException.class, "reason must not be blank, got \" \""),
                row("exclude a repeat", w -> w.auth.exclude(
                                Exclusion.once(Fixtures.START.plus(Duration.ofDays(3)), hour, "migration")),
                        IllegalArgumentException.class, "exclusion must not repeat"),
                row("exclusion of no length", w -> Exclusion.once(t, Duration.ZERO, "x"),
                        IllegalArgumentException.class, "length must be at least 1 ms, got 0s"),
                row("exclusion past the end of time", w -> Exclusion.once(Instant.ofEpochMilli(Long.MAX_VALUE - 1), hour, "x"),
                        IllegalArgumentException.class, "start + length must be a representable instant"),
                row("recordCounts with negative good", w -> w.checkout.recordCounts(-1, 5),
                        IllegalArgumentException.class, "good must be in [0, "),
                row("record with a negative latency", w -> w.auth.record(true, -1L),
                        IllegalArgumentException.class, "latencyNanos must be >= 0, got -1"),
                row("observe a negative age", w -> w.fresh.observe(-3),
                        IllegalArgumentException.class, "reading must be an age in seconds >= 0, got -3"),
                row("observe on a ratio SLO", w -> w.checkout.observe(5), IllegalStateException.class, "checkout"),
                row("burnRate under a millisecond", w -> w.checkout.burnRate(Duration.ofNanos(10)),
                        IllegalArgumentException.class, "lookBack must be at least 1 ms, got 10ns"),
                row("burnRate beyond the history", w -> w.checkout.burnRate(Duration.ofDays(60)),
                        IllegalArgumentException.class, "got 60d"),
                row("latencyPercentile as a percentage", w -> w.auth.latencyPercentile(99, hour),
                        IllegalArgumentException.class, "quantile"),
                row("rolling window too short", w -> Window.rolling(Duration.ofMinutes(30)),
                        IllegalArgumentException.class, "30m"),
                row("slice that does not divide a day", w -> Budgeting.timeslices(Duration.ofSeconds(7)),
                        IllegalArgumentException.class, "got 7s"),
                row("latency threshold of zero", w -> Sli.latency(Duration.ZERO),
                        IllegalArgumentException.class, "threshold must be positive and at most 1 hour, got 0s"),
                row("burn-rate rule with a short window not shorter", w -> new BurnRateRule(Severity.PAGE, 0.02, hour, hour),
                        IllegalArgumentException.class, "shortWindow"),
                row("cascade share as a percentage", w -> w.slos.cascade(w.auth).dependsOn(w.fresh, 25),
                        IllegalArgumentException.class, "share must be in (0,1], got 25.0 (did you mean 0.25?)"),
                row("a second cascade for a root", w -> w.slos.cascade(w.checkout),
                        IllegalArgumentException.class, "root must have one cascade only, got \"checkout\""),
                row("a cascade closing a cycle", w -> w.slos.cascade(w.auth).dependsOn(w.checkout).build(),
                        IllegalArgumentException.class, "dependencies must not form a cycle, got auth-latency -> checkout -> auth-latency"),
                row("clock moved back by advance", w -> w.clock.advance(Duration.ofSeconds(-1)),
                        IllegalArgumentException.class, "-1s"));
    }

    @Test
    void activeAtAnswersAtBothEndsOfTheMillisecondRange() {
        Exclusion weekly = Exclusion.weekly(DayOfWeek.SUNDAY, LocalTime.of(3, 0), Duration.ofHours(1), ZoneOffset.UTC, "patching");
        Exclusion once = Exclusion.once(Fixtures.START, Duration.ofHours(1), "migration");
        for (long t : new long[] {Long.MIN_VALUE, Long.MIN_VALUE + Duration.ofDays(8).toMillis(), Long.MAX_VALUE}) {
            Instant at = Instant.ofEpochMilli(t);
            assertFalse(once.activeAt(at), at.toString());
            assertEquals(at.atZone(ZoneOffset.UTC).getDayOfWeek() == DayOfWeek.SUNDAY
                    && at.atZone(ZoneOffset.UTC).getHour() == 3, weekly.activeAt(at), at.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRejectedNamingTheValueAndChangesNothing(String label, Call call, Class<? extends Throwable> type, String fragment) {
        World w = new World();
        List<Object> before = w.recordedState();
        Instant clockBefore = w.clock.instant();

        Throwable thrown = assertThrows(type, () -> call.run(w), label);

        String message = thrown.getMessage();
        assertTrue(message != null && message.contains(fragment),
                "message should contain <" + fragment + ">, was <" + message + ">");
        assertFalse(message.chars().anyMatch(Character::isISOControl),
                "message should show control characters escaped, was <" + message + ">");
        assertEquals(before, w.recordedState(), "a rejected call must not change what was recorded");
        assertEquals(clockBefore, w.clock.instant());
    }
}
