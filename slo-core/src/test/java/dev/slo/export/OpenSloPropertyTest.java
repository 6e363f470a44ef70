package dev.slo.export;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Invariants of the export's quoting and naming, over generated strings and SLO names. */
final class OpenSloPropertyTest {
    private static final Pattern RFC1123 = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    @Property(tries = 500)
    boolean quotedIsOneLineAndReadsBackAsTheSameString(@ForAll @Size(max = 80) String text) {
        String quoted = OpenSloYaml.quoted(text);
        return !quoted.contains("\n") && !quoted.contains("\r")
                && OpenSloSpecTest.unquote(quoted, 0).equals(text);
    }

    @Property(tries = 300)
    boolean distinctNamesGetDistinctRfc1123Labels(@ForAll("sloNames") List<String> names) {
        Map<String, String> assigned = OpenSloNames.assign(names, "slo");
        return assigned.size() == new HashSet<>(names).size()
                && new HashSet<>(assigned.values()).size() == assigned.size()
                && assigned.values().stream().allMatch(n -> RFC1123.matcher(n).matches());
    }

    /** Names as the registry allows them, from a small alphabet so that many collide after mapping. */
    @Provide
    Arbitrary<List<String>> sloNames() {
        Arbitrary<String> name = Arbitraries.strings().withChars("aAbB1-_.:").ofMinLength(1).ofMaxLength(128);
        return name.list().ofMinSize(1).ofMaxSize(12);
    }
}
