package dev.slo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A child process for the crash test: a registry with an SLO of every kind records seeded traffic and
 * saves its snapshot through a {@link SnapshotStore} after every simulated minute, forever, until it is
 * killed. Its clock starts {@code base} seconds after the scenario's start, so later runs save later snapshots.
 */
public final class StoreSaveLoop {
    private StoreSaveLoop() {}

    public static void main(String[] args) throws IOException {
        SnapshotStore store = SnapshotStore.at(Path.of(args[0]));
        long seed = Long.parseLong(args[1]);
        SnapshotScenario scenario = new SnapshotScenario(SnapshotScenario.START.plusSeconds(Long.parseLong(args[2])));
        for (long minute = 0; ; minute++) {
            scenario.traffic(seed + minute, Duration.ofMinutes(1), true);
            store.save(scenario.slos.snapshot());
        }
    }
}
