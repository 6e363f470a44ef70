package dev.slo.report;

import static org.junit.jupiter.api.Assertions.*;

import dev.slo.Audience;
import dev.slo.ManualClock;
import dev.slo.Owner;
import dev.slo.Report;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Window;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The internal report tells a retro which latency threshold the service really meets at its target. */
final class LatencyReportTest {

    @Test
    void internalReportShowsPercentilesAndTheThresholdMetAtTheTarget() {
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        SloRegistry slos = SloRegistry.create(clock);
        Slo auth = slos.define("auth-latency").internal("auth-svc answers within 300 ms").ownedBy(Owner.team("identity"))
                .sli(Sli.latency(Duration.ofMillis(300))).target(0.99).window(Window.rolling(Duration.ofDays(30))).register();
        // 1000 events: 980 at 100 ms, 15 at 400 ms, 5 failed. Within 300 ms: 980 / 1000 = 98.000%.
        // At the 99% target 990 successes are needed: the 400 ms bin (width 2^23 = 8,388,608 ns;
        // 400,000,000 >>> 23 = 47; top edge 48 * 2^23 - 1 = 402,653,183 ns), shown as 403 ms.
        for (int i = 0; i < 980; i++) {
            auth.record(true, 100_000_000L);
        }
        for (int i = 0; i < 15; i++) {
            auth.record(true, 400_000_000L);
        }
        for (int i = 0; i < 5; i++) {
            auth.record(false, 1_000_000L);
        }
        clock.advance(Duration.ofMinutes(1));
        Report report = slos.report(Audience.INTERNAL);
        // Nearest rank among the 995 successes: p50 is rank 498, in the 100 ms bin (100,000,000 >>> 21 = 47, so
        // [47 * 2^21, 48 * 2^21) = [98,566,144, 100,663,296); middle 98,566,144 + 1,048,575 = 99,614,719 ns: 99.6 ms).
        // p99 is rank ceil(985.05) = 986 and p99.9 rank ceil(994.005) = 995, both past the 980 fast ones: the 400 ms
        // bin ([47 * 2^23, 48 * 2^23); middle 394,264,576 + 4,194,303 = 398,458,879 ns: 398 ms).
        assertTrue(report.markdown().contains("- Latency (30d): p50 99.6 ms, p99 398 ms, p99.9 398 ms over 995 successful"
                + " events (5 failed); 98.000% within 300 ms; at the target of 99% the service meets 403 ms"), report.markdown());
        assertTrue(report.json().contains("\"thresholdMetAtTarget\":\"PT0.402653183S\""), report.json());
        assertTrue(report.json().contains("\"attainmentAtThreshold\":0.98"), report.json());
    }

    @Test
    void readableLatenciesKeepThreeDigits() {
        assertEquals("850 ns", Formats.readable(Duration.ofNanos(850)));
        assertEquals("12.3 µs", Formats.readable(Duration.ofNanos(12_340)));
        assertEquals("1.05 s", Formats.readable(Duration.ofMillis(1_050)));
        assertEquals("300 ms", Formats.readable(Duration.ofMillis(300)));
    }
}
