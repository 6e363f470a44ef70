package dev.slo.benchmarks;

import dev.slo.Owner;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Window;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Timing one event: {@code Slo.startTimer()} and {@code Slo.stopTimer(started, success)} beside the bare JDK
 * idiom (two {@code System.nanoTime()} reads and one increment of a log2 latency bin) and beside the
 * hand-written {@code record(success, System.nanoTime() - started)}, in the same run. The aim (issue 12): the timer
 * at most 1.1x the idiom, 0 B/op: {@link #timer} on a latency SLO (one add counts the event and bins its latency)
 * and {@link #timerRatio} (one count) against {@link #bareIdiom}; {@link #bareIdiomTwoCells} is what keeping the
 * count and the bin in two cells would cost. The registry is on the system clock, as in production.
 *
 * <pre>
 * mvn -q -B -pl slo-benchmarks -am package -DskipTests
 * java -jar slo-benchmarks/target/benchmarks.jar TimerBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class TimerBenchmark {
    private Slo latency;
    private Slo ratio;
    private final AtomicLongArray bins = new AtomicLongArray(65);
    private final AtomicLongArray counts = new AtomicLongArray(2);

    /** A 30-day latency SLO (250 ms) on the system clock. */
    @Setup
    public void setUp() {
        SloRegistry slos = SloRegistry.create();
        latency = slos.define("auth-latency").internal("auth-svc answers within 250 ms")
                .ownedBy(Owner.team("identity")).sli(Sli.latency(RecordBenchmark.THRESHOLD)).target(0.99)
                .window(Window.rolling(Duration.ofDays(30))).register();
        ratio = slos.define("checkout-completes").internal("checkout completes").ownedBy(Owner.team("checkout")).sli(Sli.ratio())
                .target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
    }

    /** {@code startTimer()} then {@code stopTimer(started, success)} on a latency SLO: the count and the latency's bin in one add. */
    @Benchmark
    public void timer(Traffic traffic) {
        long started = latency.startTimer();
        latency.stopTimer(started, Traffic.success(traffic.next()));
    }

    /** {@code startTimer()} then {@code stopTimer(started, success)} on a ratio SLO: one count, as the bare idiom's one bin. */
    @Benchmark
    public void timerRatio(Traffic traffic) {
        long started = ratio.startTimer();
        ratio.stopTimer(started, Traffic.success(traffic.next()));
    }

    /**
     * The bare idiom keeping what a latency SLO keeps, the outcome's count and the latency's bin: {@code nanoTime()}
     * twice and two increments, the baseline of {@link #timer}.
     */
    @Benchmark
    public void bareIdiomTwoCells(Traffic traffic) {
        long started = System.nanoTime();
        boolean success = Traffic.success(traffic.next());
        long nanos = System.nanoTime() - started;
        counts.getAndIncrement(success ? 1 : 0);
        bins.getAndIncrement(64 - Long.numberOfLeadingZeros(nanos));
    }

    /** The bare JDK idiom: {@code nanoTime()} twice and one increment of the latency's log2 bin. */
    @Benchmark
    public void bareIdiom(Traffic traffic) {
        long started = System.nanoTime();
        boolean success = Traffic.success(traffic.next());
        long nanos = System.nanoTime() - started;
        bins.getAndIncrement(success ? 64 - Long.numberOfLeadingZeros(nanos) : 0);
    }

    /** What a caller writes without timers: {@code nanoTime()} twice around {@code record(success, latency)}, which reads the clock too. */
    @Benchmark
    public void recordAroundNanoTime(Traffic traffic) {
        long started = System.nanoTime();
        boolean success = Traffic.success(traffic.next());
        latency.record(success, System.nanoTime() - started);
    }
}
