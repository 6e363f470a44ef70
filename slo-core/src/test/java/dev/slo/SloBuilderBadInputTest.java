package dev.slo;

import static dev.slo.Rejections.row;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.Rejections.Recorded;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** Bad input to {@link SloBuilder}: each setter's, and register's with a field missing or settings that do not fit together. */
final class SloBuilderBadInputTest implements Rejections.Table {
    private final Recorded recorded = new Recorded();

    @Test void customerFacing_null() {
        recorded.rejects(NullPointerException.class, () -> recorded.builder().customerFacing(null), "outcome");
    }
    @Test void customerFacing_blank() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.builder().customerFacing("  "), "outcome", "\"  \"");
    }
    @Test void internal_null() {
        recorded.rejects(NullPointerException.class, () -> recorded.builder().internal(null), "description");
    }
    @Test void internal_blank() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.builder().internal(""), "description", "\"\"");
    }
    @Test void ownedBy_nullArray() {
        recorded.rejects(NullPointerException.class, () -> recorded.builder().ownedBy((Owner[]) null), "owners");
    }
    @Test void ownedBy_nullOwner() {
        recorded.rejects(NullPointerException.class, () -> recorded.builder().ownedBy(Owner.team("a"), null), "owners[1]");
    }
    @Test void ownedBy_none() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.builder().ownedBy(), "owners", "none");
    }
    @Test void ownedBy_repeated() {
        recorded.rejects(IllegalArgumentException.class,
                () -> recorded.builder().ownedBy(Owner.team("a"), Owner.engineering("a")),
                "owners", "engineering:a");
    }
    @Test void sli_null() { recorded.rejects(NullPointerException.class, () -> recorded.builder().sli(null), "sli"); }
    @Test void target_percentage() {
        recorded.rejects(IllegalArgumentException.class,
                () -> recorded.builder().target(99.9), "target", "got 99.9", "did you mean 0.999?");
    }
    @Test void target_zero() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.builder().target(0), "target", "got 0.0");
    }
    @Test void target_one() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.builder().target(1), "target", "got 1.0");
    }
    @Test void target_negative() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.builder().target(-0.5), "target", "got -0.5");
    }
    @Test void target_nan() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.builder().target(Double.NaN), "target", "got NaN");
    }
    @Test void target_infinite() {
        recorded.rejects(IllegalArgumentException.class,
                () -> recorded.builder().target(Double.POSITIVE_INFINITY), "target", "got Infinity");
    }
    @Test void window_null() { recorded.rejects(NullPointerException.class, () -> recorded.builder().window(null), "window"); }
    @Test void alertPolicy_null() {
        recorded.rejects(NullPointerException.class, () -> recorded.builder().alertPolicy(null), "policy");
    }
    @Test void budgeting_null() {
        recorded.rejects(NullPointerException.class, () -> recorded.builder().budgeting(null), "budgeting");
    }

    @Test
    void aSliceThatDoesNotDivideTheWindowIsRejectedAtRegister() {
        SloRegistry slos = SloRegistry.create(ManualClock.at(Instant.parse("2026-01-05T00:00:00Z")));
        // 45-minute slices divide a day (86400 / 2700 = 32) but not a 1-hour window.
        SloBuilder builder = slos.define("g").internal("short queue").ownedBy(Owner.team("t")).sli(Sli.gaugeAtMost(5))
                .target(0.99).budgeting(Budgeting.timeslices(Duration.ofMinutes(45)))
                .window(Window.rolling(Duration.ofHours(1)));
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::register);
        assertTrue(e.getMessage().contains("45m") && e.getMessage().contains("1h"), e.getMessage());
        assertTrue(slos.find("g").isEmpty());
    }

    /** The rows this type adds to the table of rejected calls that {@link Rejections.Table} runs. */
    static Stream<Arguments> cases() {
        Duration hour = Duration.ofHours(1);
        return Stream.of(
                row("customerFacing with a newline",
                        w -> w.slos.define("fresh").customerFacing("Checkout\ncompletes"),
                        IllegalArgumentException.class, "outcome must not hold control characters, got \"Checkout\\ncompletes\""),
                row("internal with a NUL", w -> w.slos.define("fresh").internal("auth\u0000"),
                        IllegalArgumentException.class, "description must not hold control characters, got \"auth\\u0000\""),
                row("internal blank of newlines", w -> w.slos.define("fresh").internal("\n\n"),
                        IllegalArgumentException.class, "description must not be blank, got \"\\n\\n\""),
                row("target as a percentage", w -> w.slos.define("fresh").target(99.9),
                        IllegalArgumentException.class, "got 99.9 (did you mean 0.999?)"),
                row("ownedBy nobody", w -> w.slos.define("fresh").ownedBy(),
                        IllegalArgumentException.class, "owners must name at least one owner, got none"),
                row("register with no SLI", w -> w.slos.define("fresh").internal("x").ownedBy(w.eng).target(0.99)
                                .window(Window.rolling(hour)).register(),
                        IllegalStateException.class, "sli is required"));
    }
}
