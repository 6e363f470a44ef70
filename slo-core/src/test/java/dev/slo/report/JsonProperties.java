package dev.slo.report;

import static org.junit.jupiter.api.Assertions.*;

import dev.slo.Audience;
import dev.slo.DownstreamConsumer;
import dev.slo.ManualClock;
import dev.slo.Owner;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Window;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.*;
import net.jqwik.api.constraints.*;

/** Any string survives the hand-written JSON: quoted, it parses back to itself, also inside whole reports. */
final class JsonProperties {

    @Provide
    Arbitrary<String> nasty() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40);          // every char, lone surrogates included
        Arbitrary<String> tricky = Arbitraries.strings()
                .withChars('"', '\\', '/', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u001f', '\u007f', '\u2028', '\u2029',
                        'é', '中', '\uD83D', '\uDE00', '|', '<', '*', 'a', ' ')
                .ofMaxLength(40);
        return Arbitraries.oneOf(any, tricky);
    }

    /** As {@link #nasty()}, without the control characters that names, descriptions and reasons refuse. */
    @Provide
    Arbitrary<String> nastyWords() {
        return nasty().map(s -> s.replaceAll("\\p{Cc}", ""));
    }

    @Property(tries = 1000)
    void quotedStringParsesBackToItself(@ForAll("nasty") String s) {
        String quoted = JsonWriter.quote(s);
        assertEquals(s, TinyJson.parse(quoted));
        // Valid UTF-8 round trip: no unpaired surrogate is left raw.
        assertEquals(quoted, new String(quoted.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void reportsCarryArbitraryTextIntact(@ForAll("nastyWords") String description, @ForAll("nastyWords") String reason,
            @ForAll("nastyWords") String consumerDescription) {
        Assume.that(!description.isBlank() && !reason.isBlank());
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        SloRegistry slos = SloRegistry.create(clock);
        Owner pm = Owner.product("pm \"quoted\" \\ name");
        Slo customer = slos.define("c").customerFacing(description).ownedBy(pm, Owner.engineering("eng"))
                .sli(Sli.ratio()).target(0.99).window(Window.rolling(Duration.ofDays(7))).register();
        slos.define("i").internal(description).ownedBy(Owner.team("t"))
                .sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(7)))
                .consumers(new DownstreamConsumer("downstream", DownstreamConsumer.Impact.DEGRADED, consumerDescription)).register();
        customer.recordCounts(99, 1);
        customer.revise(0.95, pm, reason);

        Map<String, Object> c = TinyJson.object(TinyJson.parse(slos.report(Audience.CUSTOMER).json()));
        Map<String, Object> cSlo = TinyJson.object(TinyJson.array(c.get("slos")).get(0));
        assertEquals(description, cSlo.get("promise"));
        assertEquals(reason, TinyJson.object(TinyJson.array(cSlo.get("revisions")).get(0)).get("why"));

        Map<String, Object> i = TinyJson.object(TinyJson.parse(slos.report(Audience.INTERNAL).json()));
        List<Object> all = TinyJson.array(i.get("slos"));
        Map<String, Object> iSlo = TinyJson.object(all.get(1));
        assertEquals(description, iSlo.get("description"));
        assertEquals(consumerDescription, TinyJson.object(TinyJson.array(iSlo.get("consumers")).get(0)).get("description"));
        Map<String, Object> revision = TinyJson.object(TinyJson.array(TinyJson.object(all.get(0)).get("revisions")).get(0));
        assertEquals(reason, revision.get("why"));
        assertEquals(pm.name(), TinyJson.object(revision.get("who")).get("name"));
    }

    @Property(tries = 300)
    void markdownTextNeverBreaksALineOrACell(@ForAll("nasty") String s) {
        String md = Formats.md(s);
        assertFalse(md.contains("\n") || md.contains("\r"), "no line break");
        // every | is escaped: no unescaped cell separator
        for (int k = md.indexOf('|'); k >= 0; k = md.indexOf('|', k + 1)) {
            int backslashes = 0;
            for (int j = k - 1; j >= 0 && md.charAt(j) == '\\'; j--) {
                backslashes++;
            }
            assertEquals(1, backslashes % 2, "| at " + k + " escaped in " + md);
        }
    }
}
