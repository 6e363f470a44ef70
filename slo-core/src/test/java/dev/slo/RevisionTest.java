package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A revision keeps every recorded event and the budget is recomputed against the new target. */
final class RevisionTest {
    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final SloRegistry slos = SloRegistry.create(clock);
    private final Owner pm = Owner.product("payments-pm");
    private final Owner eng = Owner.engineering("payments-eng");
    private final Slo checkout = slos.define("checkout-completes")
            .customerFacing("Checkout completes")
            .ownedBy(pm, eng)
            .sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();

    @Test
    void revision_keeps_events_and_recomputes_the_budget() {
        checkout.recordCounts(9_980, 20);
        ErrorBudget before = checkout.errorBudget();
        // 10 000 events, 20 bad; at 0.999 the budget allows 0.001 * 10 000 = 10 bad: consumed 20/10 = 2.0, remaining -1.0.
        assertEquals(10_000, before.total());
        assertEquals(20, before.bad());
        assertEquals(10.0, before.allowedBad(), 1e-9);
        assertEquals(-1.0, before.remaining(), 1e-9);
        assertTrue(before.exhausted());

        clock.advance(Duration.ofHours(1));
        checkout.revise(0.995, pm, "agreed in review");
        ErrorBudget after = checkout.errorBudget();
        // Same events; at 0.995 the budget allows 0.005 * 10 000 = 50 bad: consumed 20/50 = 0.4, remaining 0.6.
        assertEquals(10_000, after.total());
        assertEquals(9_980, after.good());
        assertEquals(50.0, after.allowedBad(), 1e-9);
        assertEquals(0.4, after.consumed(), 1e-12);
        assertEquals(0.6, after.remaining(), 1e-12);
        assertFalse(after.exhausted());
        assertEquals(0.998, after.attainment(), 1e-12); // 9 980 / 10 000, unchanged by the revision
    }

    @Test
    void burn_rate_is_recomputed_too() {
        checkout.recordCounts(990, 10);
        // error ratio 10/1000 = 0.01; at 0.999 the burn is 0.01/0.001 = 10
        assertEquals(10.0, checkout.burnRate(Duration.ofHours(1)), 1e-9);
        checkout.revise(0.99, pm, "beta launch");
        // at 0.99 the burn is 0.01/0.01 = 1
        assertEquals(1.0, checkout.burnRate(Duration.ofHours(1)), 1e-9);
    }

    @Test
    void revisions_record_who_when_from_to_why_oldest_first() {
        checkout.revise(0.995, pm, "agreed in review");
        clock.advance(Duration.ofDays(3));
        checkout.revise(0.998, eng, "platform migration done");
        List<Revision> log = checkout.revisions();
        assertEquals(List.of(
                new Revision(pm, Instant.parse("2026-01-01T00:00:00Z"), 0.999, 0.995, "agreed in review"),
                new Revision(eng, Instant.parse("2026-01-04T00:00:00Z"), 0.995, 0.998, "platform migration done")), log);
        assertThrows(UnsupportedOperationException.class, () -> log.add(log.get(0)));
    }

    @Test
    void a_revision_keeps_the_rest_of_the_spec() {
        Slo auth = slos.define("auth").internal("auth answers").ownedBy(Owner.team("identity"))
                .sli(Sli.latency(Duration.ofMillis(300))).target(0.9995).window(Window.rolling(Duration.ofDays(7)))
                .consumers(new DownstreamConsumer("checkout", DownstreamConsumer.Impact.BLOCKING, "cannot log in")).register();
        SloSpec before = auth.spec();
        auth.revise(0.999, Owner.team("identity"), "noisy");
        SloSpec after = auth.spec();
        assertEquals(new SloSpec(before.name(), before.audience(), before.description(), before.owners(), before.sli(),
                0.999, before.window(), before.alertPolicy(), before.budgeting(), before.consumers()), after);
    }

    @Test
    void concurrent_revisions_apply_one_at_a_time_while_recording_goes_on() throws Exception {
        Owner team = Owner.team("identity");
        Slo auth = slos.define("auth").internal("auth answers").ownedBy(team).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(Duration.ofDays(7))).register();
        int threads = 4;
        int perThread = 200;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<Thread> workers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    auth.record(i % 10 != 0);
                    double target = 0.9 + (id * perThread + i + 1) / 100_000.0;  // distinct across all threads
                    auth.revise(target, team, "thread " + id + " step " + i);
                }
            });
            workers.add(w);
            w.start();
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        List<Revision> log = auth.revisions();
        assertEquals(threads * perThread, log.size());
        assertEquals(0.99, log.get(0).from());
        for (int i = 1; i < log.size(); i++) {
            assertEquals(log.get(i - 1).to(), log.get(i).from(), "each revision starts where the previous ended");
        }
        assertEquals(log.get(log.size() - 1).to(), auth.spec().target());
        assertEquals(threads * perThread, auth.errorBudget().total(), "no event lost");
        assertEquals(threads * perThread / 10, auth.errorBudget().bad());
    }

    @Test
    void revision_rejects_bad_values() {
        Instant t = Instant.EPOCH;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Revision(pm, t, 0.99, 0.99, "x"))
                .getMessage().contains("0.99"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Revision(pm, t, 0.99, 1.5, "x"))
                .getMessage().contains("1.5"));
        assertThrows(IllegalArgumentException.class, () -> new Revision(pm, t, 0.99, 0.9, ""));
        assertThrows(NullPointerException.class, () -> new Revision(null, t, 0.99, 0.9, "x"));
    }

    @Test
    void consumers_are_kept_in_the_spec_and_checked() {
        DownstreamConsumer ui = new DownstreamConsumer("fulfilment-ui", DownstreamConsumer.Impact.DEGRADED, "shows stale orders");
        Slo backlog = slos.define("backlog").internal("queue stays short").ownedBy(Owner.team("fulfilment"))
                .sli(Sli.ratio()).target(0.99).window(Window.rolling(Duration.ofDays(7)))
                .consumers(ui, DownstreamConsumer.of("billing", DownstreamConsumer.Impact.BLOCKING)).register();
        assertEquals(List.of(ui, new DownstreamConsumer("billing", DownstreamConsumer.Impact.BLOCKING, "")), backlog.spec().consumers());
        assertEquals(List.of(), checkout.spec().consumers());
        SloBuilder b = slos.define("x").consumers(ui);
        assertThrows(IllegalStateException.class, () -> b.consumers(ui));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> slos.define("y").consumers(ui, ui))
                .getMessage().contains("fulfilment-ui"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DownstreamConsumer.of(" ", DownstreamConsumer.Impact.COSMETIC))
                .getMessage().contains("name"));
        assertThrows(NullPointerException.class, () -> slos.define("z").consumers(ui, null));
    }
}
