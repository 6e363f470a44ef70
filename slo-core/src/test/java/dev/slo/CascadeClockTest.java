package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every cascade query answers at one clock reading, so all its figures are of the same instant. */
final class CascadeClockTest {

    /** A manual clock that counts how often it is read. */
    private static final class CountingClock extends Clock {
        final ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public ZoneId getZone() {
            return clock.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long millis() {
            reads.incrementAndGet();
            return clock.millis();
        }

        @Override
        public Instant instant() {
            reads.incrementAndGet();
            return clock.instant();
        }
    }

    private final CountingClock clock = new CountingClock();
    private final SloRegistry slos = SloRegistry.create(clock);
    private final Slo checkout = slos.define("checkout").customerFacing("checkout works")
            .ownedBy(Owner.product("pm"), Owner.engineering("eng"))
            .sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
    private final Slo auth = internal("auth");
    private final Slo payments = internal("payments");
    private final Slo card = internal("card");
    private final Cascade journey;

    CascadeClockTest() {
        slos.cascade(payments).dependsOn(card).build();
        journey = slos.cascade(checkout).dependsOn(auth).dependsOnAny(payments, internal("ledger")).build();
        for (int minute = 0; minute < 90; minute++) {
            checkout.recordCounts(990, 10);
            auth.recordCounts(1000, 0);
            payments.recordCounts(900, 100);
            card.recordCounts(995, 5);
            clock.clock.advance(Duration.ofMinutes(1));
        }
    }

    private Slo internal(String name) {
        return slos.define(name).internal(name + " answers").ownedBy(Owner.team(name + "-team"))
                .sli(Sli.ratio()).target(0.9999).window(Window.rolling(Duration.ofDays(30))).register();
    }

    private int readsOf(Supplier<?> query) {
        clock.reads.set(0);
        assertNotNull(query.get());
        return clock.reads.get();
    }

    @Test
    void eachQueryReadsTheClockOnce() {
        assertEquals(0, readsOf(journey::compoundedTarget));
        assertEquals(1, readsOf(journey::predictedAttainment));
        assertEquals(1, readsOf(() -> journey.predictedBurnRate(Duration.ofHours(1))));
        assertEquals(1, readsOf(journey::blame));
        assertEquals(1, readsOf(journey::check));
        assertEquals(1, readsOf(journey::earlyWarnings));
        assertEquals(1, readsOf(() -> journey.predictiveValue(Duration.ofMinutes(1), Duration.ofHours(1))));
    }

    @Test
    void predictiveValueChecksEachSloAsItsTimelineDoes() {
        Duration tooLong = Duration.ofDays(400);
        String timeline = assertThrows(IllegalArgumentException.class,
                () -> checkout.timeline(Duration.ofHours(1), tooLong)).getMessage();
        assertEquals(timeline, assertThrows(IllegalArgumentException.class,
                () -> journey.predictiveValue(Duration.ofHours(1), tooLong)).getMessage());
        assertEquals("resolution must be positive, got 0s", assertThrows(IllegalArgumentException.class,
                () -> journey.predictiveValue(Duration.ZERO, Duration.ofHours(1))).getMessage());
    }
}
