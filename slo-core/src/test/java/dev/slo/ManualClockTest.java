package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ManualClock}: it stands still until moved by advance or set, shares its time with its zoned
 * copies, and keeps its range.
 */
final class ManualClockTest {

    @Test
    void at_standsStill_untilAdvanced() {
        ManualClock clock = ManualClock.at(Fixtures.START);
        assertEquals(Fixtures.START, clock.instant());
        assertEquals(Fixtures.START.toEpochMilli(), clock.millis());
        assertEquals(ZoneOffset.UTC, clock.getZone());
        assertEquals(Fixtures.START, clock.instant());
    }

    @Test
    void advance_movesForward_andChains() {
        ManualClock clock = ManualClock.at(Fixtures.START);
        assertSame(clock, clock.advance(Duration.ofMinutes(5)).advance(Duration.ofNanos(1)));
        assertEquals(Fixtures.START.plusSeconds(300).plusNanos(1), clock.instant());
        clock.advance(Duration.ZERO);
        assertEquals(Fixtures.START.plusSeconds(300).plusNanos(1), clock.instant());
    }

    @Test
    void set_movesEitherWay() {
        ManualClock clock = ManualClock.at(Fixtures.START);
        clock.set(Fixtures.START.minusSeconds(3600));
        assertEquals(Fixtures.START.minusSeconds(3600), clock.instant());
        clock.set(Fixtures.START.plusSeconds(3600));
        assertEquals(Fixtures.START.plusSeconds(3600), clock.instant());
    }

    @Test
    void millis_floorsBeforeTheEpoch() {
        ManualClock clock = ManualClock.at(Instant.ofEpochSecond(0, -1));     // 1 ns before the epoch
        assertEquals(-1, clock.millis());
        assertEquals(Instant.ofEpochSecond(-1, 999_999_999), clock.instant());
    }

    @Test
    void withZone_sharesTheSameTime() {
        ManualClock utc = ManualClock.at(Fixtures.START);
        ManualClock paris = utc.withZone(ZoneId.of("Europe/Paris"));
        assertEquals(ZoneId.of("Europe/Paris"), paris.getZone());
        utc.advance(Duration.ofHours(1));
        assertEquals(utc.instant(), paris.instant());
        paris.advance(Duration.ofHours(1));
        assertEquals(Fixtures.START.plusSeconds(7200), utc.instant());
    }

    @Test
    void rangeLimits_areAccepted() {
        ManualClock clock = ManualClock.at(Instant.parse("2262-04-11T23:47:16Z"));
        assertEquals(Instant.parse("2262-04-11T23:47:16Z"), clock.instant());
        clock.set(Instant.parse("1677-09-21T00:12:44Z"));
        assertEquals(Instant.parse("1677-09-21T00:12:44Z"), clock.instant());
    }

    @Test
    void concurrentAdvances_addUpExactly() throws InterruptedException {
        ManualClock clock = ManualClock.at(Fixtures.START);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    clock.advance(Duration.ofMillis(1));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(Fixtures.START.plusMillis(40_000), clock.instant());
    }
}
