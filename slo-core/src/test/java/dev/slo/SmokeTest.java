package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class SmokeTest {
    @Test
    void countsAndRollsSingleThreaded() {
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        SloRegistry slos = SloRegistry.create(clock);
        Slo s = slos.define("a").internal("x").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(30))).register();
        for (int i = 0; i < 1000; i++) {
            s.record(i % 100 != 0);
            clock.advance(Duration.ofSeconds(7));
        }
        ErrorBudget b = s.errorBudget();
        assertEquals(1000, b.total());
        assertEquals(990, b.good());
        clock.advance(Duration.ofDays(31));
        assertEquals(0, s.errorBudget().total());
        System.out.println(s.footprintBytes());
    }
}
