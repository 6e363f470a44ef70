package dev.slo.benchmarks;

import dev.slo.Owner;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Window;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
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
 * The cost of recording one event into an SLO, beside JDK baselines and the floor of any
 * time-bucketed recorder ({@link FloorRecorder}), all measured in the same run.
 *
 * <p>All threads share one state ({@link Scope#Benchmark}): with {@code -t 2} both threads record
 * into the same SLO, the same LongAdder, the same lock, as two request threads of one service would.
 * Each thread draws its events from its own {@link Traffic} (a xorshift generator, no allocation).
 * The registry uses the system UTC clock, as in production, so buckets roll every 10 seconds.
 *
 * <p>The aims (issue 2): {@link #recordLatency} at most 1.2x {@link #floor}, 0 B/op, and with
 * {@code -t 2} at least 1.7x the throughput of {@code -t 1} (average time per op at most 2 / 1.7 =
 * 1.18x the one-thread figure).
 *
 * <pre>
 * mvn -q -B -pl slo-benchmarks -am package -DskipTests
 * java -jar slo-benchmarks/target/benchmarks.jar RecordBenchmark -t 1 -prof gc
 * java -jar slo-benchmarks/target/benchmarks.jar RecordBenchmark -t 2 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class RecordBenchmark {
    /** The latency SLO's threshold: 250 ms. */
    static final Duration THRESHOLD = Duration.ofMillis(250);

    private Clock clock;
    private Slo ratio;
    private Slo latency;
    private FloorRecorder floor;
    private final LongAdder adder = new LongAdder();
    private final AtomicLong atomic = new AtomicLong();
    private final Object lock = new Object();
    private long synchronizedCount;

    /** One registry on the system clock with a 30-day ratio SLO and a 30-day latency SLO. */
    @Setup
    public void setUp() {
        SloRegistry slos = SloRegistry.create();
        clock = slos.clock();
        ratio = slos.define("checkout-completes").customerFacing("Checkout completes")
                .ownedBy(Owner.product("shop"), Owner.engineering("checkout")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(30))).register();
        latency = slos.define("auth-latency").internal("auth-svc answers within 250 ms")
                .ownedBy(Owner.team("identity")).sli(Sli.latency(THRESHOLD)).target(0.99)
                .window(Window.rolling(Duration.ofDays(30))).register();
        floor = new FloorRecorder(clock, THRESHOLD.toNanos(), stripes());
    }

    /** The floor's stripes: as many as the library's recorder may grow to (2 x cores rounded up to a power of two, 2 to 32). */
    static int stripes() {
        int wanted = 2 * Runtime.getRuntime().availableProcessors();
        int pow2 = Integer.highestOneBit(Math.max(1, wanted - 1)) << 1;
        return Math.min(32, Math.max(2, pow2));
    }

    /** {@code Slo.record(boolean)} on a ratio SLO. */
    @Benchmark
    public void recordRatio(Traffic traffic) {
        ratio.record(Traffic.success(traffic.next()));
    }

    /** {@code Slo.record(boolean, long)} on a latency SLO: the call the 1.2x-floor aim is about. */
    @Benchmark
    public void recordLatency(Traffic traffic) {
        long r = traffic.next();
        latency.record(Traffic.success(r), Traffic.latencyNanos(r));
    }

    /** The floor: the same events into {@link FloorRecorder}. */
    @Benchmark
    public void floor(Traffic traffic) {
        long r = traffic.next();
        floor.record(Traffic.success(r), Traffic.latencyNanos(r));
    }

    /** Baseline: drawing an event alone (part of recordRatio, recordLatency and floor). */
    @Benchmark
    public long xorshift(Traffic traffic) {
        return traffic.next();
    }

    /** Baseline: {@code System.nanoTime()}. */
    @Benchmark
    public long nanoTime() {
        return System.nanoTime();
    }

    /** Baseline: the clock read the recorder does on every call ({@code Clock.systemUTC().millis()}). */
    @Benchmark
    public long clockMillis() {
        return clock.millis();
    }

    /** Baseline: {@code LongAdder.increment()}, shared by all threads. */
    @Benchmark
    public void longAdder() {
        adder.increment();
    }

    /** Baseline: {@code AtomicLong.incrementAndGet()}, shared by all threads. */
    @Benchmark
    public long atomicLong() {
        return atomic.incrementAndGet();
    }

    /** Baseline: a counter behind one shared monitor (what the recorder must not be). */
    @Benchmark
    public long synchronizedCounter() {
        synchronized (lock) {
            return ++synchronizedCount;
        }
    }
}
