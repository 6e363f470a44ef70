package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slo.engine.Tally;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the recorder, for any sequence of records and clock moves. Each try builds its own registry. */
final class RecorderProperties {

    /** One step of a scenario: move the clock forward by {@code advanceMillis}, then record {@code good} and {@code bad}. */
    record Step(long advanceMillis, int good, int bad, boolean oneByOne) {
        void apply(Slo slo, ManualClock clock) {
            clock.advance(Duration.ofMillis(advanceMillis));
            if (oneByOne) {
                for (int i = 0; i < good; i++) {
                    slo.record(true);
                }
                for (int i = 0; i < bad; i++) {
                    slo.record(false);
                }
            } else {
                slo.recordCounts(good, bad);
            }
        }
    }

    /** Steps up to {@code maxAdvance} apart, mostly small, sometimes zero, sometimes across many buckets. */
    private static Arbitrary<List<Step>> steps(long maxAdvance, int maxSteps) {
        Arbitrary<Long> advance = Arbitraries.oneOf(
                Arbitraries.just(0L),
                Arbitraries.longs().between(1, 20_000),
                Arbitraries.longs().between(1, maxAdvance));
        Arbitrary<Step> step = Combinators.combine(advance, Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, 5), Arbitraries.of(true, false)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(maxSteps);
    }

    @Provide
    Arbitrary<List<Step>> withinAMonth() {
        return steps(Duration.ofHours(12).toMillis(), 50);      // at most 50 x 12 h = 25 days: nothing leaves a 30-day window
    }

    @Provide
    Arbitrary<List<Step>> withinHours() {
        return steps(Duration.ofMinutes(20).toMillis(), 60);
    }

    @Provide
    Arbitrary<List<Step>> acrossDays() {
        return steps(Duration.ofHours(3).toMillis(), 60);
    }

    @Property(tries = 200)
    void countsAreConserved(@ForAll("withinAMonth") List<Step> steps) {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        long good = 0;
        long total = 0;
        for (Step step : steps) {
            step.apply(slo, clock);
            good += step.good();
            total += step.good() + step.bad();
        }
        ErrorBudget b = slo.errorBudget();
        assertEquals(total, b.total());
        assertEquals(good, b.good());
        // every tier holds them all: the finest covering the whole history is the hourly one
        long[] hours = Fixtures.sum(slo.timeline(Duration.ofHours(1), Duration.ofDays(30)));
        assertEquals(good, hours[0]);
        assertEquals(total, hours[1]);
    }

    @Property(tries = 200)
    void windowSumsEqualTheSumOfTheirBuckets(@ForAll("withinHours") List<Step> steps,
                                             @ForAll @IntRange(min = 1, max = 360) int lookBackMinutes) {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        for (Step step : steps) {
            step.apply(slo, clock);
        }
        long lookBack = Duration.ofMinutes(lookBackMinutes).toMillis();
        // The window of look-back w is served by the finest tier that spans it: 10 s up to 6 min, else 1 min.
        Duration resolution = lookBack <= 360_000 ? Duration.ofSeconds(10) : Duration.ofMinutes(1);
        Tally window = slo.recorder().lookBacks(clock.millis(), lookBack)[0];
        long[] buckets = Fixtures.sum(slo.timeline(resolution, Duration.ofMillis(lookBack)));
        assertEquals(buckets[0], window.good());
        assertEquals(buckets[1], window.total());
        // and burnRate agrees with those counts
        double expected = buckets[1] == 0 ? 0.0 : (double) (buckets[1] - buckets[0]) / buckets[1] / 0.001;
        assertEquals(expected, slo.burnRate(Duration.ofMillis(lookBack)), 1e-9);
    }

    @Property(tries = 150)
    void rollingWindowsForgetExactlyWhatLeftThem(@ForAll("acrossDays") List<Step> steps,
                                                 @ForAll @IntRange(min = 1, max = 48) int windowHours) {
        ManualClock clock = Fixtures.clock();
        Duration window = Duration.ofHours(windowHours);
        Slo slo = Fixtures.ratioSlo(SloRegistry.create(clock), "rolling", 0.99, Window.rolling(window));
        long[] recordedAt = new long[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).apply(slo, clock);
            recordedAt[i] = clock.millis();
        }
        // The tier serving the window: 1 min up to 6 h, 5 min up to 24 h 10 min, 1 h beyond. An event's
        // bucket stays in the window while its index exceeds floor((now - window) / bucket): it leaves when
        // the window's edge enters it.
        long bucket = windowHours <= 6 ? 60_000L : windowHours <= 24 ? 300_000L : 3_600_000L;
        long now = clock.millis();
        long edge = Math.floorDiv(now - window.toMillis(), bucket);
        long good = 0;
        long total = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (Math.floorDiv(recordedAt[i], bucket) > edge) {
                good += steps.get(i).good();
                total += steps.get(i).good() + steps.get(i).bad();
            }
        }
        ErrorBudget b = slo.errorBudget();
        assertEquals(total, b.total());
        assertEquals(good, b.good());
    }

    @Property(tries = 100)
    void aClockThatGoesBack_losesNothing(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = -100_000, max = 100_000) Integer> moves) {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        long millis = Fixtures.START.toEpochMilli() + 10_000_000;
        long recorded = 0;
        long good = 0;
        for (int move : moves) {
            millis += move;
            clock.set(java.time.Instant.ofEpochMilli(millis));
            slo.record(move % 2 == 0);
            recorded++;
            good += move % 2 == 0 ? 1 : 0;
        }
        // At most 40 moves of 100 s either way stay far inside the 30-day window: nothing expires.
        assertEquals(recorded, slo.errorBudget().total());
        assertEquals(good, slo.errorBudget().good());
    }
}
