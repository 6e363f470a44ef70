package dev.slo;

import java.time.Duration;
import java.time.Instant;

/** A registry on a manual clock with short helpers to define customer and internal SLOs. */
final class CascadeFixture {
    final ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    final SloRegistry slos = SloRegistry.create(clock);

    Slo customer(String name, double target) {
        return slos.define(name).customerFacing(name + " works")
                .ownedBy(Owner.product(name + "-pm"), Owner.engineering(name + "-eng"))
                .sli(Sli.ratio()).target(target).window(Window.rolling(Duration.ofDays(30))).register();
    }

    Slo internal(String name, double target) {
        return slos.define(name).internal(name + " answers")
                .ownedBy(Owner.team(name + "-team"))
                .sli(Sli.ratio()).target(target).window(Window.rolling(Duration.ofDays(30))).register();
    }
}
