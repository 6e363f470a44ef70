package dev.slo.report;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written JSON: escaping per RFC 8259 §7, structure, and the parser the tests read it with. */
final class JsonTest {

    @Test
    void quote_escapes_quotes_backslashes_and_control_characters() {
        assertEquals("\"a\\\"b\\\\c\"", JsonWriter.quote("a\"b\\c"));
        assertEquals("\"\\n\\r\\t\\b\\f\"", JsonWriter.quote("\n\r\t\b\f"));
        assertEquals("\"\\u0000\\u001f\\u0001\"", JsonWriter.quote("\u0000\u001f\u0001"));
        assertEquals("\"\\u2028\\u2029\"", JsonWriter.quote("\u2028\u2029"));
        assertEquals("\"/ é 中 \uD83D\uDE00\"", JsonWriter.quote("/ é 中 \uD83D\uDE00"), "a whole surrogate pair stays raw");
        assertEquals("\"\\ud83d x \\ude00\"", JsonWriter.quote("\uD83D x \uDE00"), "unpaired surrogates are escaped");
        assertEquals("\"\\ude00\\ud83d\"", JsonWriter.quote("\uDE00\uD83D"), "a pair in the wrong order is two unpaired ones");
    }

    @Test
    void writer_places_commas_and_nests() {
        String text = new JsonWriter().beginObject()
                .member("s", "x").member("n", 3L).member("d", 0.5).member("b", true)
                .name("a").beginArray().value(1L).beginObject().endObject().beginArray().endArray().value((String) null).endArray()
                .member("nan", Double.NaN)
                .endObject().text();
        assertEquals("{\"s\":\"x\",\"n\":3,\"d\":0.5,\"b\":true,\"a\":[1,{},[],null],\"nan\":null}", text);
        Map<String, Object> parsed = TinyJson.object(TinyJson.parse(text));
        assertEquals(new BigDecimal("0.5"), parsed.get("d"));
        assertEquals(4, TinyJson.array(parsed.get("a")).size());
        assertNull(parsed.get("nan"));
    }

    @Test
    void writer_refuses_to_hand_out_incomplete_text() {
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().text());
    }

    @Test
    void parser_is_strict() {
        for (String bad : List.of("{", "[1,]", "{\"a\":1,}", "\"\u0001\"", "\"\\x\"", "01", "1.", "{\"a\":1}x",
                "{\"a\":1,\"a\":2}", "nul", "\"\\u12\"")) {
            assertThrows(IllegalArgumentException.class, () -> TinyJson.parse(bad), bad);
        }
        assertEquals(List.of(new BigDecimal("-1.5e3"), "\u00e9/", true), TinyJson.parse(" [ -1.5e3 , \"\\u00e9\\/\" , true ] "));
    }
}
