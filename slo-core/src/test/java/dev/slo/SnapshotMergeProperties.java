package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The fleet's arithmetic: merging snapshots is associative and commutative, the merge of N instances'
 * snapshots is the snapshot of one registry that saw all their events (each at its instance's clock
 * reading, clocks seconds apart), and a restore into an empty registry gives back the registry.
 */
final class SnapshotMergeProperties {
    private static final Instant START = Instant.parse("2026-05-04T00:00:00Z");
    /** The SLO kinds whose events add exactly across instances (time slices are judged per instance). */
    private static final String[] EVENT_SLOS = {"ratio", "latency", "retries", "feedback", "month", "etl", "grouped"};

    private static SloRegistry registry(ManualClock clock) {
        SloRegistry slos = SloRegistry.create(clock);
        base(slos, "ratio", Sli.ratio(), Window.rolling(Duration.ofDays(30)))
                .exclude(Exclusion.once(START.plus(Duration.ofHours(30)), Duration.ofHours(3), "upgrade")).register();
        base(slos, "latency", Sli.latency(Duration.ofMillis(250)), Window.rolling(Duration.ofDays(7))).register();
        base(slos, "retries", Sli.withinRetries(1), Window.rolling(Duration.ofDays(30))).register();
        base(slos, "feedback", Sli.feedback(), Window.rolling(Duration.ofDays(30))).register();
        base(slos, "month", Sli.ratio(), Window.calendarMonth(ZoneId.of("Asia/Kolkata"))).register();
        base(slos, "etl", Sli.deadline(Duration.ofHours(1)), Window.rolling(Duration.ofDays(30))).register();
        base(slos, "backlog", Sli.gaugeAtMost(10), Window.rolling(Duration.ofDays(30)))
                .budgeting(Budgeting.timeslices(Duration.ofMinutes(1))).register();
        Slo grouped = base(slos, "grouped", Sli.latency(Duration.ofMillis(100)), Window.rolling(Duration.ofDays(30)))
                .groupedBy("endpoint", 2).register();
        grouped.group("e0");                              // the same named groups everywhere: e2 and e3 overflow on every instance
        grouped.group("e1");
        return slos;
    }

    private static SloBuilder base(SloRegistry slos, String name, Sli sli, Window window) {
        return slos.define(name).internal("test " + name).ownedBy(Owner.team("t")).sli(sli).target(0.99).window(window);
    }

    /** One event: when (instance clock, ms), which SLO, and its seeded outcome. */
    private record Event(long at, int slo, long value) {}

    /** Seeded events of one instance over {@code hours}, at its own clock ({@code skew} ms off), in time order. */
    private static List<Event> events(long seed, int count, int hours, long skew) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Event(START.toEpochMilli() + skew + random.nextLong(hours * 3_600_000L), random.nextInt(EVENT_SLOS.length),
                    random.nextLong()));
        }
        out.sort((a, b) -> Long.compare(a.at, b.at));
        return out;
    }

    /** Records {@code events} (in time order) into {@code slos}, setting its clock to each event's reading. */
    private static void replay(SloRegistry slos, ManualClock clock, List<Event> events, boolean gauges) {
        for (Event e : events) {
            clock.set(Instant.ofEpochMilli(e.at));
            Slo slo = slos.find(EVENT_SLOS[e.slo]).orElseThrow();
            long v = e.value;
            boolean good = (v & 0xF) != 0;
            switch (EVENT_SLOS[e.slo]) {
                case "latency" -> slo.record(good, Duration.ofMillis((v >>> 8) % 400));
                case "retries" -> slo.recordAttempt(good, (int) ((v >>> 8) & 3));
                case "feedback" -> slo.recordFeedback(good);
                case "grouped" -> slo.group("e" + ((v >>> 8) & 3)).record(good, Duration.ofMillis((v >>> 12) % 200));
                case "etl" -> {
                    JobRun run = slo.startRun();
                    if ((v & 0x30) != 0) {
                        if (good) {
                            run.complete();
                        } else {
                            run.fail();
                        }
                    }
                }
                default -> slo.recordCounts(1 + ((v >>> 8) & 7), good ? 0 : 1);
            }
            if (gauges) {
                slos.find("backlog").orElseThrow().observe((v >>> 20) & 15);
            }
        }
    }

    /** An instance: its registry after its events, and its snapshot at {@code end} on its clock. */
    private static Snapshot instance(List<Event> events, long end) {
        ManualClock clock = ManualClock.at(START);
        SloRegistry slos = registry(clock);
        replay(slos, clock, events, true);
        clock.set(Instant.ofEpochMilli(end));
        return slos.snapshot();
    }

    @Property(tries = 40)
    void mergeIsAssociativeAndCommutative(@ForAll long seed, @ForAll @IntRange(min = 0, max = 400) int count,
            @ForAll @IntRange(min = 1, max = 80) int hours) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Snapshot> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long skew = random.nextLong(-5_000, 5_001);
            three.add(instance(events(random.nextLong(), count, hours, skew), START.toEpochMilli() + hours * 3_600_000L + skew));
        }
        Snapshot a = three.get(0);
        Snapshot b = three.get(1);
        Snapshot c = three.get(2);
        Snapshot left = Snapshot.merge(List.of(Snapshot.merge(List.of(a, b)), c));
        Snapshot right = Snapshot.merge(List.of(a, Snapshot.merge(List.of(b, c))));
        assertEquals(left, right, "(a + b) + c = a + (b + c)");
        assertEquals(left, Snapshot.merge(List.of(c, a, b)), "the order of the instances does not matter");
        assertEquals(Snapshot.merge(List.of(a, b)), Snapshot.merge(List.of(b, a)), "a + b = b + a");
        assertEquals(a, Snapshot.merge(List.of(a)), "a merge of one is that one");
    }

    @Property(tries = 40)
    void theMergeOfNInstancesIsOneRegistryThatSawAllTheirEvents(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int n,
            @ForAll @IntRange(min = 0, max = 400) int count, @ForAll @IntRange(min = 1, max = 80) int hours) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Snapshot> snapshots = new ArrayList<>();
        List<Event> all = new ArrayList<>();
        long latestEnd = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long skew = random.nextLong(-5_000, 5_001);     // instances' clocks seconds apart
            long end = START.toEpochMilli() + hours * 3_600_000L + skew;
            List<Event> events = events(random.nextLong(), count, hours, skew);
            ManualClock clock = ManualClock.at(START);
            SloRegistry slos = registry(clock);
            replay(slos, clock, events, false);
            clock.set(Instant.ofEpochMilli(end));
            snapshots.add(slos.snapshot());
            all.addAll(events);
            latestEnd = Math.max(latestEnd, end);
        }
        all.sort((x, y) -> Long.compare(x.at, y.at));
        ManualClock clock = ManualClock.at(START);
        SloRegistry one = registry(clock);
        replay(one, clock, all, false);
        clock.set(Instant.ofEpochMilli(latestEnd));
        ManualClock fleetClock = ManualClock.at(Instant.ofEpochMilli(latestEnd));
        SloRegistry fleet = registry(fleetClock);
        fleet.restore(Snapshot.merge(snapshots));
        // Restored at the latest clock: a run an instance saw in flight at its own, earlier end, whose deadline
        // has passed by then, counts bad at its deadline, as it does in the registry that saw everything.
        assertEquals(one.snapshot(), fleet.snapshot(), "n = " + n);
        SnapshotScenario.assertSameAnswers(one, fleet, "restored from the merge of " + n);
    }

    @Property(tries = 40)
    void restoringASnapshotIntoAnEmptyRegistryGivesTheRegistryBack(@ForAll long seed, @ForAll @IntRange(min = 0, max = 600) int count,
            @ForAll @IntRange(min = 1, max = 200) int hours) {
        long end = START.toEpochMilli() + hours * 3_600_000L;
        Snapshot snapshot = instance(events(seed, count, hours, 0), end);
        SloRegistry fresh = registry(ManualClock.at(Instant.ofEpochMilli(end)));
        assertEquals(snapshot.names(), fresh.restore(snapshot).restored());
        assertEquals(snapshot, fresh.snapshot());
    }

    @Property(tries = 30)
    void slicesAreJudgedPerInstanceSoTheMergedVerdictsAreTheSumOfTheInstances(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 300) int count) {
        SplittableRandom random = new SplittableRandom(seed);
        long end = START.toEpochMilli() + 6 * 3_600_000L;
        Snapshot a = instance(events(random.nextLong(), count, 5, 0), end);
        Snapshot b = instance(events(random.nextLong(), count, 5, 0), end);
        ErrorBudget budgetA = restored(a, end).errorBudget();
        ErrorBudget budgetB = restored(b, end).errorBudget();
        ErrorBudget fleet = restored(Snapshot.merge(List.of(a, b)), end).errorBudget();
        assertEquals(budgetA.total() + budgetB.total(), fleet.total(), "slices with data");
        assertEquals(budgetA.good() + budgetB.good(), fleet.good(), "good slices");
    }

    private static Slo restored(Snapshot snapshot, long at) {
        SloRegistry slos = registry(ManualClock.at(Instant.ofEpochMilli(at)));
        slos.restore(snapshot);
        return slos.find("backlog").orElseThrow();
    }
}
