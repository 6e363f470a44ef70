package dev.slo.benchmarks;

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
 * Recording into a group of a grouped SLO ({@code slo.group(value).record(ok)}, the value one of 20 seen
 * before) beside recording into an SLO that is not grouped, in the same run: the lookup allocates nothing
 * (0 B/op), and a grouped event costs the group's count and the whole's. Also a flood of values beyond the
 * cap, which all go to the overflow group without a lock or memory.
 *
 * <pre>
 * mvn -q -B -pl slo-benchmarks -am package -DskipTests
 * java -jar slo-benchmarks/target/benchmarks.jar GroupBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class GroupBenchmark {
    /** 20 endpoints, seen before the measurement: each has its group. */
    private final String[] endpoints = new String[20];
    /** 1,000 values beyond a cap of 20: each call finds the overflow group. */
    private final String[] beyond = new String[1_000];
    private Slo plain;
    private Slo grouped;

    /** A 30-day ratio SLO, and the same grouped by endpoint with a cap of 20 (every group already created). */
    @Setup
    public void setUp() {
        SloRegistry slos = SloRegistry.create();
        plain = slos.define("plain").internal("api answers").ownedBy(Owner.team("api")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(30))).register();
        grouped = slos.define("grouped").internal("api answers").ownedBy(Owner.team("api")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(30))).groupedBy("endpoint", endpoints.length).register();
        for (int i = 0; i < endpoints.length; i++) {
            endpoints[i] = "/endpoint/" + i;
            grouped.group(endpoints[i]).record(true);
        }
        for (int i = 0; i < beyond.length; i++) {
            beyond[i] = "/users/" + i;
            grouped.group(beyond[i]).record(true);
        }
    }

    /** {@code record(ok)} on an SLO that is not grouped: the baseline. */
    @Benchmark
    public void plain(Traffic traffic) {
        plain.record(Traffic.success(traffic.next()));
    }

    /** {@code group(value).record(ok)} for a value with a group of its own: counted in the group and the whole. */
    @Benchmark
    public void grouped(Traffic traffic) {
        long r = traffic.next();
        grouped.group(endpoints[(int) (r >>> 40) % endpoints.length]).record(Traffic.success(r));
    }

    /** {@code group(value).record(ok)} for values beyond the cap: the overflow group, found without a lock. */
    @Benchmark
    public void overflow(Traffic traffic) {
        long r = traffic.next();
        grouped.group(beyond[(int) (r >>> 40) % beyond.length]).record(Traffic.success(r));
    }
}
