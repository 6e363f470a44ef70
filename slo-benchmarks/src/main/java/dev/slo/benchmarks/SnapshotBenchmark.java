package dev.slo.benchmarks;

import dev.slo.Budgeting;
import dev.slo.ManualClock;
import dev.slo.Owner;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Snapshot;
import dev.slo.Window;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of snapshots of a 100-SLO registry whose 30-day history is full: taking one, encoding it,
 * decoding it; and what taking them does to a thread recording meanwhile.
 *
 * <p>The registry ({@link Registry}) holds 60 ratio SLOs, 30 latency SLOs (their distributions too) and
 * 10 gauge SLOs budgeted by 1-minute slices, filled through {@link ManualClock} with 31 days of traffic:
 * per SLO and minute 1,000 events (a ratio SLO), 4 timed events (a latency SLO) or 2 readings (a gauge).
 *
 * <p>The {@code record*} groups run on a registry of the same 100 SLOs on the system clock: one thread
 * records into a ratio SLO, alone ({@code recordAlone}) or while a second thread takes snapshots of the
 * whole registry back to back ({@code recordWhileSnapshotting}). Compare the {@code record} rows.
 *
 * <pre>
 * mvn -q -B -pl slo-benchmarks -am package -DskipTests
 * java -jar slo-benchmarks/target/benchmarks.jar SnapshotBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class SnapshotBenchmark {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final int RATIO = 60;
    static final int LATENCY = 30;
    static final int GAUGE = 10;

    /** The 100 SLOs of the benchmark, defined in {@code slos}. */
    static List<Slo> define(SloRegistry slos) {
        List<Slo> out = new ArrayList<>();
        for (int i = 0; i < RATIO + LATENCY + GAUGE; i++) {
            Sli sli = i < RATIO ? Sli.ratio() : i < RATIO + LATENCY ? Sli.latency(Duration.ofMillis(250)) : Sli.gaugeAtMost(100);
            var builder = slos.define("slo-" + i).internal("benchmark SLO " + i).ownedBy(Owner.team("bench")).sli(sli)
                    .target(0.999).window(Window.rolling(Duration.ofDays(30)));
            if (i >= RATIO + LATENCY) {
                builder.budgeting(Budgeting.timeslices(Duration.ofMinutes(1)));
            }
            out.add(builder.register());
        }
        return out;
    }

    /** 31 days of traffic, minute by minute; leaves the clock at the end. */
    static void fill(List<Slo> slos, ManualClock clock) {
        for (int minute = 0; minute < 31 * 24 * 60; minute++) {
            for (int i = 0; i < slos.size(); i++) {
                Slo slo = slos.get(i);
                if (i < RATIO) {
                    long bad = (minute + i) % 7 == 0 ? 1 : 0;
                    slo.recordCounts(1_000 - bad, bad);
                } else if (i < RATIO + LATENCY) {
                    for (int e = 0; e < 4; e++) {
                        slo.record(true, ((minute * 31L + e * 17L + i) % 300) * 1_000_000L);
                    }
                } else {
                    slo.observe((minute + i) % 103);
                    slo.observe((minute * 7 + i) % 97);
                }
            }
            clock.advance(Duration.ofMinutes(1));
        }
    }

    /** The filled registry, one snapshot of it and that snapshot's bytes. */
    @State(Scope.Benchmark)
    public static class Registry {
        SloRegistry slos;
        Snapshot snapshot;
        byte[] bytes;

        @Setup
        public void setUp() {
            ManualClock clock = ManualClock.at(START);
            slos = SloRegistry.create(clock);
            fill(define(slos), clock);
            snapshot = slos.snapshot();
            bytes = encode(snapshot);
        }
    }

    static byte[] encode(Snapshot snapshot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try {
            snapshot.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Takes a snapshot of every SLO: copies every tier of every recorder. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Snapshot take(Registry registry) {
        return registry.slos.snapshot();
    }

    /** Encodes the snapshot into memory (about {@link Registry#bytes} long). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] encode(Registry registry) {
        return encode(registry.snapshot);
    }

    /** Decodes the snapshot's bytes, checking every section's CRC-32 and every count. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Snapshot decode(Registry registry) throws IOException {
        return Snapshot.readFrom(new ByteArrayInputStream(registry.bytes));
    }

    /** The same 100 SLOs on the system clock, for the recording groups. */
    @State(Scope.Group)
    public static class Live {
        SloRegistry slos;
        Slo target;

        @Setup
        public void setUp() {
            slos = SloRegistry.create();
            target = define(slos).get(0);
        }
    }

    /** Records alone: the baseline of {@link #recordWhileSnapshotting}. */
    @Benchmark
    @Group("recordAlone")
    @GroupThreads(1)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void record(Live live, Traffic traffic) {
        live.target.record(Traffic.success(traffic.next()));
    }

    /** Records while the other thread of the group takes snapshots back to back. */
    @Benchmark
    @Group("recordWhileSnapshotting")
    @GroupThreads(1)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void recordWithSnapshots(Live live, Traffic traffic) {
        live.target.record(Traffic.success(traffic.next()));
    }

    /** Takes snapshots of the live registry, back to back. */
    @Benchmark
    @Group("recordWhileSnapshotting")
    @GroupThreads(1)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Snapshot snapshotter(Live live) {
        return live.slos.snapshot();
    }
}
