package dev.slo;

import dev.slo.AlertTransition.State;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/*
 * The alert transitions of one registry: which rules fired at the previous evaluation, the listeners, the
 * recent history. Package-private; SloRegistry's evaluate(), onAlert() and alertHistory() are its face.
 *
 * Concurrency: one lock, held by an evaluation from its first query to its last listener call, so that
 * two evaluations never both see the same change (each compares with the state the previous one left)
 * and every listener hears the transitions in the order they happened. Evaluations are rare (a minute
 * apart) and recording never takes this lock. Listeners are a copy-on-write list: registering one
 * during an evaluation takes effect from the next transition delivered. A listener that evaluates again
 * from within its call is refused: it would deliver later transitions before the earlier ones reach
 * the listeners after it.
 */
final class AlertTransitions {
    /** How many transitions {@link #history()} keeps, newest last; older ones are dropped. */
    static final int MAX_HISTORY = 1_000;

    private static final System.Logger LOG = System.getLogger(SloRegistry.class.getName());

    /** One rule of one SLO: its place in the SLO's alert policy (the policy of an SLO never changes). */
    private record Key(Slo slo, int rule) {}

    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock: the rules firing at the previous evaluation, with the evaluation that saw them start. */
    private final Map<Key, Instant> firingSince = new HashMap<>();
    /** Guarded by lock: the last MAX_HISTORY transitions, oldest first. */
    private final ArrayDeque<AlertTransition> history = new ArrayDeque<>();
    private final CopyOnWriteArrayList<AlertListener> listeners = new CopyOnWriteArrayList<>();
    /** Hears what a listener threw; null for the default, the registry's System.Logger. */
    private volatile BiConsumer<? super AlertTransition, ? super Throwable> errorHandler;

    void add(AlertListener listener) {
        Objects.requireNonNull(listener, "listener must not be null");
        if (!listeners.addIfAbsent(listener)) {        // atomic: two threads cannot both add it
            throw new IllegalArgumentException("listener must be registered once, got " + listener + " which already is");
        }
    }

    boolean remove(AlertListener listener) {
        Objects.requireNonNull(listener, "listener must not be null");
        return listeners.remove(listener);
    }

    void errorHandler(BiConsumer<? super AlertTransition, ? super Throwable> handler) {
        this.errorHandler = Objects.requireNonNull(handler, "handler must not be null");
    }

    /**
     * Compares what fires now with the previous evaluation, records and delivers the changes. The clock is
     * read under the lock: evaluations that take turns see readings in the same order (a reading taken
     * before waiting could be older than the evaluation that went first).
     *
     * @param slos  the SLOs to judge, each once, in the order their transitions are reported
     * @param clock the registry's clock
     */
    List<AlertTransition> evaluate(Supplier<List<Slo>> slos, Clock clock) {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("evaluate must not be called from an alert listener (its transitions would "
                    + "reach the listeners after it before the ones being delivered)");
        }
        lock.lock();
        try {
            long now = clock.millis();
            Instant at = Instant.ofEpochMilli(now);
            List<AlertTransition> changes = new ArrayList<>();
            for (Slo slo : slos.get()) {
                compare(slo, now, at, changes);
            }
            for (AlertTransition change : changes) {
                if (history.size() == MAX_HISTORY) {
                    history.removeFirst();
                }
                history.addLast(change);
            }
            for (AlertTransition change : changes) {
                deliver(change);
            }
            return List.copyOf(changes);
        } finally {
            lock.unlock();
        }
    }

    /** The recent transitions, oldest first. */
    List<AlertTransition> history() {
        lock.lock();
        try {
            return List.copyOf(history);
        } finally {
            lock.unlock();
        }
    }

    /** Adds the changes of one SLO's rules, in policy order; guarded by lock. */
    private void compare(Slo slo, long now, Instant at, List<AlertTransition> changes) {
        SloQueries queries = slo.queries();
        List<BurnRateAlert> firing = queries.alerts(now);
        List<BurnRateRule> rules = slo.spec().alertPolicy().rules();
        int next = 0;                                   // alerts come in policy order: walk both lists once
        for (int i = 0; i < rules.size(); i++) {
            BurnRateAlert alert = next < firing.size() && firing.get(next).rule() == rules.get(i) ? firing.get(next++) : null;
            Key key = new Key(slo, i);
            Instant since = firingSince.get(key);
            if (alert != null && since == null) {
                firingSince.put(key, at);
                changes.add(new AlertTransition(slo, alert.rule(), State.FIRING, at, alert.longBurnRate(), alert.shortBurnRate()));
            } else if (alert == null && since != null) {
                firingSince.remove(key);
                BurnRateRule rule = rules.get(i);
                double longBurn = queries.burnRate(rule.longWindow().toMillis(), now);
                double shortBurn = queries.burnRate(rule.shortWindow().toMillis(), now);
                Duration fired = at.isAfter(since) ? Duration.between(since, at) : Duration.ZERO;   // the clock may have gone back
                changes.add(new AlertTransition(slo, rule, State.RESOLVED, at, longBurn, shortBurn, fired));
            }
        }
    }

    private void deliver(AlertTransition change) {
        for (AlertListener listener : listeners) {
            try {
                listener.onTransition(change);
            } catch (Throwable e) {                     // even a StackOverflowError: the others still hear it
                report(change, e);
            }
        }
    }

    /** Reports an evaluation that failed (scheduled: the next one still runs) to the log. */
    void reportFailure(Throwable thrown) {
        LOG.log(Level.ERROR, "an alert evaluation failed", thrown);
    }

    private void report(AlertTransition change, Throwable thrown) {
        BiConsumer<? super AlertTransition, ? super Throwable> handler = errorHandler;
        if (handler != null) {
            try {
                handler.accept(change, thrown);
                return;
            } catch (Throwable e) {
                thrown.addSuppressed(e);                // the handler failed too: fall back to the log, with both
            }
        }
        LOG.log(Level.WARNING, "an alert listener threw on " + change, thrown);
    }
}
