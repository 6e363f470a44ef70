package dev.slo.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.ManualClock;
import dev.slo.Owner;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Snapshot;
import dev.slo.Window;
import java.time.Duration;
import java.util.List;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The snapshot benchmark measures a full 100-SLO registry, and what it decodes is what it encoded. */
final class SnapshotBenchmarkTest {

    @Test
    void theRegistryHoldsAHundredFullSlosAndItsSnapshotRoundTrips() throws IOException {
        SnapshotBenchmark.Registry registry = new SnapshotBenchmark.Registry();
        registry.setUp();
        assertEquals(100, registry.snapshot.names().size());
        long total = registry.slos.find("slo-0").orElseThrow().errorBudget().total();
        assertTrue(total >= 719L * 60 * 1_000 && total <= 720L * 60 * 1_000, () -> "a full 30-day window, got " + total);
        assertEquals(registry.snapshot, Snapshot.readFrom(new ByteArrayInputStream(registry.bytes)));
    }

    /** The aim: a 30-day ratio SLO snapshots in under 8 KB. */
    @Test
    void aThirtyDayRatioSloSnapshotsInUnderEightKilobytes() {
        ManualClock clock = ManualClock.at(SnapshotBenchmark.START);
        SloRegistry slos = SloRegistry.create(clock);
        List<Slo> one = SnapshotBenchmark.define(slos).subList(0, 1);
        SnapshotBenchmark.fill(one, clock);
        SloRegistry alone = SloRegistry.create(ManualClock.at(clock.instant()));
        alone.define("slo-0").internal("benchmark SLO 0").ownedBy(Owner.team("bench")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(30))).register();
        alone.restore(Snapshot.merge(List.of(slos.snapshot())));   // that SLO alone (the others are ignored)
        int bytes = SnapshotBenchmark.encode(alone.snapshot()).length;
        assertTrue(bytes < 8 * 1024, () -> bytes + " bytes");
    }
}
