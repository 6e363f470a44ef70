package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Groups in snapshots: written and read back, merged across instances by value, restored into their groups. */
final class GroupSnapshotTest {
    private static Slo api(SloRegistry slos, int maxGroups) {
        return slos.define("api").internal("api answers").ownedBy(Owner.team("api")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(Fixtures.DAYS_30)).groupedBy("endpoint", maxGroups).register();
    }

    private static Snapshot roundTrip(Snapshot snapshot) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        snapshot.writeTo(out);
        return Snapshot.readFrom(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void groupsAreWrittenReadMergedAndRestored_eachIntoItsOwnGroup() throws IOException {
        ManualClock clock = Fixtures.clock();
        SloRegistry a = SloRegistry.create(clock);
        SloRegistry b = SloRegistry.create(clock);
        Slo apiA = api(a, 10);
        Slo apiB = api(b, 10);
        apiA.group("/pay").recordCounts(90, 10);
        apiA.group("/search \"quoted\" é").recordCounts(50, 0);
        clock.advance(Duration.ofMinutes(3));
        apiB.group("/pay").recordCounts(9, 1);
        apiB.group("/cart").recordCounts(5, 5);
        apiB.recordCounts(1, 0);                                   // the whole alone

        Snapshot snapshotA = a.snapshot();
        assertEquals(List.of("api", "api{endpoint=\"/pay\"}", "api{endpoint=\"/search \\\"quoted\\\" é\"}"), snapshotA.names());
        assertEquals(snapshotA, roundTrip(snapshotA));
        Snapshot fleet = Snapshot.merge(List.of(snapshotA, b.snapshot()));
        assertEquals(List.of("api", "api{endpoint=\"/pay\"}", "api{endpoint=\"/search \\\"quoted\\\" é\"}", "api{endpoint=\"/cart\"}"),
                fleet.names());

        SloRegistry restored = SloRegistry.create(clock);
        Slo api = api(restored, 10);
        RestoreResult result = restored.restore(roundTrip(fleet));
        assertEquals(fleet.names(), result.restored());
        assertEquals(List.of(), result.ignored());
        assertEquals(List.of(99L, 11L), List.of(api.group("/pay").errorBudget().good(), api.group("/pay").errorBudget().bad()));
        assertEquals(50, api.group("/search \"quoted\" é").errorBudget().total());
        assertEquals(10, api.group("/cart").errorBudget().total());
        assertEquals(171, api.errorBudget().total());              // the wholes' own counts, not the groups' again
        assertEquals(restored.snapshot(), fleet);
    }

    @Test
    void aMerge_listsEachGroupAfterItsSlo_whicheverInstanceHadIt() {
        ManualClock clock = Fixtures.clock();
        SloRegistry a = SloRegistry.create(clock);
        SloRegistry b = SloRegistry.create(clock);
        for (SloRegistry r : List.of(a, b)) {
            api(r, 10);
            Fixtures.ratioSlo(r, "search", 0.99, Window.rolling(Fixtures.DAYS_30));
        }
        a.find("api").orElseThrow().group("/pay").record(true);
        b.find("api").orElseThrow().group("/cart").record(true);
        assertEquals(List.of("api", "api{endpoint=\"/pay\"}", "api{endpoint=\"/cart\"}", "search"),
                Snapshot.merge(List.of(a.snapshot(), b.snapshot())).names());
    }

    @Test
    void intoAnSloNotGroupedSo_theGroupsAreIgnored_andIntoASmallerCap_theyOverflow() {
        ManualClock clock = Fixtures.clock();
        SloRegistry source = SloRegistry.create(clock);
        Slo api = api(source, 10);
        api.group("a").recordCounts(1, 0);
        api.group("b").recordCounts(2, 0);
        api.group("c").recordCounts(4, 0);
        Snapshot snapshot = source.snapshot();

        SloRegistry plain = SloRegistry.create(clock);
        Slo notGrouped = Fixtures.ratioSlo(plain, "api", 0.99, Window.rolling(Fixtures.DAYS_30));
        RestoreResult result = plain.restore(snapshot);
        assertEquals(List.of("api"), result.restored());
        assertEquals(List.of("api{endpoint=\"a\"}", "api{endpoint=\"b\"}", "api{endpoint=\"c\"}"), result.ignored());
        assertEquals(7, notGrouped.errorBudget().total());

        SloRegistry small = SloRegistry.create(clock);
        Slo capped = api(small, 1);
        small.restore(snapshot);
        assertEquals(1, capped.group("a").errorBudget().total());
        assertEquals(6, capped.group(Grouping.OVERFLOW).errorBudget().total());
        assertEquals(2, capped.groups().size());
    }
}
