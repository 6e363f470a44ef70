package dev.slo.benchmarks;

import dev.slo.Budgeting;
import dev.slo.Owner;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Window;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
 * A gauge reading on the hot path: {@code Slo.observe(long)} on a queue-depth SLO (at most 100, judged by
 * 1-minute slices) on the system clock, with a ratio SLO's {@code record(boolean)} in the same run for scale.
 *
 * <pre>
 * java -jar slo-benchmarks/target/benchmarks.jar GaugeBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class GaugeBenchmark {
    private Slo gauge;
    private Slo ratio;

    /** A gauge SLO and a ratio SLO on the system clock. */
    @Setup
    public void setUp() {
        SloRegistry slos = SloRegistry.create();
        gauge = slos.define("queue-depth").internal("the order queue stays short").ownedBy(Owner.team("orders"))
                .sli(Sli.gaugeAtMost(100)).target(0.99).window(Window.rolling(Duration.ofDays(30)))
                .budgeting(Budgeting.timeslices(Duration.ofMinutes(1))).register();
        ratio = slos.define("checkout").internal("checkout completes").ownedBy(Owner.team("checkout")).sli(Sli.ratio())
                .target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
    }

    /** One reading of the queue's depth, from 0 to 127. */
    @Benchmark
    public void observe(Traffic traffic) {
        gauge.observe(traffic.next() & 127);
    }

    /** One event of the ratio SLO, for scale. */
    @Benchmark
    public void recordRatio(Traffic traffic) {
        ratio.record(Traffic.success(traffic.next()));
    }
}
