package dev.slo;

import static dev.slo.Rejections.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slo.Rejections.Recorded;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** Bad input to {@link SloRegistry}'s own methods: create, the name given to define, find and report. */
final class SloRegistryBadInputTest implements Rejections.Table {
    private final Recorded recorded = new Recorded();

    @Test void create_nullClock() { recorded.rejects(NullPointerException.class, () -> SloRegistry.create(null), "clock"); }
    @Test void define_nullName() { recorded.rejects(NullPointerException.class, () -> recorded.slos.define(null), "name"); }
    @Test void define_emptyName() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.slos.define(""), "name", "\"\"");
    }
    @Test void define_tooLongName() {
        String name = "n".repeat(129);
        recorded.rejects(IllegalArgumentException.class, () -> recorded.slos.define(name), "name", name);
    }
    @Test void define_badCharacter() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.slos.define("check out"), "name", "\"check out\"", "' '");
    }
    @Test void define_duplicateName() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.slos.define("existing"), "name", "\"existing\"");
    }
    @Test void find_nullName() { recorded.rejects(NullPointerException.class, () -> recorded.slos.find(null), "name"); }

    @Test
    void reportAndLintRejectNullAndChangeNothing() {
        SloRegistry slos = SloRegistry.create(Fixtures.clock());
        Slo slo = Rejections.withEvents(Fixtures.ratioSlo(slos, "svc", 0.999, Window.rolling(Fixtures.DAYS_30)));
        Rejections.rejects(NullPointerException.class, slo, () -> slos.report(null), "audience");
        ErrorBudget before = slo.errorBudget();
        slos.lint();
        slos.report(Audience.INTERNAL);
        assertEquals(before, slo.errorBudget(), "lint and report only read");
    }

    /** The rows this type adds to the table of rejected calls that {@link Rejections.Table} runs. */
    static Stream<Arguments> cases() {
        return Stream.of(
                row("define with a newline", w -> w.slos.define("a\nb"),
                        IllegalArgumentException.class, "got \"a\\nb\" (bad character '\\n' at 1)"),
                row("define with an escape character", w -> w.slos.define("red\u001b[31m"),
                        IllegalArgumentException.class, "got \"red\\u001B[31m\""),
                row("define a name already defined", w -> w.slos.define("checkout"),
                        IllegalArgumentException.class, "got \"checkout\" which is already defined"),
                row("define with a space", w -> w.slos.define("check out"),
                        IllegalArgumentException.class, "got \"check out\" (bad character ' ' at 5)"),
                row("define null", w -> w.slos.define(null), NullPointerException.class, "name must not be null"));
    }
}
