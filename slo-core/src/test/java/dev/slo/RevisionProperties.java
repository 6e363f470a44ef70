package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.*;
import net.jqwik.api.constraints.*;

/** Revisions change the target only: every recorded event stays, and the budget follows the new target. */
final class RevisionProperties {

    @Property(tries = 200)
    void revisionsKeepEvents(
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 500) Integer> goods,
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 50) Integer> bads,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 9999) Integer> targetsInBasisPoints) {
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        SloRegistry slos = SloRegistry.create(clock);
        Owner team = Owner.team("t");
        Slo slo = slos.define("s").internal("x").ownedBy(team).sli(Sli.ratio()).target(0.5)
                .window(Window.rolling(Duration.ofDays(30))).register();
        long good = 0;
        long total = 0;
        int revisions = 0;
        for (int i = 0; i < Math.max(goods.size(), targetsInBasisPoints.size()); i++) {
            int g = goods.get(i % goods.size());
            int b = bads.get(i % bads.size());
            slo.recordCounts(g, b);
            good += g;
            total += g + b;
            clock.advance(Duration.ofMinutes(17));
            double target = targetsInBasisPoints.get(i % targetsInBasisPoints.size()) / 10_000.0;
            if (target != slo.spec().target()) {
                slo.revise(target, team, "step " + i);
                revisions++;
            }
            ErrorBudget budget = slo.errorBudget();
            assertEquals(total, budget.total());
            assertEquals(good, budget.good());
            assertEquals(target, budget.target());
            assertEquals(ErrorBudget.of(total, good, target), budget);
        }
        assertEquals(revisions, slo.revisions().size());
        for (int i = 1; i < slo.revisions().size(); i++) {
            assertEquals(slo.revisions().get(i - 1).to(), slo.revisions().get(i).from(), "revisions chain");
        }
    }
}
