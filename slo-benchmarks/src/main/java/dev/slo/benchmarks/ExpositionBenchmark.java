package dev.slo.benchmarks;

import dev.slo.ManualClock;
import dev.slo.SloRegistry;
import dev.slo.export.Prometheus;
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
 * The cost of one scrape: {@link Prometheus#exposition} of the 100-SLO registry of {@link SnapshotBenchmark}
 * (60 ratio, 30 latency, 10 gauge SLOs by slices, 31 days of traffic), the clock standing still; and a
 * thread recording into one of 100 SLOs on the system clock, alone ({@code recordAlone}) or while another
 * thread scrapes them back to back ({@code recordWhileScraped}).
 *
 * <pre>
 * mvn -q -B -pl slo-benchmarks -am package -DskipTests
 * java -jar slo-benchmarks/target/benchmarks.jar ExpositionBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class ExpositionBenchmark {
    SloRegistry slos;

    /** Builds and fills the registry. */
    @Setup
    public void setUp() {
        ManualClock clock = ManualClock.at(SnapshotBenchmark.START);
        slos = SloRegistry.create(clock);
        SnapshotBenchmark.fill(SnapshotBenchmark.define(slos), clock);
    }

    /** The text of one scrape of the 100 SLOs. */
    @Benchmark
    public String exposition() {
        return Prometheus.exposition(slos);
    }

    /** Records alone: the baseline of {@link #recordWhileScraped}. */
    @Benchmark
    @Group("recordAlone")
    @GroupThreads(1)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void record(SnapshotBenchmark.Live live, Traffic traffic) {
        live.target.record(Traffic.success(traffic.next()));
    }

    /** Records while the other thread of the group scrapes the registry back to back. */
    @Benchmark
    @Group("recordWhileScraped")
    @GroupThreads(1)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void recordWhileScraped(SnapshotBenchmark.Live live, Traffic traffic) {
        live.target.record(Traffic.success(traffic.next()));
    }

    /** Scrapes the live registry, back to back. */
    @Benchmark
    @Group("recordWhileScraped")
    @GroupThreads(1)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public String scraper(SnapshotBenchmark.Live live) {
        return Prometheus.exposition(live.slos);
    }
}
