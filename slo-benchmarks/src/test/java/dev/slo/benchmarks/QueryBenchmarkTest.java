package dev.slo.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.BurnRateAlert;
import dev.slo.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The query benchmark measures a full 30-day window with one page firing, as its javadoc says. */
final class QueryBenchmarkTest {

    @Test
    void filledSloHasAFullWindowAndTheOneHourPageFires() {
        QueryBenchmark benchmark = new QueryBenchmark();
        benchmark.setUp();

        // The fill ends on a whole hour. The window (now - 30 d, now] then holds 43,199 recorded
        // minutes of 1,000 events; the hourly tier may blur its old edge by one bucket (Slo javadoc),
        // so between 719 and 720 hours of events: 43,140,000 to 43,200,000.
        long total = benchmark.errorBudget().total();
        assertTrue(total >= 719L * 60 * 1_000 && total <= 720L * 60 * 1_000, () -> "total " + total);

        // Last hour: 1,200 bad of 60,000 = 2%; over a 0.1% budget that is a burn rate of 20.
        assertEquals(20.0, benchmark.burnRate1h(), 1e-9);

        List<BurnRateAlert> alerts = benchmark.alerts();
        assertEquals(1, alerts.size(), () -> "alerts: " + alerts);
        assertEquals(Severity.PAGE, alerts.get(0).rule().severity());
        assertEquals(Duration.ofHours(1), alerts.get(0).rule().longWindow());
    }
}
