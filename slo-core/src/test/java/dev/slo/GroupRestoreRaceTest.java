package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A restore that adds a group's excluded events while the whole adds an exclusion: the group keeps the
 * exclusion. The restoring thread is parked, by its clock, exactly where it builds the group's excluded-events
 * recorder; an exclusion added meanwhile must wait for it (both change the group's gate), not be overwritten.
 */
final class GroupRestoreRaceTest {
    private static final Instant START = Instant.parse("2026-08-03T00:00:00Z");

    /**
     * A manual clock that parks the thread reading it from within Intake.restoreExcluded, the second time (the
     * whole's excluded events are restored first, the group's second), until released.
     */
    private static final class ParkingClock extends Clock {
        final ManualClock time = ManualClock.at(START);
        final CountDownLatch parked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean armed;
        private int seen;

        @Override
        public long millis() {
            if (armed && StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getMethodName().equals("restoreExcluded")
                    && f.getClassName().equals(Intake.class.getName()))) && ++seen == 2) {
                armed = false;
                parked.countDown();
                TestThreads.await(release);
            }
            return time.millis();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private static Slo api(SloRegistry slos, Exclusion... exclusions) {
        return slos.define("api").internal("api answers").ownedBy(Owner.team("api")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(Duration.ofDays(30))).groupedBy("endpoint", 10).exclude(exclusions).register();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void anExclusionAddedWhileAGroupIsRestored_reachesTheGroup() throws Exception {
        ManualClock sourceClock = ManualClock.at(START);
        SloRegistry source = SloRegistry.create(sourceClock);
        api(source, Exclusion.once(START.minusSeconds(60), Duration.ofHours(1), "drill")).group("/pay").recordCounts(0, 5);
        Snapshot snapshot = source.snapshot();
        assertEquals(5, source.find("api").orElseThrow().group("/pay").excludedEvents());

        ParkingClock clock = new ParkingClock();
        SloRegistry target = SloRegistry.create(clock);
        Slo whole = api(target);
        Slo pay = whole.group("/pay");
        clock.armed = true;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread restoring = new Thread(() -> target.restore(snapshot), "restoring");
        restoring.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        restoring.start();
        assertTrue(clock.parked.await(10, TimeUnit.SECONDS), "the restore should reach the group's excluded events");
        Thread excluding = new Thread(() -> whole.exclude(Exclusion.once(START, Duration.ofHours(1), "upgrade")), "excluding");
        excluding.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        excluding.start();
        excluding.join(200);                              // with the exclusion taken under another lock it is done by now
        clock.release.countDown();
        restoring.join();
        excluding.join();
        assertEquals(null, failure.get());

        pay.record(false);
        whole.record(false);
        assertEquals(0, pay.errorBudget().total(), "the group's event falls in the exclusion, as the whole's");
        assertEquals(0, whole.errorBudget().total());
        assertEquals(5 + 1, pay.excludedEvents());        // the restored ones and the new one
    }
}
