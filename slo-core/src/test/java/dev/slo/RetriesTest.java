package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retries: an operation is good when it succeeded within N retries. */
final class RetriesTest {
    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-05T00:00:00Z"));
    private final SloRegistry slos = SloRegistry.create(clock);
    private final Slo ledger = slos.define("ledger-writes").internal("ledger writes succeed within 2 retries")
            .ownedBy(Owner.team("payments")).sli(Sli.withinRetries(2)).target(0.99)
            .window(Window.rolling(Duration.ofDays(7))).register();

    @Test
    void successWithinTheRetriesIsGood_beyondThemOrFailureIsBad() {
        ledger.recordAttempt(true, 0);                       // good: first try
        ledger.recordAttempt(true, 2);                       // good: at the limit
        ledger.recordAttempt(true, 3);                       // bad: too many retries
        ledger.recordAttempt(false, 0);                      // bad: failed
        ErrorBudget b = ledger.errorBudget();
        assertEquals(4, b.total());
        assertEquals(2, b.good());
    }

    @Test
    void aNegativeRetryCountIsRejectedAndNothingIsRecorded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ledger.recordAttempt(true, -1));
        assertEquals("retries must be >= 0, got -1", e.getMessage());
        assertEquals(0, ledger.errorBudget().total());
    }

    @Test
    void recordAttemptOnAnotherSliThrowsNamingIt() {
        Slo api = slos.define("api").internal("api answers").ownedBy(Owner.team("t")).sli(Sli.ratio())
                .target(0.99).window(Window.rolling(Duration.ofHours(1))).register();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> api.recordAttempt(true, 0));
        assertTrue(e.getMessage().contains("withinRetries") && e.getMessage().contains("\"api\""), e.getMessage());
    }

    @Test
    void theRetryLimitMustNotBeNegative() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sli.withinRetries(-1));
        assertEquals("maxRetries must be >= 0, got -1", e.getMessage());
    }

    @Test
    void zeroRetriesMeansFirstTryOnly() {
        Slo strict = slos.define("strict").internal("first try").ownedBy(Owner.team("t")).sli(Sli.withinRetries(0))
                .target(0.99).window(Window.rolling(Duration.ofHours(1))).register();
        strict.recordAttempt(true, 0);
        strict.recordAttempt(true, 1);
        assertEquals(1, strict.errorBudget().bad());
    }
}
