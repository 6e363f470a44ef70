package dev.slo.benchmarks;

import dev.slo.BurnRateAlert;
import dev.slo.ErrorBudget;
import dev.slo.ManualClock;
import dev.slo.Owner;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * The cost of the queries a dashboard or an alert loop asks of a 30-day SLO whose history is full.
 *
 * <p>The SLO (99.9% over a rolling 30 days, the SRE Workbook policy) is filled in {@link #fill}: 31
 * days of {@link ManualClock} time, 1,000 events a minute with 1 bad in 2,000 (burn rate 0.5), then a
 * last hour with 20 bad in 1,000 (burn rate 20), so that {@link #alerts} returns the 1-hour page and
 * measures the path that builds an alert. The clock then stands still: each query drains and sums,
 * none rolls.
 *
 * <pre>
 * mvn -q -B -pl slo-benchmarks -am package -DskipTests
 * java -jar slo-benchmarks/target/benchmarks.jar QueryBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class QueryBenchmark {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final int EVENTS_PER_MINUTE = 1_000;

    private Slo slo;

    /** Builds and fills the SLO. */
    @Setup
    public void setUp() {
        ManualClock clock = ManualClock.at(START);
        slo = SloRegistry.create(clock).define("checkout-completes").customerFacing("Checkout completes")
                .ownedBy(Owner.product("shop"), Owner.engineering("checkout")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(30))).register();
        fill(slo, clock);
    }

    /** 31 days of steady traffic at burn 0.5, then one hour at burn 20. Leaves the clock at the end. */
    static void fill(Slo slo, ManualClock clock) {
        int steadyMinutes = 31 * 24 * 60;
        for (int minute = 0; minute < steadyMinutes; minute++) {
            // 1 bad in 2,000: a 0.05% error ratio over a 0.1% budget is a burn of 0.5; 1,000 a minute
            // gives 1 bad event every other minute.
            long bad = minute % 2 == 0 ? 1 : 0;
            slo.recordCounts(EVENTS_PER_MINUTE - bad, bad);
            clock.advance(Duration.ofMinutes(1));
        }
        for (int minute = 0; minute < 60; minute++) {
            // 20 bad in 1,000: a 2% error ratio over a 0.1% budget is a burn of 20, above the 14.4 page.
            slo.recordCounts(EVENTS_PER_MINUTE - 20, 20);
            clock.advance(Duration.ofMinutes(1));
        }
    }

    /** The budget over the 30-day window: sums the hourly tier (about 720 buckets). */
    @Benchmark
    public ErrorBudget errorBudget() {
        return slo.errorBudget();
    }

    /** The burn rate over the last hour: sums the 1-minute tier (60 buckets). */
    @Benchmark
    public double burnRate1h() {
        return slo.burnRate(Duration.ofHours(1));
    }

    /** The four rules of the SRE Workbook policy (eight look-backs in one locked pass); one page fires. */
    @Benchmark
    public List<BurnRateAlert> alerts() {
        return slo.alerts();
    }
}
