package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.AlertTransition.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Alert transitions through an incident worked by hand: a 99% SLO over 30 days with one page rule, 2% of
 * the budget in 1 h (short 5 m), so threshold 14.4 and an error ratio of 14.4% in both windows.
 *
 * <p>Minute {@code m} records 100 events at {@code m - 30 s} and evaluates at that reading, so the 1 h
 * window holds exactly minutes {@code m-59..m} (as {@code Fixtures.perMinute}: no edge blur). An hour of clean traffic, then minutes 61 to 100 have
 * 30 bad of 100: after {@code k} such minutes the long window holds {@code 30k} bad of 6000, ratio
 * {@code k/200}, first at least 14.4% at {@code k = 29} (14.5%): FIRING at minute 89, burns 14.5 and
 * 30. From minute 101 all good: the 5 m window of minute 102 still holds 3 bad minutes (90 of 500, 18%),
 * that of minute 103 two (12%): RESOLVED at minute 103, long burn 1200/6000/1% = 20, short 12, after 14 minutes.
 */
final class AlertTransitionTest {
    private static final BurnRateRule PAGE = new BurnRateRule(Severity.PAGE, 0.02, Duration.ofHours(1), Duration.ofMinutes(5));

    private final ManualClock clock = Fixtures.clock();
    private final SloRegistry slos = SloRegistry.create(clock);
    private final Slo api = Fixtures.ratioSlo(slos, "api", 0.99, Window.rolling(Fixtures.DAYS_30), AlertPolicy.of(PAGE));

    /** The reading at which minute {@code m} records and evaluates: 30 s before its end. */
    private static Instant minute(int m) {
        return Fixtures.START.plus(Duration.ofMinutes(m)).minusSeconds(30);
    }

    /** Records minute {@code m} and evaluates at the same reading. */
    private List<AlertTransition> minuteOf(int m) {
        clock.set(minute(m));
        boolean incident = m >= 61 && m <= 100;
        api.recordCounts(incident ? 70 : 100, incident ? 30 : 0);
        return slos.evaluate();
    }

    @Test
    void anIncidentFiresOnceAndResolvesOnce_inTheMinutesWorkedByHand() {
        List<AlertTransition> heard = new ArrayList<>();
        slos.onAlert(heard::add);
        List<AlertTransition> returned = new ArrayList<>();
        for (int m = 1; m <= 180; m++) {
            List<AlertTransition> changes = minuteOf(m);
            if (m == 89 || m == 103) {
                assertEquals(1, changes.size(), "minute " + m + ": " + changes);
            } else {
                assertEquals(List.of(), changes, "minute " + m);
            }
            returned.addAll(changes);
        }
        assertEquals(returned, heard);
        AlertTransition firing = returned.get(0);
        assertSame(api, firing.slo());
        assertSame(PAGE, firing.rule());
        assertEquals(Severity.PAGE, firing.severity());
        assertEquals(State.FIRING, firing.state());
        assertEquals(minute(89), firing.at());
        assertEquals(14.5, firing.longBurnRate(), 1e-9);
        assertEquals(30.0, firing.shortBurnRate(), 1e-9);
        assertEquals(Duration.ZERO, firing.firedFor());
        assertEquals(14.4, firing.threshold(), 1e-9);         // 2% of 30 days' budget in 1 h

        AlertTransition resolved = returned.get(1);
        assertEquals(State.RESOLVED, resolved.state());
        assertSame(PAGE, resolved.rule());
        assertEquals(minute(103), resolved.at());
        assertEquals(20.0, resolved.longBurnRate(), 1e-9);
        assertEquals(12.0, resolved.shortBurnRate(), 1e-9);
        assertEquals(Duration.ofMinutes(14), resolved.firedFor());
        assertTrue(resolved.toString().startsWith("AlertTransition[RESOLVED api, PAGE 2.0% of budget in 1h (short 5m), at "
                + minute(103)), resolved.toString());
        assertTrue(resolved.toString().endsWith("fired 14m]"), resolved.toString());
        assertEquals(returned, slos.alertHistory());
    }

    @Test
    void anAlertThatStaysFiring_isNotRepeated_evenWhenEvaluatedTwiceAtOneReading() {
        for (int m = 1; m <= 88; m++) {
            minuteOf(m);
        }
        assertEquals(1, minuteOf(89).size());
        assertEquals(List.of(), slos.evaluate());
        assertEquals(List.of(), minuteOf(90));
        assertEquals(1, slos.alertHistory().size());
    }

    @Test
    void theFirstEvaluation_reportsWhatAlreadyFires() {
        SloRegistry other = SloRegistry.create(clock);
        Slo checkout = Fixtures.ratioSlo(other, "checkout", 0.99, Window.rolling(Fixtures.DAYS_30), AlertPolicy.of(PAGE));
        checkout.recordCounts(50, 50);
        List<AlertTransition> first = other.evaluate();
        assertEquals(1, first.size());
        assertEquals(State.FIRING, first.get(0).state());
        assertEquals(50.0, first.get(0).longBurnRate(), 1e-9);
    }

    @Test
    void everySloAndRule_inDefinitionAndPolicyOrder() {
        BurnRateRule ticket = new BurnRateRule(Severity.TICKET, 0.05, Duration.ofHours(6), Duration.ofMinutes(30));
        SloRegistry other = SloRegistry.create(clock);
        Slo first = Fixtures.ratioSlo(other, "first", 0.99, Window.rolling(Fixtures.DAYS_30), AlertPolicy.of(PAGE, ticket));
        Slo quiet = Fixtures.ratioSlo(other, "quiet", 0.99, Window.rolling(Fixtures.DAYS_30), AlertPolicy.of(PAGE));
        Slo second = Fixtures.ratioSlo(other, "second", 0.99, Window.rolling(Fixtures.DAYS_30), AlertPolicy.of(ticket, PAGE));
        quiet.recordCounts(100, 0);
        second.recordCounts(0, 10);
        first.recordCounts(0, 10);
        List<AlertTransition> changes = other.evaluate();
        assertEquals(List.of("first PAGE", "first TICKET", "second TICKET", "second PAGE"),
                changes.stream().map(t -> t.slo().name() + " " + t.severity()).toList());
    }

    @Test
    void aListenerThatThrows_stopsNeitherTheOthersNorTheNextEvaluation_andIsReported() {
        List<AlertTransition> before = new ArrayList<>();
        List<AlertTransition> after = new ArrayList<>();
        List<String> reported = new ArrayList<>();
        slos.onAlert(before::add);
        slos.onAlert(t -> {
            throw new IllegalStateException("pager down");
        });
        slos.onAlert(after::add);
        slos.onListenerError((t, e) -> reported.add(t.state() + " " + e.getMessage()));
        for (int m = 1; m <= 110; m++) {
            minuteOf(m);
        }
        assertEquals(List.of(State.FIRING, State.RESOLVED), before.stream().map(AlertTransition::state).toList());
        assertEquals(before, after);
        assertEquals(List.of("FIRING pager down", "RESOLVED pager down"), reported);
    }

    @Test
    void evenAStackOverflowInAListener_stopsNeitherTheOthersNorEvaluate() {
        List<AlertTransition> heard = new ArrayList<>();
        List<Throwable> reported = new ArrayList<>();
        slos.onAlert(t -> {
            throw new StackOverflowError("deep");
        });
        slos.onAlert(heard::add);
        slos.onListenerError((t, e) -> reported.add(e));
        api.recordCounts(0, 10);
        assertEquals(1, slos.evaluate().size());
        assertEquals(1, heard.size());
        assertTrue(reported.get(0) instanceof StackOverflowError);
    }

    @Test
    void byDefault_aListenersException_isLoggedAsAWarning() {
        Logger logger = Logger.getLogger(SloRegistry.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        boolean parents = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);                  // not on the console of a green run
        try {
            slos.onAlert(t -> {
                throw new IllegalStateException("pager down");
            });
            api.recordCounts(0, 10);
            assertEquals(1, slos.evaluate().size());
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(parents);
        }
        assertEquals(1, records.size());
        assertEquals(java.util.logging.Level.WARNING, records.get(0).getLevel());
        assertEquals("pager down", records.get(0).getThrown().getMessage());
        assertTrue(records.get(0).getMessage().contains("FIRING api"), records.get(0).getMessage());
    }

    @Test
    void aListenerThatEvaluatesAgain_isRefused_andTheTransitionStillReachesTheOthers() {
        List<Throwable> reported = new ArrayList<>();
        List<AlertTransition> heard = new ArrayList<>();
        slos.onAlert(t -> slos.evaluate());
        slos.onAlert(heard::add);
        slos.onListenerError((t, e) -> reported.add(e));
        api.recordCounts(0, 10);
        assertEquals(1, slos.evaluate().size());
        assertEquals(1, heard.size());
        assertEquals(1, reported.size());
        assertTrue(reported.get(0) instanceof IllegalStateException);
        assertTrue(reported.get(0).getMessage().startsWith("evaluate must not be called from an alert listener"), reported.get(0).getMessage());
    }

    @Test
    void aRemovedListener_hearsNothingMore() {
        List<AlertTransition> heard = new ArrayList<>();
        AlertListener listener = heard::add;
        slos.onAlert(listener);
        assertTrue(slos.removeAlertListener(listener));
        assertEquals(false, slos.removeAlertListener(listener));
        api.recordCounts(0, 10);
        assertEquals(1, slos.evaluate().size());
        assertEquals(List.of(), heard);
    }

    @Test
    void evaluateEvery_runsOnTheCallersExecutor_untilCancelled() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            BlockingQueue<AlertTransition> heard = new LinkedBlockingQueue<>();
            List<String> threads = new CopyOnWriteArrayList<>();
            slos.onAlert(t -> {
                threads.add(Thread.currentThread().getName());
                heard.add(t);
            });
            String evaluator = executor.submit(() -> Thread.currentThread().getName()).get();
            ScheduledFuture<?> evaluating = slos.evaluateEvery(Duration.ofMillis(5), executor);
            api.recordCounts(0, 10);
            AlertTransition firing = heard.poll(10, TimeUnit.SECONDS);
            assertEquals(State.FIRING, firing == null ? null : firing.state());
            clock.advance(Duration.ofHours(2));                           // the burst leaves both windows
            AlertTransition resolved = heard.poll(10, TimeUnit.SECONDS);
            assertEquals(State.RESOLVED, resolved == null ? null : resolved.state());
            assertEquals(Duration.ofHours(2), resolved.firedFor());
            assertEquals(List.of(evaluator, evaluator), threads);        // no thread of the library's own
            evaluating.cancel(false);
            executor.submit(() -> {}).get();                              // an evaluation under way has ended
            api.recordCounts(0, 10);
            Thread.sleep(50);                                             // ten periods: a live schedule would have fired
            assertEquals(null, heard.poll());
        } finally {
            executor.shutdownNow();
            assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void badInput_isRefusedNamingTheParameter() {
        AlertListener listener = t -> {};
        slos.onAlert(listener);
        Rejections.throwsNaming(IllegalArgumentException.class, () -> slos.onAlert(listener), "listener must be registered once");
        Rejections.throwsNaming(NullPointerException.class, () -> slos.onAlert(null), "listener must not be null");
        Rejections.throwsNaming(NullPointerException.class, () -> slos.removeAlertListener(null), "listener must not be null");
        Rejections.throwsNaming(NullPointerException.class, () -> slos.onListenerError(null), "handler must not be null");
        Instant at = Fixtures.START;
        Rejections.throwsNaming(IllegalArgumentException.class,
                () -> new AlertTransition(api, PAGE, State.FIRING, at, 1, 1, Duration.ofMinutes(1)),
                "firedFor must be zero for a FIRING transition, got 1m");
        Rejections.throwsNaming(IllegalArgumentException.class, () -> new AlertTransition(api, PAGE, State.RESOLVED, at, -1, 1),
                "longBurnRate must be >= 0, got -1.0");
        Rejections.throwsNaming(IllegalArgumentException.class, () -> new AlertTransition(api, PAGE, State.RESOLVED, at, 1, Double.NaN),
                "shortBurnRate must be >= 0, got NaN");
        assertThrows(NullPointerException.class, () -> new AlertTransition(null, PAGE, State.FIRING, at, 1, 1));
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            Rejections.throwsNaming(IllegalArgumentException.class, () -> slos.evaluateEvery(Duration.ZERO, executor),
                    "period must be positive, got 0s");
            Rejections.throwsNaming(IllegalArgumentException.class, () -> slos.evaluateEvery(Duration.ofSeconds(-1), executor),
                    "period must be positive, got -1s");
            Rejections.throwsNaming(IllegalArgumentException.class, () -> slos.evaluateEvery(Duration.ofNanos(10), executor),
                    "period must be at least 1 ms");
            Rejections.throwsNaming(NullPointerException.class, () -> slos.evaluateEvery(null, executor), "period must not be null");
            Rejections.throwsNaming(NullPointerException.class, () -> slos.evaluateEvery(Duration.ofMinutes(1), null),
                    "executor must not be null");
        } finally {
            executor.shutdownNow();
        }
    }
}
