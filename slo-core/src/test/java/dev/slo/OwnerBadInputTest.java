package dev.slo;

import static dev.slo.Rejections.row;

import dev.slo.Rejections.Recorded;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** Bad input to {@link Owner}: a missing or blank name, a name with control characters, a missing role. */
final class OwnerBadInputTest implements Rejections.Table {
    private final Recorded recorded = new Recorded();

    @Test void owner_nullName() { recorded.rejects(NullPointerException.class, () -> Owner.team(null), "name"); }
    @Test void owner_blankName() { recorded.rejects(IllegalArgumentException.class, () -> Owner.product(" "), "name", "\" \""); }
    @Test void owner_nullRole() { recorded.rejects(NullPointerException.class, () -> new Owner("x", null), "role"); }

    /** The rows this type adds to the table of rejected calls that {@link Rejections.Table} runs. */
    static Stream<Arguments> cases() {
        return Stream.of(
                row("owner name with a newline", w -> Owner.product("pm\nroot"),
                        IllegalArgumentException.class, "name must not hold control characters, got \"pm\\nroot\""),
                row("owner name with a DEL", w -> Owner.team("team\u007f"),
                        IllegalArgumentException.class, "name must not hold control characters, got \"team\\u007F\""),
                row("owner name blank with a tab", w -> Owner.team("\t"),
                        IllegalArgumentException.class, "name must not be blank, got \"\\t\""));
    }
}
