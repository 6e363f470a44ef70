package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cascade reads a time-slice dependency by its slices, as the dependency's own budget does, not by
 * its raw events (issue 8, defect 5: one tally for every reader).
 */
final class CascadeSliceTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private final ManualClock clock = ManualClock.at(T0);
    private final SloRegistry slos = SloRegistry.create(clock);
    private final Slo checkout = slos.define("checkout").customerFacing("Checkout completes")
            .ownedBy(Owner.product("pm"), Owner.engineering("eng")).sli(Sli.ratio()).target(0.99)
            .window(Window.rolling(Duration.ofDays(30))).register();
    private final Slo queue = slos.define("order-queue").internal("the order queue stays short")
            .ownedBy(Owner.team("fulfilment")).sli(Sli.gaugeAtMost(1_000))
            .budgeting(Budgeting.timeslices(Duration.ofMinutes(1))).target(0.999)
            .window(Window.rolling(Duration.ofDays(30))).register();
    private final Slo api = slos.define("order-api").internal("the order API answers")
            .ownedBy(Owner.team("fulfilment")).sli(Sli.ratio())
            .budgeting(Budgeting.timeslices(Duration.ofMinutes(1))).target(0.999)
            .window(Window.rolling(Duration.ofDays(30))).register();
    private final Cascade cascade = slos.cascade(checkout).dependsOn(queue).dependsOn(api).build();

    CascadeSliceTest() {
        // minute 0: 99 readings within bound and 1 above: a bad slice; minutes 1-3: 100 good readings each
        for (int minute = 0; minute < 4; minute++) {
            clock.set(T0.plus(Duration.ofMinutes(minute)));
            for (int i = 0; i < 100; i++) {
                queue.observe(minute == 0 && i == 0 ? 5_000 : 10);
            }
        }
        // api: minute 0 all 50 good, minute 1 50 good and 50 bad (bad slice), minutes 2-3 all good
        for (int minute = 0; minute < 4; minute++) {
            clock.set(T0.plus(Duration.ofMinutes(minute)));
            api.recordCounts(50, minute == 1 ? 50 : 0);
        }
        clock.set(T0.plus(Duration.ofMinutes(4)));           // all four slices closed
    }

    @Test
    void predictedAttainmentUsesTheDependenciesSliceAttainment() {
        // queue: 3 good slices of 4 = 0.75 (by events it would be 399 / 400 = 0.9975)
        // api:   3 good slices of 4 = 0.75 (by events 200 / 250 = 0.8)
        assertEquals(0.75, queue.errorBudget().attainment(), 1e-12);
        assertEquals(0.75, api.errorBudget().attainment(), 1e-12);
        // product: 0.75 * 0.75 = 0.5625 (by events 0.9975 * 0.8 = 0.798)
        assertEquals(0.5625, cascade.predictedAttainment(), 1e-12);
    }

    @Test
    void blameUsesSliceAttainment() {
        // both at 0.75: ln 0.75 each, so 1/2 each (by events the api would carry ln 0.8 / (ln 0.8 + ln 0.9975) = 0.989)
        List<Contribution> blame = cascade.blame();
        assertEquals(0.5, blame.get(0).share(), 1e-12);
        assertEquals(0.5, blame.get(1).share(), 1e-12);
    }

    @Test
    void predictedBurnRateUsesSliceBurn() {
        // last hour: each dependency 1 bad slice of 4, error ratio 0.25, as its own burnRate says: 0.25 / 0.001 = 250
        assertEquals(250.0, queue.burnRate(Duration.ofHours(1)), 1e-9);
        // P = 0.75 * 0.75 = 0.5625; (1 - 0.5625) / (1 - 0.99) = 43.75
        // (by events: queue 1/400, api 50/250: P = 0.9975 * 0.8 = 0.798, burn 20.2)
        assertEquals(43.75, cascade.predictedBurnRate(Duration.ofHours(1)), 1e-9);
    }
}
