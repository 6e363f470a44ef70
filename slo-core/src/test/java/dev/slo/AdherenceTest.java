package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * {@link Slo#adherence()}: the last 30 whole UTC days, durable gaps of missed days, and the target
 * actually achieved.
 */
final class AdherenceTest {
    private static final Instant JAN_1 = Instant.parse("2026-01-01T00:00:00Z");
    /** Adherence taken at noon on 31 January covers the whole days 1 to 30 January (UTC). */
    private static final Instant JAN_31_NOON = Instant.parse("2026-01-31T12:00:00Z");

    private final ManualClock clock = ManualClock.at(JAN_1);
    private final SloRegistry slos = SloRegistry.create(clock);
    private final Slo slo = slos.define("auth-availability").internal("auth-svc answers").ownedBy(Owner.team("identity"))
            .sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();

    /** 1000 events a day at noon: 3 bad (attainment 0.997, missed) on the days {@code missed} picks, else 1 bad (0.999, met). */
    private Adherence run(IntPredicate missed) {
        for (int day = 0; day < 30; day++) {
            clock.set(JAN_1.plus(Duration.ofDays(day)).plus(Duration.ofHours(12)));
            int bad = missed.test(day) ? 3 : 1;
            slo.recordCounts(1000 - bad, bad);
        }
        clock.set(JAN_31_NOON);
        return slo.adherence();
    }

    @Test
    void dailyAttainments_areTheWholeUtcDaysOfTheLast30() {
        Adherence adherence = run(day -> day == 0);
        assertEquals(30, adherence.days().size());
        // Day 1: 997 of 1000 = 0.997 < 0.999; 3 bad > 0.001 * 1000 = 1 allowed: missed.
        assertEquals(new DailyAttainment(LocalDate.of(2026, 1, 1), 997, 1000, 0.999), adherence.days().get(0));
        assertEquals(0.997, adherence.days().get(0).attainment(), 0.0);
        assertFalse(adherence.days().get(0).met());
        // Day 30: 999 of 1000 = 0.999; 1 bad <= 1 allowed: met.
        assertEquals(new DailyAttainment(LocalDate.of(2026, 1, 30), 999, 1000, 0.999), adherence.days().get(29));
        assertTrue(adherence.days().get(29).met());
        assertEquals(29, adherence.daysMet());
        assertEquals(1, adherence.daysMissed());
        assertEquals(1, adherence.longestMissedRun());
        assertFalse(adherence.durableGap());
        assertEquals("auth-availability met its target of 99.9% on 29 of 30 days with events; no durable gap.",
                adherence.advice());
    }

    @Test
    void missedOnMostDays_isADurableGap_withTheAchievedTargetInTheAdvice() {
        // Missed on every day but each third (0, 3, ..., 27): 20 missed, 10 met, never more than 2 in a row.
        Adherence adherence = run(day -> day % 3 != 0);
        assertEquals(20, adherence.daysMissed());
        assertEquals(10, adherence.daysMet());
        assertEquals(2, adherence.longestMissedRun());
        assertTrue(adherence.durableGap());                       // 20 > 30 / 2
        // Sorted attainments: 20 x 0.997 then 10 x 0.999; the 4th lowest (k = floor(0.1 * 30) = 3) is 0.997,
        // reached on all 30 days; 1 - 0.997 = 0.003 has one significant digit already: 0.997.
        assertEquals(OptionalDouble.of(0.997), adherence.achievedTarget());
        assertEquals(OptionalDouble.of(0.997), adherence.medianAttainment());   // 15th and 16th lowest are 0.997
        String advice = adherence.advice();
        assertTrue(advice.contains("missed its target of 99.9% on 20 of 30 days"), advice);
        assertTrue(advice.contains("achieves 99.7%"), advice);
        assertTrue(advice.contains("rewrite the SLO to 99.7%"), advice);
        assertTrue(advice.contains("fix the service to reach 99.9%"), advice);
    }

    @Test
    void sevenMissedDaysInARow_isADurableGap_sixIsNot() {
        Adherence seven = run(day -> day >= 10 && day <= 16);
        assertEquals(7, seven.daysMissed());
        assertEquals(7, seven.longestMissedRun());
        assertTrue(seven.durableGap());
        // 23 days at 0.999 and 7 at 0.997: the 4th lowest is 0.997.
        assertTrue(seven.advice().contains("achieves 99.7%"), seven.advice());
    }

    @Test
    void sixMissedDaysInARow_isNotADurableGap() {
        Adherence six = run(day -> day >= 10 && day <= 15);
        assertEquals(6, six.longestMissedRun());
        assertFalse(six.durableGap());
    }

    @Test
    void missedOnExactlyHalfTheDays_isNotMost() {
        Adherence half = run(day -> day % 2 == 1);
        assertEquals(15, half.daysMissed());
        assertEquals(1, half.longestMissedRun());
        assertFalse(half.durableGap());                          // 15 is not more than 30 / 2
    }

    @Test
    void aDayWithoutEvents_isNeitherMetNorMissed_andEndsARun() {
        // Missed on days 0-3 and 5-7, no events on day 4, nothing at all from day 8 on.
        for (int day = 0; day < 8; day++) {
            if (day == 4) {
                continue;
            }
            clock.set(JAN_1.plus(Duration.ofDays(day)).plusSeconds(60));
            slo.recordCounts(990, 10);
        }
        clock.set(JAN_31_NOON);
        Adherence adherence = slo.adherence();
        assertEquals(7, adherence.daysWithData());
        assertEquals(7, adherence.daysMissed());
        assertEquals(0, adherence.daysMet());
        assertEquals(4, adherence.longestMissedRun());
        assertFalse(adherence.days().get(4).hasData());
        assertFalse(adherence.days().get(4).met());
        assertFalse(adherence.durableGap());                     // 7 of 30 is not most, and no 7 in a row
    }

    @Test
    void noEventsAtAll_saysSo() {
        clock.set(JAN_31_NOON);
        Adherence adherence = slo.adherence();
        assertEquals(0, adherence.daysWithData());
        assertEquals(OptionalDouble.empty(), adherence.achievedTarget());
        assertEquals("auth-availability: no events in the last 30 days, so nothing to judge;"
                + " check that the service reports its events.", adherence.advice());
    }

    @Test
    void theOldestDay_isWholeEvenAtTheLastMillisecondOfToday() {
        clock.set(JAN_1);                                        // the very first millisecond of the oldest day
        slo.recordCounts(5, 5);
        clock.set(Instant.parse("2026-01-31T23:59:59.999Z"));
        DailyAttainment oldest = slo.adherence().days().get(0);
        assertEquals(LocalDate.of(2026, 1, 1), oldest.date());
        assertEquals(10, oldest.total());
        assertEquals(5, oldest.good());
    }

    @Test
    void excludedEvents_doNotCountAgainstTheDay() {
        Slo maintained = slos.define("maintained").internal("x").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(7)))
                .exclude(Exclusion.once(JAN_1, Duration.ofHours(1), "maintenance")).register();
        clock.set(JAN_1.plusSeconds(60));
        maintained.recordCounts(0, 500);                         // inside the exclusion
        clock.set(JAN_1.plus(Duration.ofHours(2)));
        maintained.recordCounts(1000, 0);
        clock.set(JAN_31_NOON);
        DailyAttainment first = maintained.adherence().days().get(0);
        assertEquals(1000, first.total());
        assertTrue(first.met());
    }

    @Test
    void achievedTarget_roundsTheErrorShareUpToOneSignificantDigit() {
        assertEquals(0.997, Adherence.roundDownToTarget(0.99734));   // 0.00266 -> 0.003
        assertEquals(0.991, Adherence.roundDownToTarget(0.9912));    // 0.0088  -> 0.009
        assertEquals(0.95, Adherence.roundDownToTarget(0.95312));    // 0.04688 -> 0.05
        assertEquals(0.997, Adherence.roundDownToTarget(0.997));     // already one digit
        assertEquals(0.9998, Adherence.roundDownToTarget(0.99987));  // 0.00013 -> 0.0002: the target goes down, never up
        assertEquals(0.0, Adherence.roundDownToTarget(0.0));
        assertEquals(1.0, Adherence.roundDownToTarget(1.0));
    }

    @Test
    void achievedTarget_isReachedOnAtLeast90PercentOfDays() {
        // Ten days with data: the 2nd lowest (k = floor(0.1 * 10) = 1) is reached on 9 of 10 days.
        List<DailyAttainment> days = new java.util.ArrayList<>();
        long[] goods = {900, 950, 990, 991, 992, 993, 994, 995, 996, 997};
        for (int i = 0; i < goods.length; i++) {
            days.add(DailyAttainment.of(LocalDate.of(2026, 1, 1 + i), goods[i], 1000, 0.999));
        }
        assertEquals(OptionalDouble.of(0.95), new Adherence("x", 0.999, days).achievedTarget());
    }

    @Test
    void badInput_isRejectedWithTheValue() {
        assertEquals("counts must satisfy 0 <= good <= total, got good=5, total=4",
                assertThrows(IllegalArgumentException.class,
                        () -> DailyAttainment.of(LocalDate.of(2026, 1, 1), 5, 4, 0.999)).getMessage());
        assertEquals("target must be a fraction in (0,1), got 99.9 (did you mean 0.999?)",
                assertThrows(IllegalArgumentException.class, () -> new Adherence("x", 99.9, List.of())).getMessage());
        assertEquals("target must be a fraction in (0,1), got 1.5", assertThrows(IllegalArgumentException.class,
                () -> new DailyAttainment(LocalDate.of(2026, 1, 1), 1, 1, 1.5)).getMessage());
        assertEquals("date must not be null", assertThrows(NullPointerException.class,
                () -> DailyAttainment.of(null, 1, 1, 0.999)).getMessage());
    }
}
