package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Predictive value measured from recorded minute-by-minute history. */
final class CascadePredictiveValueTest {
    private final CascadeFixture f = new CascadeFixture();
    private final Slo checkout = f.customer("checkout", 0.999);
    private final Slo auth = f.internal("auth", 0.9995);
    private final Slo payments = f.internal("payments", 0.9995);
    private final Cascade journey = f.slos.cascade(checkout).dependsOn(auth).dependsOn(payments).build();

    private static boolean in(int minute, int from, int toInclusive) {
        return minute >= from && minute <= toInclusive;
    }

    /**
     * Six hours, 100 calls a minute each. payments burns in minutes 60-80 and 200-210; checkout goes bad in
     * 65-80 (5 minutes after payments began) and 203-210 (3 minutes after), and once, 330-335, with no
     * internal burn at all. auth burns in 300-305 and checkout does not notice.
     */
    private void sixHours() {
        for (int minute = 0; minute < 360; minute++) {
            boolean paymentsBurns = in(minute, 60, 80) || in(minute, 200, 210);
            boolean checkoutBad = in(minute, 65, 80) || in(minute, 203, 210) || in(minute, 330, 335);
            payments.recordCounts(paymentsBurns ? 95 : 100, paymentsBurns ? 5 : 0);
            auth.recordCounts(in(minute, 300, 305) ? 98 : 100, in(minute, 300, 305) ? 2 : 0);
            checkout.recordCounts(checkoutBad ? 90 : 100, checkoutBad ? 10 : 0);
            f.clock.advance(minute < 359 ? Duration.ofMinutes(1) : Duration.ofSeconds(30)); // end inside minute 359
        }
    }

    @Test
    void measuresHowOftenEachDependencyForetoldTheCustomersBadPeriods() {
        sixHours();
        List<PredictiveValue> values = journey.predictiveValue(Duration.ofMinutes(1), Duration.ofHours(6));
        assertEquals(List.of(auth, payments), values.stream().map(PredictiveValue::dependency).toList());

        PredictiveValue p = values.get(1);
        assertEquals(3, p.customerBadPeriods());
        assertEquals(2, p.preceded());                                   // not the one at 330
        assertEquals(2.0 / 3, p.hitRate(), 1e-15);
        assertEquals(Optional.of(Duration.ofMinutes(4)), p.medianLeadTime()); // median of 5 and 3 minutes
        assertEquals(2, p.burnPeriods());
        assertEquals(1.0, p.precision());

        PredictiveValue a = values.get(0);
        assertEquals(3, a.customerBadPeriods());
        assertEquals(0, a.preceded());
        assertEquals(Optional.empty(), a.medianLeadTime());
        assertEquals(1, a.burnPeriods());                                // a false alarm
        assertEquals(0.0, a.precision());
    }

    @Test
    void hourlyResolutionSeesCoincidenceAsZeroLead() {
        sixHours();
        // at 1 h, payments and checkout go bad in the same hours (1 and 3): preceded with lead 0
        PredictiveValue p = journey.predictiveValue(Duration.ofHours(1), Duration.ofDays(1)).get(1);
        assertEquals(Optional.of(Duration.ZERO), p.medianLeadTime());
    }

    @Test
    void rejectsResolutionCoarserThanHourlyAndLookBackShorterThanResolution() {
        assertEquals("resolution must be at most 1 hour (hourly or finer), got 2h",
                assertThrows(IllegalArgumentException.class,
                        () -> journey.predictiveValue(Duration.ofHours(2), Duration.ofDays(1))).getMessage());
        assertEquals("lookBack must be at least resolution 1h, got 30m",
                assertThrows(IllegalArgumentException.class,
                        () -> journey.predictiveValue(Duration.ofHours(1), Duration.ofMinutes(30))).getMessage());
        assertThrows(NullPointerException.class, () -> journey.predictiveValue(null, Duration.ofHours(1)));
    }
}
