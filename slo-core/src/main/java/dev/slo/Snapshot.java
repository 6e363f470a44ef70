package dev.slo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of a registry's SLOs at one moment, so that it survives a restart ({@link SloRegistry#restore})
 * and the instances of a fleet add up ({@link #merge}). Immutable and thread-safe.
 *
 * <pre>{@code
 * Snapshot snap = slos.snapshot();                 // never blocks the threads recording
 * snap.writeTo(out);                               // compact, versioned, checksummed bytes
 * Snapshot back = Snapshot.readFrom(in);           // SnapshotFormatException on anything else
 * Snapshot fleet = Snapshot.merge(List.of(a, b));  // counts add bucket by bucket
 * RestoreResult done = slos.restore(fleet);        // all or nothing
 * }</pre>
 *
 * <p>Per SLO it holds: the definition facts a restore checks (name, SLI with its parameters, window,
 * budgeting), every tier's buckets of events as the SLO keeps them (10-second, 1-minute, 5-minute and
 * hourly, aligned to epoch time), the latency distribution of a latency SLI, the excluded events, the
 * slice verdicts and the open slice's readings under time-slice budgeting, and a deadline SLI's runs in
 * flight. Each SLO's part is one consistent view of it; taking it allocates in proportion to the
 * buckets kept, not to the traffic. The bytes are described in {@code SNAPSHOT-FORMAT.md}.
 *
 * <p><b>Fleets.</b> Buckets are aligned to epoch time, so the snapshots of instances whose clocks differ
 * by seconds line up bucket by bucket; a merge keeps the newest buckets. Events add exactly: the merge
 * of N instances' snapshots answers as one registry that saw all their events. Time slices are judged
 * per instance, so a merged fleet of two counts two verdicts per slice (the slice readings of the
 * instances are never mixed once judged); open slices of the same instant add their readings.
 */
public final class Snapshot {
    private final long takenAtMillis;
    /** In the registry's definition order; names unique. */
    private final List<SloState> states;

    Snapshot(long takenAtMillis, List<SloState> states) {
        this.takenAtMillis = takenAtMillis;
        this.states = List.copyOf(states);
    }

    /** {@return the clock reading the snapshot was taken at (for a merge: the latest of its parts)} */
    public Instant takenAt() {
        return Instant.ofEpochMilli(takenAtMillis);
    }

    /**
     * {@return the names of the SLOs it holds, in the registry's definition order; a group of a grouped SLO
     * follows it, named with its label and value, e.g. {@code api{endpoint="/pay"}}}
     */
    public List<String> names() {
        List<String> names = new ArrayList<>(states.size());
        for (SloState state : states) {
            names.add(state.label());
        }
        return List.copyOf(names);
    }

    /**
     * Writes the snapshot to {@code out}, as described in {@code SNAPSHOT-FORMAT.md}: a magic number, the
     * format version, then sections each with its length and CRC-32. The stream is not closed. A 30-day
     * ratio SLO at steady traffic takes about 3 KB.
     *
     * @param out where to write
     * @throws NullPointerException if {@code out} is null
     * @throws IOException if writing fails
     */
    public void writeTo(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out must not be null");
        SnapshotCodec.write(takenAtMillis, states, out);
    }

    /**
     * Reads a snapshot written by {@link #writeTo}. Reads up to the snapshot's end section and no further.
     * Memory stays bounded by what the stream holds: a declared length is never trusted before its bytes
     * have arrived.
     *
     * @param in where to read
     * @return the snapshot, equal to the one written
     * @throws NullPointerException if {@code in} is null
     * @throws SnapshotFormatException if the bytes are not a whole snapshot this library reads: corrupt,
     *     truncated, foreign, or of a newer format version (the message says which, and where)
     * @throws IOException if reading fails
     */
    public static Snapshot readFrom(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in must not be null");
        return SnapshotCodec.read(in);
    }

    /**
     * The fleet's view: the SLOs of every snapshot, matched by name (groups by name, label and value; in the order first met), their
     * counts added bucket by bucket (see the class notes); taken at the latest of their times.
     *
     * @param snapshots one or more snapshots, e.g. of every instance of a service
     * @return the merged snapshot
     * @throws NullPointerException if {@code snapshots} or one of them is null
     * @throws IllegalArgumentException if {@code snapshots} is empty, or two hold a same-named SLO of another
     *     SLI (kind or parameter), window or budgeting (the message names the SLO)
     */
    public static Snapshot merge(List<Snapshot> snapshots) {
        Objects.requireNonNull(snapshots, "snapshots must not be null");
        if (snapshots.isEmpty()) {
            throw new IllegalArgumentException("snapshots must not be empty, got []");
        }
        Map<String, SloState> merged = new LinkedHashMap<>();
        long takenAt = Long.MIN_VALUE;
        for (int i = 0; i < snapshots.size(); i++) {
            Snapshot snapshot = Objects.requireNonNull(snapshots.get(i), "snapshots must not hold null, got null at " + i);
            takenAt = Math.max(takenAt, snapshot.takenAtMillis);
            for (SloState state : snapshot.states) {
                merged.merge(state.key(), state, SloState::sum);
            }
        }
        return new Snapshot(takenAt, groupsAfterTheirSlo(merged.values()));
    }

    /** The states in the order first met, but each group right after the other states of its SLO (as a registry lists them). */
    private static List<SloState> groupsAfterTheirSlo(Collection<SloState> states) {
        Map<String, List<SloState>> bySlo = new LinkedHashMap<>();
        for (SloState state : states) {
            bySlo.computeIfAbsent(state.name(), name -> new ArrayList<>()).add(state);
        }
        List<SloState> ordered = new ArrayList<>(states.size());
        for (List<SloState> ofOne : bySlo.values()) {
            ofOne.stream().filter(s -> s.group() == null).forEach(ordered::add);
            ofOne.stream().filter(s -> s.group() != null).forEach(ordered::add);
        }
        return ordered;
    }

    /** {@return the SLOs' states, in order} */
    List<SloState> states() {
        return states;
    }

    /** Two snapshots are equal when they hold the same SLOs with the same counts, taken at the same time. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot s && s.takenAtMillis == takenAtMillis && s.states.equals(states);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(takenAtMillis) * 31 + states.hashCode();
    }

    /** {@return the time taken and the SLOs' names, e.g. {@code Snapshot[2026-12-01T00:00:00Z, checkout, search]}} */
    @Override
    public String toString() {
        return "Snapshot[" + takenAt() + (states.isEmpty() ? "" : ", " + String.join(", ", names())) + "]";
    }
}
