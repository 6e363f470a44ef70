package dev.slo;

import dev.slo.engine.Durations;
import dev.slo.snapshot.AtomicFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One file holding the last snapshot saved: what survives a restart.
 *
 * <pre>{@code
 * SnapshotStore store = SnapshotStore.at(Path.of("/var/lib/checkout/slo.snapshot"));
 * store.load().ifPresent(slos::restore);                      // at start-up, before traffic
 * store.saveEvery(slos, Duration.ofMinutes(1), scheduler);     // on the caller's executor
 * store.saveOnShutdown(slos);                                  // a shutdown hook, only if asked for
 * }</pre>
 *
 * <p>A save writes a temporary file in the same directory, forces it to the device, renames it over the
 * file atomically and forces the directory: a crash at any moment leaves the previous snapshot or the
 * new one, whole, never a mix. One process should save to a file at a time. Thread-safe: saves of one
 * store are serialised.
 */
public final class SnapshotStore {
    private static final System.Logger LOG = System.getLogger(SnapshotStore.class.getName());

    private final Path file;
    private final Object saving = new Object();

    private SnapshotStore(Path file) {
        this.file = file;
    }

    /**
     * The store of the file {@code file}; nothing is read or written until {@link #load} or {@link #save}.
     *
     * @param file the snapshot file; its directory must exist when saving
     * @return the store
     * @throws NullPointerException if {@code file} is null
     * @throws IllegalArgumentException if {@code file} names no file (a root directory)
     */
    public static SnapshotStore at(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        if (file.toAbsolutePath().getFileName() == null) {
            throw new IllegalArgumentException("file must name a file, got " + Text.quoted(file.toString()));
        }
        return new SnapshotStore(file);
    }

    /** {@return the snapshot file} */
    public Path file() {
        return file;
    }

    /**
     * Replaces the file with {@code snapshot}, atomically (see the class notes).
     *
     * @param snapshot what to save
     * @throws NullPointerException if {@code snapshot} is null
     * @throws IOException if writing, forcing or renaming fails: the file is then as it was
     */
    public void save(Snapshot snapshot) throws IOException {
        Objects.requireNonNull(snapshot, "snapshot must not be null");
        synchronized (saving) {
            AtomicFile.write(file, snapshot::writeTo);
        }
    }

    /**
     * The last snapshot saved, after removing the temporary files of saves that a crash interrupted.
     *
     * @return the snapshot, or empty when no file exists
     * @throws SnapshotFormatException if the file holds anything but a whole snapshot (it was not written
     *     by this store, or was damaged since)
     * @throws IOException if reading fails
     */
    public Optional<Snapshot> load() throws IOException {
        synchronized (saving) {
            AtomicFile.removeLeftovers(file);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                return Optional.of(Snapshot.readFrom(in));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * Saves {@code slos}'s snapshot every {@code period} on {@code executor}, the first one a period from
     * now. A save that fails is logged (System.Logger, WARNING) and the next one tried on time; cancel the
     * returned future to stop.
     *
     * @param slos     the registry to snapshot
     * @param period   between saves, at least one second
     * @param executor the caller's executor; no thread of the library's own
     * @return the scheduled saves
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code period} is shorter than one second
     */
    public ScheduledFuture<?> saveEvery(SloRegistry slos, Duration period, ScheduledExecutorService executor) {
        Objects.requireNonNull(slos, "slos must not be null");
        Objects.requireNonNull(period, "period must not be null");
        Objects.requireNonNull(executor, "executor must not be null");
        if (period.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("period must be at least 1 s, got " + Durations.format(period));
        }
        long millis = period.toMillis();
        return executor.scheduleAtFixedRate(() -> saveLogged(slos), millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Registers a JVM shutdown hook that saves {@code slos}'s snapshot once more as the JVM exits normally
     * (it cannot run when the process is killed: the last scheduled save is then the one kept).
     *
     * @param slos the registry to snapshot
     * @return the hook, for {@link Runtime#removeShutdownHook} if the caller wants to take it back
     * @throws NullPointerException if {@code slos} is null
     */
    public Thread saveOnShutdown(SloRegistry slos) {
        Objects.requireNonNull(slos, "slos must not be null");
        Thread hook = new Thread(() -> saveLogged(slos), "slo-snapshot-on-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Saves a fresh snapshot; logs a failure instead of throwing, so a schedule goes on. */
    private void saveLogged(SloRegistry slos) {
        try {
            save(slos.snapshot());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "saving the SLO snapshot to " + file + " failed; the previous one is kept", e);
        }
    }

    @Override
    public String toString() {
        return "SnapshotStore[" + file + "]";
    }
}
