package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot file: saves replace it whole, loads return the last one saved, a crash mid-save leaves a whole file. */
class SnapshotStoreTest {
    @TempDir
    Path directory;

    @Test
    void loadReturnsTheLastSnapshotSavedAndEmptyBeforeTheFirst() throws IOException {
        SnapshotStore store = SnapshotStore.at(directory.resolve("slos.snapshot"));
        assertEquals(Optional.empty(), store.load());
        SnapshotScenario scenario = new SnapshotScenario(SnapshotScenario.START);
        scenario.traffic(1, Duration.ofHours(2), true);
        Snapshot first = scenario.slos.snapshot();
        store.save(first);
        scenario.traffic(2, Duration.ofHours(1), true);
        Snapshot second = scenario.slos.snapshot();
        store.save(second);
        assertEquals(Optional.of(second), store.load());
        assertEquals(List.of(store.file()), files(), "no temporary file is left");
    }

    @Test
    void aDamagedFileIsRefusedWithTheFormatException() throws IOException {
        SnapshotStore store = SnapshotStore.at(directory.resolve("slos.snapshot"));
        SnapshotScenario scenario = new SnapshotScenario(SnapshotScenario.START);
        scenario.traffic(3, Duration.ofHours(1), false);
        store.save(scenario.slos.snapshot());
        byte[] bytes = Files.readAllBytes(store.file());
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(store.file(), bytes);
        SnapshotFormatException e = assertThrows(SnapshotFormatException.class, store::load);
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void loadRemovesTheLeftoversOfSavesACrashInterrupted() throws IOException {
        SnapshotStore store = SnapshotStore.at(directory.resolve("slos.snapshot"));
        SnapshotScenario scenario = new SnapshotScenario(SnapshotScenario.START);
        store.save(scenario.slos.snapshot());
        Path leftover = Files.createTempFile(directory, ".slos.snapshot.", ".tmp");
        Path other = Files.writeString(directory.resolve("other.tmp"), "not ours");
        assertTrue(store.load().isPresent());
        assertEquals(List.of(other, store.file()), files(), "the leftover " + leftover.getFileName() + " is removed, nothing else");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void saveEverySavesOnTheCallersExecutorUntilCancelled() throws Exception {
        SnapshotStore store = SnapshotStore.at(directory.resolve("slos.snapshot"));
        SnapshotScenario scenario = new SnapshotScenario(SnapshotScenario.START);
        scenario.traffic(4, Duration.ofHours(1), false);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            ScheduledFuture<?> saves = store.saveEvery(scenario.slos, Duration.ofSeconds(1), executor);
            while (store.load().isEmpty()) {
                Thread.sleep(20);
            }
            assertEquals(scenario.slos.snapshot(), store.load().orElseThrow(), "the clock stood still: the saved snapshot is now's");
            saves.cancel(false);
            assertTrue(saves.isCancelled());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aSaveThatFailsIsLoggedAndTheScheduleGoesOn() throws Exception {
        Path missing = directory.resolve("gone").resolve("slos.snapshot");       // its directory does not exist
        SnapshotStore store = SnapshotStore.at(missing);
        SnapshotScenario scenario = new SnapshotScenario(SnapshotScenario.START);
        assertThrows(IOException.class, () -> store.save(scenario.slos.snapshot()));
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            ScheduledFuture<?> saves = store.saveEvery(scenario.slos, Duration.ofSeconds(1), executor);
            Files.createDirectories(missing.getParent());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(missing) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(missing), "a later save succeeded once the directory existed");
            assertTrue(!saves.isDone(), "a failed save does not end the schedule");
            saves.cancel(false);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theShutdownHookIsRegisteredOnlyWhenAskedAndSavesWhenRun() throws IOException {
        SnapshotStore store = SnapshotStore.at(directory.resolve("slos.snapshot"));
        SnapshotScenario scenario = new SnapshotScenario(SnapshotScenario.START);
        scenario.traffic(5, Duration.ofMinutes(30), false);
        Thread hook = store.saveOnShutdown(scenario.slos);
        assertTrue(Runtime.getRuntime().removeShutdownHook(hook), "the hook was registered");
        hook.run();
        assertEquals(Optional.of(scenario.slos.snapshot()), store.load());
    }

    /**
     * A child JVM records and saves real snapshots in a loop and is killed at a random moment, 12 times:
     * the file on disk always loads whole, restores into a fresh registry, and never goes back in time.
     */
    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void aProcessKilledWhileSavingLeavesASnapshotThatLoads() throws Exception {
        long seed = TestSeeds.seed();
        String replay = TestSeeds.replay("SnapshotStoreTest", seed);
        SplittableRandom random = new SplittableRandom(seed);
        SnapshotStore store = SnapshotStore.at(directory.resolve("slos.snapshot"));
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        String classPath = Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
                + Path.of("target", "test-classes").toAbsolutePath();
        Instant last = Instant.MIN;
        Instant first = null;
        for (int run = 0; run < 12; run++) {
            Process child = new ProcessBuilder(javaCommand, "-cp", classPath, StoreSaveLoop.class.getName(), store.file().toString(),
                    Long.toString(seed + run), Long.toString(run * 86_400L)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                Instant base = SnapshotScenario.START.plusSeconds(run * 86_400L);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (savedAt(store.file()).isBefore(base) && System.nanoTime() < deadline && child.isAlive()) {
                    Thread.sleep(5);                      // until this run has saved once: the JVM takes a while to start
                }
                Thread.sleep(random.nextInt(300));        // then at a random moment of its loop
                assertTrue(child.isAlive(), "the saving process died by itself" + replay);
            } finally {
                child.destroyForcibly();
                child.waitFor(20, TimeUnit.SECONDS);
            }
            Snapshot loaded = store.load().orElseThrow(() -> new AssertionError("no snapshot on disk" + replay));
            assertTrue(!loaded.takenAt().isBefore(last), "the file went back from " + last + " to " + loaded.takenAt() + replay);
            SnapshotScenario fresh = new SnapshotScenario(loaded.takenAt());
            assertEquals(loaded.names(), fresh.slos.restore(loaded).restored(), replay);
            first = first == null ? loaded.takenAt() : first;
            last = loaded.takenAt();
        }
        assertTrue(last.isAfter(first), "no run after the first saved a whole snapshot" + replay);
        assertEquals(List.of(store.file()), files(), "load removed the leftovers");
    }

    /** When the file's snapshot was taken; MIN while there is none. Reads it without load(), which would remove a save in progress. */
    private static Instant savedAt(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return Snapshot.readFrom(in).takenAt();
        } catch (java.nio.file.NoSuchFileException e) {
            return Instant.MIN;
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
