package dev.slo;

import static dev.slo.Rejections.throwsNaming;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input to the snapshot API: readFrom, writeTo, merge, restore and SnapshotStore. Each call is refused
 * at once with NullPointerException or IllegalArgumentException naming the parameter (and the value, or
 * the SLO), and changes nothing: the registry's snapshot, the snapshots given and the store's file are as
 * before. Also what restore accepts: another target, and SLOs the registry lacks (ignored, the rest restored).
 */
final class SnapshotBadInputTest {
    private final ManualClock clock = Fixtures.clock();
    private final SloRegistry slos = SloRegistry.create(clock);
    private final Slo checkout = Fixtures.ratioSlo(slos, "checkout", 0.999, Window.rolling(Fixtures.DAYS_30));
    private final Slo latency = latencySlo(slos, "search-latency", Duration.ofMillis(300), Window.rolling(Fixtures.DAYS_30),
            Budgeting.occurrences());
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
    @TempDir
    Path dir;

    SnapshotBadInputTest() {
        checkout.recordCounts(990, 10);
        latency.record(true, Duration.ofMillis(120));
        latency.record(false, Duration.ofMillis(900));
        clock.advance(Duration.ofMinutes(3));
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    private static Slo latencySlo(SloRegistry registry, String name, Duration threshold, Window window, Budgeting budgeting) {
        return registry.define(name).internal("test " + name).ownedBy(Owner.team("team")).sli(Sli.latency(threshold))
                .target(0.99).window(window).budgeting(budgeting).register();
    }

    /** As {@link Rejections#throwsNaming}, and the registry's snapshot is as it was before the call. */
    private <T extends Throwable> T rejects(Class<T> type, Executable call, String... fragments) {
        Snapshot before = slos.snapshot();
        T thrown = throwsNaming(type, call, fragments);
        assertEquals(before, slos.snapshot(), "a rejected call must not change what was recorded");
        return thrown;
    }

    // ---------------------------------------------------------------- readFrom, writeTo

    @Test void readFrom_null() {
        rejects(NullPointerException.class, () -> Snapshot.readFrom(null), "in");
    }
    @Test void writeTo_null() {
        Snapshot snapshot = slos.snapshot();
        byte[] bytes = SnapshotScenario.bytes(snapshot);
        rejects(NullPointerException.class, () -> snapshot.writeTo(null), "out");
        assertArrayEquals(bytes, SnapshotScenario.bytes(snapshot), "the snapshot is as before");
    }

    // ---------------------------------------------------------------- merge

    @Test void merge_null() {
        rejects(NullPointerException.class, () -> Snapshot.merge(null), "snapshots");
    }
    @Test void merge_empty() {
        rejects(IllegalArgumentException.class, () -> Snapshot.merge(List.of()), "snapshots", "empty", "[]");
    }
    @Test void merge_holdingNull() {
        Snapshot a = slos.snapshot();
        rejects(NullPointerException.class, () -> Snapshot.merge(Arrays.asList(a, null)), "snapshots", "null at 1");
        rejects(NullPointerException.class, () -> Snapshot.merge(Arrays.asList((Snapshot) null)), "snapshots", "null at 0");
    }

    /** A snapshot of a registry whose "search-latency" is defined as given (and holding a few events), at the same clock reading. */
    private Snapshot otherLatency(Sli sli, Window window, Budgeting budgeting) {
        ManualClock other = ManualClock.at(clock.instant().minus(Duration.ofMinutes(1)));
        SloRegistry registry = SloRegistry.create(other);
        Slo slo = registry.define("search-latency").internal("other").ownedBy(Owner.team("team")).sli(sli).target(0.99)
                .window(window).budgeting(budgeting).register();
        if (sli instanceof Sli.Latency) {
            slo.record(true, Duration.ofMillis(10));
        } else {
            slo.record(true);
        }
        other.set(clock.instant());
        return registry.snapshot();
    }

    private void mergeRejects(Snapshot other, String... fragments) {
        Snapshot mine = slos.snapshot();
        byte[] mineBytes = SnapshotScenario.bytes(mine);
        byte[] otherBytes = SnapshotScenario.bytes(other);
        rejects(IllegalArgumentException.class, () -> Snapshot.merge(List.of(mine, other)), fragments);
        assertArrayEquals(mineBytes, SnapshotScenario.bytes(mine), "the snapshots given are as before");
        assertArrayEquals(otherBytes, SnapshotScenario.bytes(other), "the snapshots given are as before");
    }

    @Test void merge_sliKindDiffers() {
        mergeRejects(otherLatency(Sli.ratio(), Window.rolling(Fixtures.DAYS_30), Budgeting.occurrences()),
                "snapshots", "\"search-latency\"", "Latency[threshold=300ms]", "Ratio");
    }
    @Test void merge_latencyThresholdDiffers() {
        mergeRejects(otherLatency(Sli.latency(Duration.ofMillis(250)), Window.rolling(Fixtures.DAYS_30), Budgeting.occurrences()),
                "snapshots", "\"search-latency\"", "threshold=300ms", "threshold=250ms");
    }
    @Test void merge_windowDiffers() {
        mergeRejects(otherLatency(Sli.latency(Duration.ofMillis(300)), Window.calendarMonth(ZoneId.of("Europe/Paris")),
                Budgeting.occurrences()), "snapshots", "\"search-latency\"", "rolling 30d", "calendar month in Europe/Paris");
    }
    @Test void merge_budgetingDiffers() {
        mergeRejects(otherLatency(Sli.latency(Duration.ofMillis(300)), Window.rolling(Fixtures.DAYS_30),
                Budgeting.timeslices(Duration.ofMinutes(5))), "snapshots", "\"search-latency\"", "Timeslices[slice=5m");
    }
    @Test void merge_ofTheSameDefinitionsAdds() {
        Snapshot a = slos.snapshot();
        Snapshot merged = Snapshot.merge(List.of(a, otherLatency(Sli.latency(Duration.ofMillis(300)), Window.rolling(Fixtures.DAYS_30),
                Budgeting.occurrences())));
        assertEquals(List.of("checkout", "search-latency"), merged.names());
        SloRegistry fresh = SloRegistry.create(ManualClock.at(clock.instant()));
        Slo freshLatency = latencySlo(fresh, "search-latency", Duration.ofMillis(300), Window.rolling(Fixtures.DAYS_30),
                Budgeting.occurrences());
        fresh.restore(merged);
        assertEquals(3, freshLatency.errorBudget().total(), "two events here, one there");
    }

    // ---------------------------------------------------------------- restore

    @Test void restore_null() {
        rejects(NullPointerException.class, () -> slos.restore(null), "snapshot");
    }
    @Test void restore_mismatchingDefinition() {
        rejects(IllegalArgumentException.class,
                () -> slos.restore(otherLatency(Sli.latency(Duration.ofMillis(250)), Window.rolling(Fixtures.DAYS_30),
                        Budgeting.occurrences())),
                "snapshot", "\"search-latency\"", "threshold=250ms", "threshold=300ms");
    }
    @Test void restore_mismatchingWindow() {
        rejects(IllegalArgumentException.class,
                () -> slos.restore(otherLatency(Sli.latency(Duration.ofMillis(300)), Window.rolling(Duration.ofDays(7)),
                        Budgeting.occurrences())),
                "snapshot", "\"search-latency\"", "rolling 7d", "rolling 30d");
    }

    /** The registry's clock is behind the snapshot's by a minute: refused, naming the SLO and the clock. */
    @Test void restore_fromTheFuture() {
        ManualClock ahead = ManualClock.at(clock.instant());
        SloRegistry later = SloRegistry.create(ahead);
        Fixtures.ratioSlo(later, "checkout", 0.999, Window.rolling(Fixtures.DAYS_30));
        ahead.advance(SloRegistry.MAX_SNAPSHOT_AHEAD.plusMillis(1));   // further ahead than a fleet's skew
        later.find("checkout").orElseThrow().recordCounts(5, 5);
        rejects(IllegalArgumentException.class, () -> slos.restore(later.snapshot()), "snapshot", "60 s", "clock go back");
    }

    /** Targets may differ: a 99% snapshot restores into a 99.9% SLO of the same SLI, window and budgeting. */
    @Test void restore_anotherTargetIsAccepted() {
        ManualClock other = ManualClock.at(clock.instant());
        SloRegistry registry = SloRegistry.create(other);
        Fixtures.ratioSlo(registry, "checkout", 0.99, Window.rolling(Fixtures.DAYS_30)).recordCounts(40, 60);
        RestoreResult result = slos.restore(registry.snapshot());
        assertEquals(List.of("checkout"), result.restored());
        assertEquals(List.of(), result.ignored());
        ErrorBudget budget = checkout.errorBudget();
        assertEquals(1100, budget.total(), "1,000 here and 100 restored");
        assertEquals(1030, budget.good());
        assertEquals(0.999, checkout.spec().target(), "the registry's target stays");
    }

    /** An SLO the registry lacks is ignored, and reported; the others are restored. */
    @Test void restore_anSloTheRegistryLacksIsIgnored() {
        ManualClock other = ManualClock.at(clock.instant());
        SloRegistry registry = SloRegistry.create(other);
        Fixtures.ratioSlo(registry, "newcomer", 0.99, Window.rolling(Fixtures.DAYS_30)).recordCounts(1, 1);
        Fixtures.ratioSlo(registry, "checkout", 0.999, Window.rolling(Fixtures.DAYS_30)).recordCounts(7, 3);
        Snapshot latencyBefore = slos.snapshot();
        RestoreResult result = slos.restore(registry.snapshot());
        assertEquals(List.of("checkout"), result.restored());
        assertEquals(List.of("newcomer"), result.ignored());
        assertEquals(1010, checkout.errorBudget().total());
        assertEquals(997, checkout.errorBudget().good());
        assertEquals(latencyBefore.states().get(1), slos.snapshot().states().get(1), "an SLO the snapshot lacks is left alone");
        assertFalse(slos.find("newcomer").isPresent(), "an ignored SLO is not defined");
    }

    // ---------------------------------------------------------------- SnapshotStore

    @Test void store_atNull() {
        rejects(NullPointerException.class, () -> SnapshotStore.at(null), "file");
    }

    /** As {@link #rejects}, and the store's file (saved once before the call) is as it was. */
    private void storeRejects(SnapshotStore store, Class<? extends Throwable> type, Executable call, String... fragments)
            throws IOException {
        byte[] saved = Files.readAllBytes(store.file());
        rejects(type, call, fragments);
        assertArrayEquals(saved, Files.readAllBytes(store.file()), "the file is as before");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(store.file()), files.toList(), "no temporary file is left");
        }
        assertTrue(executor.getQueue().isEmpty(), "nothing was scheduled");
    }

    private SnapshotStore saved() throws IOException {
        SnapshotStore store = SnapshotStore.at(dir.resolve("slo.snapshot"));
        store.save(slos.snapshot());
        return store;
    }

    @Test void store_saveNull() throws IOException {
        SnapshotStore store = saved();
        storeRejects(store, NullPointerException.class, () -> store.save(null), "snapshot");
    }
    @Test void store_saveEveryNullRegistry() throws IOException {
        SnapshotStore store = saved();
        storeRejects(store, NullPointerException.class, () -> store.saveEvery(null, Duration.ofMinutes(1), executor), "slos");
    }
    @Test void store_saveEveryNullPeriod() throws IOException {
        SnapshotStore store = saved();
        storeRejects(store, NullPointerException.class, () -> store.saveEvery(slos, null, executor), "period");
    }
    @Test void store_saveEveryNullExecutor() throws IOException {
        SnapshotStore store = saved();
        storeRejects(store, NullPointerException.class, () -> store.saveEvery(slos, Duration.ofMinutes(1), null), "executor");
    }
    @Test void store_saveEveryTooShortAPeriod() throws IOException {
        SnapshotStore store = saved();
        storeRejects(store, IllegalArgumentException.class, () -> store.saveEvery(slos, Duration.ofMillis(10), executor),
                "period", "10ms");
        storeRejects(store, IllegalArgumentException.class, () -> store.saveEvery(slos, Duration.ZERO, executor), "period", "0s");
        storeRejects(store, IllegalArgumentException.class, () -> store.saveEvery(slos, Duration.ofSeconds(-5), executor),
                "period", "-5s");
    }
    @Test void store_saveOnShutdownNull() throws IOException {
        SnapshotStore store = saved();
        storeRejects(store, NullPointerException.class, () -> store.saveOnShutdown(null), "slos");
    }
}
