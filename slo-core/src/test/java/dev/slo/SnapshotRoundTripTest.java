package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A snapshot written, read back and restored into a new registry answers as the registry it was taken of, for every SLI kind. */
class SnapshotRoundTripTest {
    private static final long SEED = TestSeeds.seed();
    private static final String REPLAY = TestSeeds.replay("SnapshotRoundTripTest", SEED);

    @Test
    void aRestoredRegistryAnswersAsTheOriginalNowAfterAgeingAndAfterTheSameNewEvents() throws IOException {
        SnapshotScenario original = new SnapshotScenario(SnapshotScenario.START);
        original.traffic(SEED, Duration.ofDays(3), true);
        for (int i = 0; i < 3; i++) {                     // runs in flight at the snapshot, with their deadlines ahead
            original.slo("nightly-etl").startRun();
            original.clock.advance(Duration.ofMinutes(4));
        }
        Snapshot snapshot = original.slos.snapshot();
        byte[] bytes = SnapshotScenario.bytes(snapshot);
        Snapshot back = SnapshotScenario.read(bytes);
        assertEquals(snapshot, back, "read back, the snapshot is the one written");
        assertEquals(original.slos.all().stream().map(Slo::name).toList(), back.names());

        SnapshotScenario restored = new SnapshotScenario(original.clock.instant());
        RestoreResult result = restored.slos.restore(back);
        assertEquals(back.names(), result.restored());
        assertEquals(List.of(), result.ignored());
        assertEquals(snapshot, restored.slos.snapshot(), "restore(snapshot(r)) into an empty registry equals r");
        assertEquals(6, snapshot.states().get(2).runs().length, "three runs in flight");
        SnapshotScenario.assertSameAnswers(original.slos, restored.slos, "just restored" + REPLAY);

        original.clock.advance(Duration.ofHours(7));
        restored.clock.advance(Duration.ofHours(7));
        SnapshotScenario.assertSameAnswers(original.slos, restored.slos, "7 hours later, no new events" + REPLAY);

        original.traffic(SEED + 1, Duration.ofDays(1), false);
        restored.traffic(SEED + 1, Duration.ofDays(1), false);
        SnapshotScenario.assertSameAnswers(original.slos, restored.slos, "after the same new day of events" + REPLAY);
        assertEquals(original.slos.snapshot(), restored.slos.snapshot());
    }

    @Test
    void aRunWhoseDeadlinePassedUnnoticedBeforeTheSnapshotCountsBadInIt() {
        SnapshotScenario original = new SnapshotScenario(SnapshotScenario.START);
        original.slo("nightly-etl").startRun();
        original.clock.advance(Duration.ofHours(1));     // its deadline passed; no query has looked since
        Snapshot snapshot = original.slos.snapshot();
        SnapshotScenario restored = new SnapshotScenario(original.clock.instant());
        restored.slos.restore(snapshot);
        assertEquals(ErrorBudget.of(1, 0, 0.99), restored.slo("nightly-etl").errorBudget());
        assertEquals(original.slo("nightly-etl").errorBudget(), restored.slo("nightly-etl").errorBudget());
    }

    @Test
    void aSnapshotFromAClockSecondsAheadRestoresAsOfItsTimeAndOneMinutesAheadIsRefused() throws IOException {
        SnapshotScenario ahead = new SnapshotScenario(SnapshotScenario.START);
        ahead.traffic(SEED, Duration.ofHours(5), true);
        ahead.clock.set(ahead.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(1)));
        Snapshot atTheHour = ahead.slos.snapshot();      // its newest buckets are the empty ones opening on the hour

        SnapshotScenario behind = new SnapshotScenario(atTheHour.takenAt().minusSeconds(4));
        assertEquals(atTheHour.names(), behind.slos.restore(atTheHour).restored(), "4 s of skew across the hour");
        behind.clock.advance(Duration.ofSeconds(4));
        SnapshotScenario.assertSameAnswers(ahead.slos, behind.slos, "restored from a clock 4 s ahead" + REPLAY);

        SnapshotScenario farBehind = new SnapshotScenario(atTheHour.takenAt().minus(Duration.ofSeconds(61)));
        Snapshot before = farBehind.slos.snapshot();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> farBehind.slos.restore(atTheHour));
        assertTrue(e.getMessage().contains("did the clock go back?") && e.getMessage().contains(atTheHour.takenAt().toString()), e.getMessage());
        assertEquals(before, farBehind.slos.snapshot(), "nothing changed");
    }
}
