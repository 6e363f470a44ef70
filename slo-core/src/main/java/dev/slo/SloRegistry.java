package dev.slo;

import dev.slo.engine.Durations;
import dev.slo.report.Reports;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The SLOs of one service (or one test), with the clock they count time by. No global state: every
 * registry is independent.
 *
 * <pre>{@code
 * SloRegistry slos = SloRegistry.create();                   // the system UTC clock
 * SloRegistry slos = SloRegistry.create(ManualClock.at(t));  // tests and simulations drive time
 * Slo checkout = slos.define("checkout-completes")...register();
 * }</pre>
 *
 * <p>Thread-safe. Defining and looking up SLOs takes a short lock; recording into them does not.
 */
public final class SloRegistry {
    /**
     * How far after a registry's clock a snapshot it restores may have been taken: one minute, for the
     * clocks of a fleet's instances (see {@link #restore}).
     */
    public static final Duration MAX_SNAPSHOT_AHEAD = Duration.ofMinutes(1);

    private final Clock clock;
    /** The readings of the SLOs' timers, from this clock. */
    private final Ticks ticks;
    private final Object lock = new Object();
    /** Held by restore: two restores never interleave their checks and changes. */
    private final Object restoreLock = new Object();
    /** Guarded by lock; in definition order. */
    private final Map<String, Slo> slos = new LinkedHashMap<>();
    /** Guarded by lock; one per root, in build order. */
    private final Map<Slo, Cascade> cascades = new LinkedHashMap<>();
    /** The alerts firing at the last evaluation, the listeners, the recent transitions. */
    private final AlertTransitions transitions = new AlertTransitions();

    private SloRegistry(Clock clock) {
        this.clock = clock;
        this.ticks = new Ticks(clock);
    }

    /**
     * A registry on the system UTC clock.
     *
     * @return a new, empty registry
     */
    public static SloRegistry create() {
        return new SloRegistry(Clock.systemUTC());
    }

    /**
     * A registry on {@code clock}: a {@link ManualClock} in tests and simulations.
     *
     * @param clock the clock every SLO of the registry counts time by
     * @return a new, empty registry
     * @throws NullPointerException if {@code clock} is null
     */
    public static SloRegistry create(Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        return new SloRegistry(clock);
    }

    /** {@return the clock every SLO of this registry counts time by} */
    public Clock clock() {
        return clock;
    }

    /**
     * Starts declaring an SLO named {@code name}.
     *
     * @param name unique in this registry; letters, digits and {@code - _ . :}, 1 to 128 characters
     * @return a builder for the SLO; {@link SloBuilder#register()} adds it to the registry
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is malformed or already defined
     */
    public SloBuilder define(String name) {
        checkName(name);
        synchronized (lock) {
            if (slos.containsKey(name)) {
                throw new IllegalArgumentException("name must be unique in the registry, got \"" + name + "\" which is already defined");
            }
        }
        return new SloBuilder(this, name);
    }

    /**
     * The SLO named {@code name}, if defined.
     *
     * @param name the SLO's name
     * @return the SLO, or empty when the registry has none of that name
     * @throws NullPointerException if {@code name} is null
     */
    public Optional<Slo> find(String name) {
        Objects.requireNonNull(name, "name must not be null");
        synchronized (lock) {
            return Optional.ofNullable(slos.get(name));
        }
    }

    /** {@return every SLO, in definition order: an immutable snapshot} */
    public List<Slo> all() {
        synchronized (lock) {
            return List.copyOf(new ArrayList<>(slos.values()));
        }
    }

    /**
     * Checks the registry's SLO programme against the pitfalls of customer and internal SLO practice
     * (ownership, cascades, tightness) and of SLOs for internal services: every {@link FindingKind}, considering every built cascade. Each finding says what to do.
     *
     * <pre>{@code
     * slos.lint().forEach(f -> log.warn("{} {}: {}", f.kind(), f.slo(), f.message()));
     * }</pre>
     *
     * @return the findings, registry-wide first, then per SLO in definition order; empty when all is well
     */
    public List<Finding> lint() {
        return Lint.lint(this);
    }

    /**
     * A report for {@code audience}, as of now: {@link Audience#CUSTOMER} for product reviews and status
     * pages (customer SLOs only, never revealing an internal one), {@link Audience#INTERNAL} for
     * engineering retros (everything, with burn rates, alerts, blame and findings). See {@link Report}.
     *
     * @param audience whom the report is for
     * @return the report as Markdown and as JSON, of the same figures
     * @throws NullPointerException if {@code audience} is null
     */
    public Report report(Audience audience) {
        Objects.requireNonNull(audience, "audience must not be null");
        return Reports.of(this, audience);        // the one use of dev.slo.report from this package
    }

    /**
     * A consistent copy of every SLO's state as of now, to save ({@link SnapshotStore#save}, {@link Snapshot#writeTo}),
     * merge with other instances' ({@link Snapshot#merge}) or restore
     * ({@link #restore}). Never blocks the threads recording: each SLO is copied while they go on, and its
     * part is one consistent view of it. Allocates in proportion to the buckets kept (about 30 KB for a
     * 30-day SLO), not to the traffic.
     *
     * @return the snapshot of every SLO, in definition order
     */
    public Snapshot snapshot() {
        long now = clock.millis();
        List<SloState> states = new ArrayList<>();
        for (Slo slo : allWithGroups()) {
            states.add(SloState.capture(slo, now));
        }
        return new Snapshot(now, states);
    }

    /**
     * Adds the counts of {@code snapshot} to the SLOs of the same name: after a restart, the last snapshot
     * saved; in a fleet, a {@link Snapshot#merge merged} one. Every SLO is checked before any changes (all
     * or nothing). Buckets older than an SLO's history are dropped. Runs in flight of a deadline SLO are
     * taken over: nobody can report them now, so each counts bad at its deadline unless it has one here.
     * Events recorded meanwhile are kept and add to the restored ones; restoring the same snapshot twice
     * counts it twice. A group of a grouped SLO goes to the group of the same value (created if need be;
     * beyond the cap, to the overflow group) of the SLO of the same name grouped by the same label; when
     * there is none, it is ignored.
     *
     * <p>Clocks of a fleet differ by seconds: a snapshot taken up to {@link #MAX_SNAPSHOT_AHEAD} (one minute)
     * after this registry's clock reads is restored as of its own time. The SLOs' buckets move forward to
     * it, and events recorded meanwhile at the earlier readings count in the bucket open then, as after a
     * clock that went back. A snapshot from further ahead (the clock went back, or a wrong file) is
     * refused, not clamped: its events would count in buckets they did not happen in.
     *
     * @param snapshot the snapshot to add
     * @return the SLOs restored, and those of the snapshot this registry does not define (ignored)
     * @throws NullPointerException if {@code snapshot} is null
     * @throws IllegalArgumentException if {@code snapshot} was taken more than {@link #MAX_SNAPSHOT_AHEAD} after
     *     the registry's clock reads, or an SLO of the same name
     *     has another SLI (kind or parameter), window or budgeting (the message names it); the target may
     *     differ. Nothing changes.
     * @throws IllegalStateException if a deadline SLO would track more runs than it can (nothing changes)
     */
    public RestoreResult restore(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot must not be null");
        synchronized (restoreLock) {
            long clockNow = clock.millis();
            long takenAt = snapshot.takenAt().toEpochMilli();
            if (takenAt > clockNow + MAX_SNAPSHOT_AHEAD.toMillis()) {
                throw new IllegalArgumentException("snapshot must be taken at most " + MAX_SNAPSHOT_AHEAD.toSeconds()
                        + " s after the registry's clock reads, got one taken at " + snapshot.takenAt() + " while the clock reads "
                        + Instant.ofEpochMilli(clockNow) + ": did the clock go back?");
            }
            long now = Math.max(clockNow, takenAt);      // a checked-and-refused restore may leave the buckets moved on to it: no count changes
            List<String> restored = new ArrayList<>();
            List<String> ignored = new ArrayList<>();
            List<Slo> targets = new ArrayList<>();
            for (SloState state : snapshot.states()) {
                Slo slo = find(state.name()).orElse(null);
                if (slo != null && state.group() != null) {
                    slo = groupToRestore(slo, state);
                }
                if (slo == null) {
                    ignored.add(state.label());
                } else {
                    state.checkInto(slo, now);
                    restored.add(state.label());
                }
                targets.add(slo);
            }
            for (int i = 0; i < targets.size(); i++) {
                Slo target = targets.get(i);
                SloState state = snapshot.states().get(i);
                if (target != null) {
                    state.restoreInto(state.group() == null ? target : target.group(state.group().value()), now);
                }
            }
            return new RestoreResult(restored, ignored);
        }
    }

    // ---------------------------------------------------------------- alert transitions

    /**
     * Registers {@code listener} to hear every {@link AlertTransition} that {@link #evaluate()} finds, from the
     * next transition delivered on (registered while an evaluation delivers, it hears the rest of that
     * evaluation's). See {@link AlertListener} for when and where it is called.
     *
     * @param listener the listener, registered once
     * @throws NullPointerException if {@code listener} is null
     * @throws IllegalArgumentException if {@code listener} is already registered
     */
    public void onAlert(AlertListener listener) {
        transitions.add(listener);
    }

    /**
     * Stops {@code listener} hearing transitions, from the next one delivered on.
     *
     * @param listener a listener registered with {@link #onAlert}
     * @return true if it was registered, false if not (nothing changes)
     * @throws NullPointerException if {@code listener} is null
     */
    public boolean removeAlertListener(AlertListener listener) {
        return transitions.remove(listener);
    }

    /**
     * Sets who hears what an {@link AlertListener} throws: the transition it was hearing and the exception.
     * By default a warning on the {@link System.Logger} named after this class (which the JDK routes to
     * {@code java.util.logging}, or to SLF4J and the like through their bridges). What the handler itself
     * throws goes to that logger, suppressed in the listener's exception.
     *
     * @param handler hears the failed transition and what the listener threw
     * @throws NullPointerException if {@code handler} is null
     */
    public void onListenerError(BiConsumer<? super AlertTransition, ? super Throwable> handler) {
        transitions.errorHandler(handler);
    }

    /**
     * Judges the alerts of every SLO as of now and reports what changed since the previous evaluation: a
     * FIRING transition for each rule that fires now and did not then, a RESOLVED one for each that fired
     * then and does not now. An alert that stays firing is not repeated, so FIRING and RESOLVED alternate
     * per SLO and rule. The first evaluation compares with nothing firing.
     *
     * <p>Each listener hears each transition, synchronously on this thread, in registration order. A
     * listener that throws stops neither the others nor this call (see {@link #onListenerError}).
     * Thread-safe: concurrent calls take turns, and never report one transition twice or lose one. Costs
     * one {@link Slo#alerts()} per SLO.
     *
     * <pre>{@code
     * for (AlertTransition t : slos.evaluate()) {
     *     log.info("{} {} {}", t.state(), t.slo().displayName(), t.rule());
     * }
     * }</pre>
     *
     * @return the transitions since the previous evaluation, per SLO in definition order (a grouped SLO's
     *     groups after it, see {@link Slo#groups()}), per SLO in its policy's order; empty when nothing changed
     * @throws IllegalStateException if called from within an {@link AlertListener} of this registry
     */
    public List<AlertTransition> evaluate() {
        return transitions.evaluate(this::allWithGroups, clock);
    }

    /**
     * Evaluates every {@code period} on the caller's {@code executor}, the first time at once: the
     * library starts no thread of its own. Cancel the returned future to stop. An evaluation that fails
     * (it should not) is logged as an error on this class's {@link System.Logger}, and the next one still runs.
     *
     * <pre>{@code
     * ScheduledFuture<?> evaluating = slos.evaluateEvery(Duration.ofMinutes(1), scheduler);
     * ...
     * evaluating.cancel(false);
     * }</pre>
     *
     * @param period   how often, positive; a minute suits the alert windows of {@link AlertPolicy#sreWorkbook()}
     * @param executor the caller's scheduler
     * @return the scheduled evaluations, to cancel
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code period} is not positive or under a millisecond
     */
    public ScheduledFuture<?> evaluateEvery(Duration period, ScheduledExecutorService executor) {
        Args.positive(period, "period");
        Objects.requireNonNull(executor, "executor must not be null");
        long millis = Durations.saturatedMillis(period);
        if (millis < 1) {
            throw new IllegalArgumentException("period must be at least 1 ms, got " + Durations.format(period));
        }
        return executor.scheduleAtFixedRate(() -> {
            try {
                evaluate();
            } catch (Throwable e) {
                transitions.reportFailure(e);      // a scheduled task that throws is never run again: report, go on
            }
        }, 0, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * {@return the last transitions {@link #evaluate()} found, at most 1,000, oldest first: the alert
     * history a status page shows}
     */
    public List<AlertTransition> alertHistory() {
        return transitions.history();
    }

    /**
     * Whether releases may go on by the error-budget policies of all of {@code slos}: allowed when each
     * allows ({@link Slo#releaseDecision()}); the reason gives each blocking SLO's reason (or, when allowed,
     * each SLO's), one per line. The one question of a deploy pipeline, e.g. over a customer SLO and
     * everything its cascade reaches:
     *
     * <pre>{@code
     * List<Slo> reach = new ArrayList<>(List.of(checkout));
     * reach.addAll(slos.cascadeRootedAt(checkout).orElseThrow().allDependencies());
     * ReleaseDecision d = slos.releaseDecision(reach);
     * }</pre>
     *
     * @param slos the SLOs to consult, of this registry, at least one; each is consulted once, in order
     * @return the decision; {@link ReleaseDecision#blocking()} lists the SLOs that stop releases
     * @throws NullPointerException if {@code slos} or one of them is null
     * @throws IllegalArgumentException if {@code slos} is empty or holds an SLO of another registry
     */
    public ReleaseDecision releaseDecision(Collection<Slo> slos) {
        Objects.requireNonNull(slos, "slos must not be null");
        if (slos.isEmpty()) {
            throw new IllegalArgumentException("slos must hold at least one SLO to consult, got none");
        }
        Set<Slo> consulted = new LinkedHashSet<>();
        int i = 0;
        for (Slo slo : slos) {
            Objects.requireNonNull(slo, "slos must not hold null, got null at " + i++);
            checkOwn(slo, "slos");
            consulted.add(slo);
        }
        List<ReleaseDecision> decisions = new ArrayList<>();
        for (Slo slo : consulted) {
            decisions.add(slo.releaseDecision());
        }
        return ReleaseDecision.all(decisions);
    }

    /**
     * Starts declaring what {@code root} depends on: a customer SLO and the internal SLOs it needs, or an
     * internal SLO and its own dependencies (cascades nest into a tree).
     *
     * @param root the SLO the dependencies serve, of this registry
     * @return a builder; {@link CascadeBuilder#build()} adds the cascade to the registry
     * @throws NullPointerException if {@code root} is null
     * @throws IllegalArgumentException if {@code root} belongs to another registry or already has a cascade
     */
    public CascadeBuilder cascade(Slo root) {
        checkOwn(root, "root");
        synchronized (lock) {
            if (cascades.containsKey(root)) {
                throw new IllegalArgumentException("root must have one cascade only, got \"" + root.name()
                        + "\" which already has one");
            }
        }
        return new CascadeBuilder(this, root);
    }

    /** {@return every built cascade, in build order: an immutable snapshot} */
    public List<Cascade> cascades() {
        synchronized (lock) {
            return List.copyOf(cascades.values());
        }
    }

    /**
     * The cascade rooted at {@code root}, if one was built.
     *
     * @param root the cascade's root SLO
     * @return the cascade, or empty when none was built for {@code root}
     * @throws NullPointerException if {@code root} is null
     */
    public Optional<Cascade> cascadeRootedAt(Slo root) {
        Objects.requireNonNull(root, "root must not be null");
        synchronized (lock) {
            return Optional.ofNullable(cascades.get(root));
        }
    }

    /**
     * What a group's state is checked against before a restore changes anything: the whole (a group shares
     * its definition and its buckets' shape), which restoreInto then asks for the group. Null (ignored) when
     * the whole is not grouped by the state's label.
     */
    private static Slo groupToRestore(Slo whole, SloState state) {
        return whole.grouping().filter(g -> g.label().equals(state.group().label())).isPresent() ? whole : null;
    }

    /** Every SLO in definition order, each grouped one followed by its groups (see {@link Slo#groups()}). */
    List<Slo> allWithGroups() {
        List<Slo> every = new ArrayList<>();
        for (Slo slo : all()) {
            every.add(slo);
            every.addAll(slo.groups());
        }
        return every;
    }

    /** Adds a built cascade after checking, under the lock, that it closes no cycle and that its root has none yet. */
    Cascade addCascade(Cascade cascade) {
        synchronized (lock) {
            Slo root = cascade.root();
            if (cascades.containsKey(root)) {
                throw new IllegalArgumentException("root must have one cascade only, got \"" + root.name()
                        + "\" which already has one");
            }
            for (Slo dependency : cascade.dependencies()) {
                List<Slo> path = pathTo(dependency, root, new java.util.HashSet<>());
                if (path != null) {
                    StringBuilder cycle = new StringBuilder(root.name());
                    for (Slo step : path) {
                        cycle.append(" -> ").append(step.name());
                    }
                    throw new IllegalArgumentException("dependencies must not form a cycle, got " + cycle);
                }
            }
            cascades.put(root, cascade);
            return cascade;
        }
    }

    /** A path from {@code from} to {@code target} through built cascades (both ends included), or null. Guarded by lock. */
    private List<Slo> pathTo(Slo from, Slo target, java.util.Set<Slo> visited) {
        if (from == target) {
            return new ArrayList<>(List.of(from));
        }
        if (!visited.add(from)) {
            return null;
        }
        Cascade next = cascades.get(from);
        if (next != null) {
            for (Slo dependency : next.dependencies()) {
                List<Slo> rest = pathTo(dependency, target, visited);
                if (rest != null) {
                    rest.add(0, from);
                    return rest;
                }
            }
        }
        return null;
    }

    Slo add(SloSpec spec, Grouping grouping) {
        synchronized (lock) {
            if (slos.containsKey(spec.name())) {
                throw new IllegalArgumentException("name must be unique in the registry, got \"" + spec.name() + "\" which is already defined");
            }
            Slo slo = new Slo(this, clock, spec, grouping);
            slos.put(spec.name(), slo);
            return slo;
        }
    }

    /** The readings the SLOs' timers take. */
    Ticks ticks() {
        return ticks;
    }

    /** Rejects an SLO that belongs to another registry. */
    void checkOwn(Slo slo, String parameter) {
        Objects.requireNonNull(slo, parameter + " must not be null");
        if (slo.registry() != this) {
            throw new IllegalArgumentException(parameter + " must belong to this registry, got \"" + slo.name() + "\" from another one");
        }
    }

    static void checkName(String name) {
        Objects.requireNonNull(name, "name must not be null");
        if (name.isEmpty() || name.length() > 128) {
            throw new IllegalArgumentException("name must be 1 to 128 characters, got " + Text.quoted(name));
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                throw new IllegalArgumentException("name must hold only letters, digits and - _ . : , got "
                        + Text.quoted(name) + " (bad character '" + Text.escaped(c) + "' at " + i + ")");
            }
        }
    }
}
