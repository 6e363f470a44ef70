package dev.slo.examples;

import dev.slo.BurnRateAlert;
import dev.slo.ErrorBudget;
import dev.slo.ManualClock;
import dev.slo.Owner;
import dev.slo.RestoreResult;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Snapshot;
import dev.slo.SnapshotStore;
import dev.slo.Window;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What survives a restart, and how a fleet adds up. A shop's service records ten simulated days a minute at
 * a time ({@link Slo#recordCounts(long, long)}) and saves its snapshot after every minute with
 * {@link SnapshotStore#save}; forty minutes before the end checkout starts failing for 4% of shoppers and
 * pages. Then the process dies. A new registry defines the same SLOs, restores the last save and answers
 * exactly as the old one would at the same clock reading: the same budget, burn rates and page. Last, two
 * replicas whose clocks are seconds apart merge their snapshots ({@link Snapshot#merge}) into an empty
 * registry, whose counts are the sum of both. The lines between the {@code restart} and {@code fleet}
 * markers appear in README.md exactly (RestartStoryTest checks it).
 *
 * <p>Run it with {@code mvn -q -B -pl slo-examples -am compile exec:java -Dexec.mainClass=dev.slo.examples.RestartStory}.
 */
public final class RestartStory {
    static final Instant START = Instant.parse("2026-04-01T00:00:00Z");
    static final Instant CRASH = START.plus(Duration.ofDays(10));
    static final Instant INCIDENT_START = CRASH.minus(Duration.ofMinutes(40));
    /**
     * Saves start two hours before the crash, so that the story runs in a few seconds: each save forces the
     * file to the device, and only the last one is ever loaded.
     */
    static final Instant SAVING_FROM = CRASH.minus(Duration.ofHours(2));
    /** The look-backs of the default alert rules' long windows that the story compares. */
    static final List<Duration> LOOK_BACKS = List.of(Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(3));
    /** How far replica-b's clock runs behind replica-a's. */
    static final Duration SKEW = Duration.ofSeconds(4);

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final double CHECKOUT_FAILS = 0.0004;
    private static final double INCIDENT_FAILS = 0.04;
    private static final double SEARCH_FAILS = 0.002;

    private final PrintStream out;
    /** Kept for the tests: the registry before the crash, the one restored, the replicas and the fleet. */
    SloRegistry before, restarted, replicaA, replicaB, overview;
    int saves;

    /** A story that prints to {@code out}. */
    public RestartStory(PrintStream out) {
        this.out = out;
    }

    /** Tells the story on standard output. */
    public static void main(String[] args) throws IOException {
        new RestartStory(System.out).tell();
    }

    /** Records, crashes, restores, then merges two replicas; the snapshot directory is deleted at the end. */
    public void tell() throws IOException {
        Path dir = Files.createTempDirectory("slo-restart-story");
        try {
            restart(SnapshotStore.at(dir.resolve("slo.snapshot")));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
        fleet();
    }

    /** The SLOs every registry of the story defines, the same way. */
    static void defineSlos(SloRegistry slos) {
        slos.define("checkout-completes").customerFacing("Checkout completes")
                .ownedBy(Owner.product("shop-pm"), Owner.engineering("checkout-eng"))
                .sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
        slos.define("search-succeeds").internal("search-svc answers queries").ownedBy(Owner.team("discovery"))
                .sli(Sli.ratio()).target(0.995).window(Window.rolling(Duration.ofDays(30))).register();
    }

    // ---------------------------------------------------------------- the restart

    private void restart(SnapshotStore store) throws IOException {
        ManualClock clock = ManualClock.at(START);
        SloRegistry slos = SloRegistry.create(clock);
        defineSlos(slos);
        Traffic traffic = new Traffic(2026);
        BadEvents bulk = new BadEvents();
        for (Instant minute = START; minute.isBefore(CRASH); minute = minute.plus(MINUTE)) {
            clock.set(minute.plusSeconds(30));
            recordMinute(slos, bulk, traffic.checkouts(minute), minute.isBefore(INCIDENT_START) ? CHECKOUT_FAILS : INCIDENT_FAILS);
            clock.set(minute.plus(MINUTE));
            if (!minute.isBefore(SAVING_FROM)) {
                // save:begin
                store.save(slos.snapshot());      // in a service: store.saveEvery(slos, Duration.ofMinutes(1), scheduler)
                // save:end
                saves++;
            }
        }
        before = slos;
        out.printf(Locale.ROOT, "Recorded %s to %s; checkout fails for %.0f%% of shoppers from %s.%n",
                Formats.minute(START), Formats.minute(CRASH), INCIDENT_FAILS * 100, Formats.minute(INCIDENT_START));
        out.printf(Locale.ROOT, "Saved the snapshot every minute from %s: %d saves, each replacing the last (%,d bytes).%n",
                Formats.minute(SAVING_FROM), saves, Files.size(store.file()));
        out.println("The process dies at " + Formats.minute(clock.instant()) + ", right after its last save.");
        out.println();

        ManualClock newClock = ManualClock.at(clock.instant());
        // restart:begin
        SloRegistry restarted = SloRegistry.create(newClock);     // the new process; its clock goes on from the crash
        defineSlos(restarted);                                    // the same SLOs, defined again at start-up
        Snapshot last = store.load().orElseThrow();               // the last minute's save
        RestoreResult result = restarted.restore(last);           // before traffic resumes
        // restart:end
        this.restarted = restarted;
        out.println("Restored " + result.restored() + " from the snapshot taken at " + Formats.minute(last.takenAt())
                + "; ignored " + result.ignored() + ".");
        out.println();
        out.println("== " + Formats.minute(newClock.instant()) + ": the registry before the crash and the one restored ==");
        header("registry");
        boolean same = true;
        for (Slo old : before.all()) {
            Slo back = restarted.find(old.name()).orElseThrow();
            row(old, "before");
            row(back, "restored");
            same &= old.errorBudget().equals(back.errorBudget()) && firing(old).equals(firing(back))
                    && LOOK_BACKS.stream().allMatch(d -> old.burnRate(d) == back.burnRate(d));
        }
        out.println(same ? "same: every count, burn rate and alert of the restored registry is the old one's."
                : "NOT the same: the restore lost or changed something.");
        out.println();
    }

    // ---------------------------------------------------------------- the fleet

    private void fleet() {
        Instant end = CRASH.plus(Duration.ofDays(1));
        ManualClock clockA = ManualClock.at(CRASH);
        ManualClock clockB = ManualClock.at(CRASH.minus(SKEW));
        replicaA = SloRegistry.create(clockA);
        replicaB = SloRegistry.create(clockB);
        defineSlos(replicaA);
        defineSlos(replicaB);
        Traffic trafficA = new Traffic(11), trafficB = new Traffic(12);
        BadEvents bulkA = new BadEvents(), bulkB = new BadEvents();
        for (Instant minute = CRASH; minute.isBefore(end); minute = minute.plus(MINUTE)) {
            clockA.set(minute.plusSeconds(30));
            clockB.set(minute.plusSeconds(30).minus(SKEW));
            recordMinute(replicaA, bulkA, trafficA.checkouts(minute) / 2, CHECKOUT_FAILS);
            recordMinute(replicaB, bulkB, trafficB.checkouts(minute) / 3, 3 * CHECKOUT_FAILS);   // a flakier host
        }
        clockA.set(end);
        clockB.set(end.minus(SKEW));

        // fleet:begin
        Snapshot fleet = Snapshot.merge(List.of(replicaA.snapshot(), replicaB.snapshot()));
        SloRegistry overview = SloRegistry.create(ManualClock.at(fleet.takenAt()));   // the latest of the two clocks
        defineSlos(overview);
        overview.restore(fleet);
        // fleet:end
        this.overview = overview;

        out.println("== A day of two replicas, replica-b's clock " + SKEW.toSeconds() + " s behind, merged at "
                + Formats.minute(fleet.takenAt()) + " ==");
        header("instance");
        boolean sums = true;
        for (Slo whole : overview.all()) {
            ErrorBudget a = row(replicaA.find(whole.name()).orElseThrow(), "replica-a");
            ErrorBudget b = row(replicaB.find(whole.name()).orElseThrow(), "replica-b");
            ErrorBudget f = row(whole, "fleet");
            sums &= f.total() == a.total() + b.total() && f.good() == a.good() + b.good();
        }
        out.println(sums ? "The fleet's events and good events are the sums of the replicas'; its burn rates weigh them by traffic."
                : "The fleet's counts are NOT the sums of the replicas'.");
    }

    // ---------------------------------------------------------------- recording and printing

    /** A minute of checkouts, about a quarter of which re-run a search, with {@code fails} of checkouts bad. */
    private static void recordMinute(SloRegistry slos, BadEvents bulk, long checkouts, double fails) {
        bulk.record(slos.find("checkout-completes").orElseThrow(), checkouts, fails);
        bulk.record(slos.find("search-succeeds").orElseThrow(), checkouts / 4, SEARCH_FAILS);
    }

    private void header(String who) {
        out.printf(Locale.ROOT, "%-19s %-9s %9s %9s %6s %9s %8s %8s %8s  %s%n", "slo", who, "events", "good", "bad",
                "remaining", "burn 1h", "burn 6h", "burn 3d", "alerts firing");
    }

    private ErrorBudget row(Slo slo, String who) {
        ErrorBudget b = slo.errorBudget();
        out.printf(Locale.ROOT, "%-19s %-9s %9d %9d %6d %9s %8.2f %8.2f %8.2f  %s%n", slo.name(), who, b.total(), b.good(),
                b.bad(), Formats.percent(b.remaining(), 2), slo.burnRate(LOOK_BACKS.get(0)), slo.burnRate(LOOK_BACKS.get(1)),
                slo.burnRate(LOOK_BACKS.get(2)), firing(slo));
        return b;
    }

    /** The alerts firing, e.g. {@code PAGE 1h/5m}, or {@code -}. */
    private static String firing(Slo slo) {
        List<BurnRateAlert> alerts = slo.alerts();
        return alerts.isEmpty() ? "-" : alerts.stream()
                .map(a -> a.severity() + " " + Formats.duration(a.rule().longWindow()) + "/" + Formats.duration(a.rule().shortWindow()))
                .collect(Collectors.joining(", "));
    }
}
