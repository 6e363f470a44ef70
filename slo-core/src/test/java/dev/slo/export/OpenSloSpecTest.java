package dev.slo.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A strict reader of the export's YAML and a checker of OpenSLO v1 documents, with the field lists of the
 * spec's README written out by hand below: a field the spec does not list, a misspelt one, a missing
 * required one, a value of the wrong type or out of range, or a reference to no document fails. The other
 * tests of this package read the export through {@link #check}; the tests here show that the checker
 * itself rejects what it should.
 *
 * <p>The reader takes the subset the export writes: block mappings and sequences of mappings indented by
 * two, bare keys, and as values only double-quoted strings, plain decimals, {@code true} and {@code false}.
 * Anything else (a bare word, a comment, a blank line, a tab, a stray indent) is an error.
 */
final class OpenSloSpecTest {

    // ---------------------------------------------------------------- the spec's fields (OpenSLO v1 README)

    /** A field's value: a scalar with a check, a mapping of known fields, a sequence, or a mapping of free keys. */
    sealed interface Node permits Scalar, Fields, ListOf, FreeMap {}

    record Scalar(String what, Predicate<Object> ok) implements Node {}

    record Fields(Map<String, Node> fields, Set<String> required) implements Node {}

    record ListOf(Node element, int min, int max) implements Node {}

    /** A mapping whose keys the user chooses (labels, annotations, a metric source's spec). */
    record FreeMap(Pattern key, Node value) implements Node {}

    private static final Pattern RFC1123 = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern SHORTHAND = Pattern.compile("[1-9][0-9]*[mhdwMQY]");
    private static final Pattern LABEL_KEY = Pattern.compile("[a-zA-Z0-9]([-._a-zA-Z0-9]{0,61}[a-zA-Z0-9])?");
    private static final Pattern ANNOTATION_KEY = Pattern.compile(
            "([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*/)?[a-zA-Z0-9]([-._a-zA-Z0-9]{0,61}[a-zA-Z0-9])?");

    static final Scalar STRING = new Scalar("a string", v -> v instanceof String);
    static final Scalar NAME = new Scalar("an RFC 1123 name", v -> v instanceof String s && RFC1123.matcher(s).matches());
    static final Scalar DISPLAY_NAME = new Scalar("a string of at most 63 characters",
            v -> v instanceof String s && s.codePointCount(0, s.length()) <= 63);
    static final Scalar DESCRIPTION = new Scalar("a string of at most 1050 characters",
            v -> v instanceof String s && s.codePointCount(0, s.length()) <= 1050);
    static final Scalar BOOLEAN = new Scalar("a boolean", v -> v instanceof Boolean);
    static final Scalar NUMBER = new Scalar("a number", v -> v instanceof BigDecimal);
    static final Scalar DURATION = new Scalar("a duration shorthand", v -> v instanceof String s && SHORTHAND.matcher(s).matches());
    static final Scalar OP = oneOf("lte", "gte", "lt", "gt");
    static final Scalar TARGET = new Scalar("a number in [0, 1)",
            v -> v instanceof BigDecimal d && d.signum() >= 0 && d.compareTo(BigDecimal.ONE) < 0);
    static final Scalar TARGET_PERCENT = new Scalar("a number in [0, 100)",
            v -> v instanceof BigDecimal d && d.signum() >= 0 && d.compareTo(BigDecimal.valueOf(100)) < 0);
    static final Scalar SLICE_TARGET = new Scalar("a number in (0, 1]",
            v -> v instanceof BigDecimal d && d.signum() > 0 && d.compareTo(BigDecimal.ONE) <= 0);
    static final Scalar POSITIVE = new Scalar("a positive number", v -> v instanceof BigDecimal d && d.signum() > 0);
    static final Scalar START_TIME = new Scalar("a date and time as 2020-01-21 12:30:00", OpenSloSpecTest::isStartTime);
    static final Scalar TIME_ZONE = new Scalar("an IANA time zone", v -> v instanceof String s && ZoneId.getAvailableZoneIds().contains(s));

    static final Fields METADATA = fields(
            Map.of("name", NAME, "displayName", DISPLAY_NAME,
                    "labels", new FreeMap(LABEL_KEY, STRING),            // the spec also allows a list of strings; the export writes none
                    "annotations", new FreeMap(ANNOTATION_KEY, STRING)),
            "name");

    static final Fields METRIC_SOURCE = fields(
            Map.of("metricSourceRef", NAME, "type", STRING, "spec", new FreeMap(LABEL_KEY, STRING)), "spec");
    static final Fields METRIC = fields(Map.of("metricSource", METRIC_SOURCE), "metricSource");

    static final Fields SLI_SPEC = fields(Map.of(
            "description", DESCRIPTION,
            "thresholdMetric", METRIC,
            "ratioMetric", fields(Map.of(
                    "counter", BOOLEAN, "good", METRIC, "bad", METRIC, "total", METRIC,
                    "rawType", oneOf("success", "failure"), "raw", METRIC))));

    static final Fields INDICATOR = fields(Map.of("metadata", METADATA, "spec", SLI_SPEC), "metadata", "spec");

    static final Fields ALERT_CONDITION_SPEC = fields(Map.of(
            "description", DESCRIPTION,
            "severity", STRING,
            "condition", fields(Map.of(
                    "kind", oneOf("burnrate"), "op", OP, "threshold", NUMBER, "lookbackWindow", DURATION, "alertAfter", DURATION),
                    "kind", "op", "threshold", "lookbackWindow")),
            "severity", "condition");

    static final Fields ALERT_POLICY_SPEC = fields(Map.of(
            "description", DESCRIPTION,
            "alertWhenNoData", BOOLEAN,
            "alertWhenResolved", BOOLEAN,
            "alertWhenBreaching", BOOLEAN,
            "conditions", new ListOf(fields(Map.of(
                    "conditionRef", NAME, "kind", oneOf("AlertCondition"), "metadata", METADATA, "spec", ALERT_CONDITION_SPEC)), 1, 1),
            "notificationTargets", new ListOf(fields(Map.of("targetRef", NAME)), 1, Integer.MAX_VALUE)),
            "conditions", "notificationTargets");

    static final Fields SLO_SPEC = fields(Map.of(
            "description", DESCRIPTION,
            "service", STRING,
            "indicator", INDICATOR,
            "indicatorRef", NAME,
            "timeWindow", new ListOf(fields(Map.of(
                    "duration", DURATION,
                    "isRolling", BOOLEAN,
                    "calendar", fields(Map.of("startTime", START_TIME, "timeZone", TIME_ZONE), "startTime", "timeZone")),
                    "duration"), 1, 1),
            "budgetingMethod", oneOf("Occurrences", "Timeslices", "RatioTimeslices"),
            "objectives", new ListOf(fields(Map.of(
                    "displayName", STRING, "op", OP, "value", NUMBER, "target", TARGET, "targetPercent", TARGET_PERCENT,
                    "timeSliceTarget", SLICE_TARGET, "timeSliceWindow", DURATION, "indicator", INDICATOR, "indicatorRef", NAME,
                    "compositeWeight", POSITIVE)), 1, Integer.MAX_VALUE),
            "alertPolicies", new ListOf(fields(Map.of(
                    "alertPolicyRef", NAME, "kind", oneOf("AlertPolicy"), "metadata", METADATA, "spec", ALERT_POLICY_SPEC)),
                    0, Integer.MAX_VALUE)),
            "service", "budgetingMethod", "objectives");

    static final Map<String, Fields> SPEC_OF_KIND = Map.of(
            "DataSource", fields(Map.of("description", DESCRIPTION, "type", STRING, "connectionDetails", new FreeMap(LABEL_KEY, STRING)),
                    "type", "connectionDetails"),
            "SLO", SLO_SPEC,
            "SLI", SLI_SPEC,
            "AlertPolicy", ALERT_POLICY_SPEC,
            "AlertCondition", ALERT_CONDITION_SPEC,
            "AlertNotificationTarget", fields(Map.of("target", STRING, "description", DESCRIPTION), "target"),
            "Service", fields(Map.of("description", DESCRIPTION)));

    private static Fields fields(Map<String, Node> fields, String... required) {
        return new Fields(fields, Set.of(required));
    }

    private static Scalar oneOf(String... values) {
        Set<String> allowed = Set.of(values);
        return new Scalar("one of " + allowed, v -> v instanceof String s && allowed.contains(s));
    }

    private static boolean isStartTime(Object value) {
        if (!(value instanceof String s)) {
            return false;
        }
        try {
            LocalDateTime.parse(s, DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- checking documents

    /**
     * Reads {@code yaml} strictly and checks every document against the spec.
     *
     * @return the documents, in order, as nested maps, lists, strings, BigDecimals and Booleans
     */
    static List<Map<String, Object>> check(String yaml) {
        List<Map<String, Object>> docs = read(yaml);
        Map<String, Integer> positionOf = new HashMap<>();   // "Kind/name" -> index
        for (int i = 0; i < docs.size(); i++) {
            Map<String, Object> doc = docs.get(i);
            String where = "document " + i;
            validate(fields(Map.of("apiVersion", oneOf("openslo/v1"), "kind", oneOf(SPEC_OF_KIND.keySet().toArray(String[]::new)),
                    "metadata", METADATA, "spec", new Scalar("a mapping", v -> v instanceof Map)),
                    "apiVersion", "kind", "metadata", "spec"), doc, where);
            String kind = (String) doc.get("kind");
            validate(SPEC_OF_KIND.get(kind), doc.get("spec"), where + " (" + kind + ").spec");
            rules(kind, doc, where + " (" + kind + ")");
            String key = kind + "/" + at(doc, "metadata.name");
            if (positionOf.put(key, i) != null) {
                fail(where + ": a second " + key);
            }
        }
        for (int i = 0; i < docs.size(); i++) {
            for (String[] ref : references(docs.get(i))) {
                Integer target = positionOf.get(ref[0] + "/" + ref[1]);
                if (target == null || target >= i) {
                    fail("document " + i + " refers to " + ref[0] + " " + ref[1] + ", which no earlier document defines");
                }
            }
        }
        return docs;
    }

    /** The spec's rules across fields (its Notes sections). */
    private static void rules(String kind, Map<String, Object> doc, String where) {
        switch (kind) {
            case "SLO" -> {
                Map<?, ?> spec = (Map<?, ?>) doc.get("spec");
                require(spec.containsKey("indicator") != spec.containsKey("indicatorRef"), where + ": exactly one of indicator, indicatorRef");
                Map<?, ?> window = (Map<?, ?>) ((List<?>) spec.get("timeWindow")).get(0);
                boolean rolling = Boolean.TRUE.equals(window.get("isRolling"));
                require(rolling != window.containsKey("calendar"), where + ": a rolling window has no calendar, a calendar one has one");
                for (Object o : (List<?>) spec.get("objectives")) {
                    Map<?, ?> objective = (Map<?, ?>) o;
                    require(objective.containsKey("target") != objective.containsKey("targetPercent"), where + ": exactly one of target, targetPercent");
                    Object method = spec.get("budgetingMethod");
                    require(objective.containsKey("timeSliceTarget") == "Timeslices".equals(method),
                            where + ": timeSliceTarget with Timeslices only");
                    require(objective.containsKey("timeSliceWindow") == !"Occurrences".equals(method),
                            where + ": timeSliceWindow with Timeslices and RatioTimeslices only");
                }
                for (Object p : (List<?>) (spec.containsKey("alertPolicies") ? spec.get("alertPolicies") : List.of())) {
                    require(((Map<?, ?>) p).containsKey("alertPolicyRef") != ((Map<?, ?>) p).containsKey("spec"),
                            where + ": an alert policy is a reference or inline");
                }
            }
            case "SLI" -> {
                Map<?, ?> spec = (Map<?, ?>) doc.get("spec");
                require(spec.containsKey("ratioMetric") != spec.containsKey("thresholdMetric"), where + ": exactly one of ratioMetric, thresholdMetric");
                if (spec.get("ratioMetric") instanceof Map<?, ?> ratio) {
                    if (ratio.containsKey("raw")) {
                        require(ratio.containsKey("rawType") && !ratio.containsKey("good") && !ratio.containsKey("bad")
                                && !ratio.containsKey("total"), where + ": raw goes with rawType alone");
                    } else {
                        require(ratio.containsKey("good") != ratio.containsKey("bad") && ratio.containsKey("total"),
                                where + ": good or bad, and total");
                    }
                    for (String part : List.of("good", "bad", "total", "raw")) {
                        if (ratio.get(part) instanceof Map<?, ?> metric) {
                            Map<?, ?> source = (Map<?, ?>) metric.get("metricSource");
                            require(source.containsKey("type") || source.containsKey("metricSourceRef"),
                                    where + ": a metric source without DataSource must give its type");
                        }
                    }
                }
            }
            case "AlertPolicy" -> {
                for (Object c : (List<?>) at(doc, "spec.conditions")) {
                    require(((Map<?, ?>) c).containsKey("conditionRef") != ((Map<?, ?>) c).containsKey("spec"),
                            where + ": a condition is a reference or inline");
                }
            }
            default -> { }
        }
    }

    /** Every (kind, name) a document refers to. */
    private static List<String[]> references(Map<String, Object> doc) {
        List<String[]> refs = new ArrayList<>();
        Map<?, ?> spec = (Map<?, ?>) doc.get("spec");
        switch ((String) doc.get("kind")) {
            case "SLO" -> {
                refs.add(new String[] {"Service", (String) spec.get("service")});
                if (spec.get("indicatorRef") instanceof String sli) {
                    refs.add(new String[] {"SLI", sli});
                }
                for (Object p : (List<?>) (spec.containsKey("alertPolicies") ? spec.get("alertPolicies") : List.of())) {
                    if (((Map<?, ?>) p).get("alertPolicyRef") instanceof String policy) {
                        refs.add(new String[] {"AlertPolicy", policy});
                    }
                }
            }
            case "AlertPolicy" -> {
                for (Object c : (List<?>) spec.get("conditions")) {
                    if (((Map<?, ?>) c).get("conditionRef") instanceof String condition) {
                        refs.add(new String[] {"AlertCondition", condition});
                    }
                }
                for (Object t : (List<?>) spec.get("notificationTargets")) {
                    refs.add(new String[] {"AlertNotificationTarget", (String) ((Map<?, ?>) t).get("targetRef")});
                }
            }
            default -> { }
        }
        return refs;
    }

    private static void validate(Node node, Object value, String path) {
        if (node instanceof Scalar scalar) {
            require(scalar.ok().test(value), path + " must be " + scalar.what() + ", got " + value);
        } else if (node instanceof Fields fields) {
            require(value instanceof Map, path + " must be a mapping, got " + value);
            Map<?, ?> map = (Map<?, ?>) value;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Node field = fields.fields().get((String) e.getKey());
                require(field != null, path + " has a field the spec does not list: " + e.getKey());
                validate(field, e.getValue(), path + "." + e.getKey());
            }
            for (String required : fields.required()) {
                require(map.containsKey(required), path + " lacks the required field " + required);
            }
        } else if (node instanceof ListOf list) {
            require(value instanceof List, path + " must be a sequence, got " + value);
            List<?> items = (List<?>) value;
            require(items.size() >= list.min() && items.size() <= list.max(),
                    path + " must hold " + list.min() + " to " + list.max() + " items, got " + items.size());
            for (int i = 0; i < items.size(); i++) {
                validate(list.element(), items.get(i), path + "[" + i + "]");
            }
        } else if (node instanceof FreeMap free) {
            require(value instanceof Map, path + " must be a mapping, got " + value);
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                require(free.key().matcher((String) e.getKey()).matches(), path + " has a malformed key " + e.getKey());
                validate(free.value(), e.getValue(), path + "." + e.getKey());
            }
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            fail(message);
        }
    }

    /**
     * The value at {@code path} in a document: keys separated by dots, {@code [i]} for sequence items,
     * e.g. {@code spec.objectives[0].target}.
     */
    static Object at(Object doc, String path) {
        Object here = doc;
        for (String step : path.split("\\.")) {
            String key = step.contains("[") ? step.substring(0, step.indexOf('[')) : step;
            if (!(here instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new AssertionError("no " + path + " (stopped at " + step + ") in " + doc);
            }
            here = map.get(key);
            if (step.contains("[")) {
                here = ((List<?>) here).get(Integer.parseInt(step.substring(step.indexOf('[') + 1, step.indexOf(']'))));
            }
        }
        return here;
    }

    // ---------------------------------------------------------------- the reader

    /** The documents of {@code yaml}: split at {@code ---} lines, each a mapping. */
    static List<Map<String, Object>> read(String yaml) {
        List<Map<String, Object>> docs = new ArrayList<>();
        if (yaml.isEmpty()) {
            return docs;
        }
        require(yaml.endsWith("\n"), "the text must end with a newline");
        List<String> lines = new ArrayList<>();
        for (String line : yaml.substring(0, yaml.length() - 1).split("\n", -1)) {
            if (line.equals("---")) {
                docs.add(document(lines));
                lines = new ArrayList<>();
            } else {
                lines.add(line);
            }
        }
        docs.add(document(lines));
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(List<String> lines) {
        require(!lines.isEmpty(), "a document must not be empty");
        Lines in = new Lines(lines);
        Map<String, Object> doc = map(in, 0);
        if (in.has()) {
            fail("line " + in.next + " is not part of the document: " + in.peek());
        }
        return doc;
    }

    private static final class Lines {
        final List<String> lines;
        int next;

        Lines(List<String> lines) {
            this.lines = new ArrayList<>(lines);
        }

        boolean has() {
            return next < lines.size();
        }

        String peek() {
            return lines.get(next);
        }

        int indent() {
            String line = peek();
            int n = 0;
            while (n < line.length() && line.charAt(n) == ' ') {
                n++;
            }
            require(n < line.length(), "line " + next + " is blank");
            return n;
        }
    }

    private static final Pattern KEY_LINE = Pattern.compile("([A-Za-z][A-Za-z0-9._/-]*):(?: (.+))?");
    private static final Pattern NUMBER_TEXT = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    private static Map<String, Object> map(Lines in, int indent) {
        Map<String, Object> map = new LinkedHashMap<>();
        while (in.has() && in.indent() == indent && !in.peek().startsWith("- ", indent)) {
            String line = in.peek().substring(indent);
            var m = KEY_LINE.matcher(line);
            require(m.matches(), "line " + in.next + " is not 'key: value' nor 'key:': " + in.peek());
            in.next++;
            Object value;
            if (m.group(2) == null) {
                require(in.has() && in.indent() == indent + 2, "line " + (in.next - 1) + " opens nothing indented by two: " + line);
                value = in.peek().startsWith("- ", indent + 2) ? list(in, indent + 2) : map(in, indent + 2);
            } else {
                value = scalar(m.group(2), in.next - 1);
            }
            require(map.put(m.group(1), value) == null, "line " + (in.next - 1) + " repeats the key " + m.group(1));
        }
        require(!in.has() || in.indent() < indent, "line " + in.next + " is indented where nothing can start: " + (in.has() ? in.peek() : ""));
        return map;
    }

    private static List<Object> list(Lines in, int indent) {
        List<Object> items = new ArrayList<>();
        while (in.has() && in.indent() == indent && in.peek().startsWith("- ", indent)) {
            String line = in.peek();
            in.lines.set(in.next, line.substring(0, indent) + "  " + line.substring(indent + 2));   // the item's first key, in place
            require(in.indent() == indent + 2, "line " + in.next + " has more than one space after '-'");
            items.add(map(in, indent + 2));
        }
        return items;
    }

    private static Object scalar(String text, int line) {
        if (text.startsWith("\"")) {
            return unquote(text, line);
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        require(NUMBER_TEXT.matcher(text).matches(), "line " + line + " has a bare scalar that is neither number nor boolean: " + text);
        return new BigDecimal(text);
    }

    /** A YAML double-quoted scalar that must take the whole of {@code text}. */
    static String unquote(String text, int line) {
        StringBuilder out = new StringBuilder();
        int i = 1;
        while (true) {
            require(i < text.length(), "line " + line + " has an unterminated string: " + text);
            char c = text.charAt(i++);
            if (c == '"') {
                break;
            }
            require(c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F) && c != '\u2028' && c != '\u2029',
                    "line " + line + " has a raw non-printable character U+" + Integer.toHexString(c));
            if (c != '\\') {
                out.append(c);
                continue;
            }
            require(i < text.length(), "line " + line + " ends in a backslash");
            char e = text.charAt(i++);
            switch (e) {
                case '\\' -> out.append('\\');
                case '"' -> out.append('"');
                case '/' -> out.append('/');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '0' -> out.append('\0');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'e' -> out.append('\u001B');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000B');
                case ' ' -> out.append(' ');
                case '_' -> out.append('\u00A0');
                case 'N' -> out.append('\u0085');
                case 'L' -> out.append('\u2028');
                case 'P' -> out.append('\u2029');
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    require(i + digits <= text.length(), "line " + line + " has a short \\" + e + " escape");
                    out.appendCodePoint(Integer.parseInt(text.substring(i, i + digits), 16));
                    i += digits;
                }
                default -> fail("line " + line + " has an unknown escape \\" + e);
            }
        }
        require(i == text.length(), "line " + line + " has text after its closing quote: " + text);
        return out.toString();
    }

    // ---------------------------------------------------------------- the checker rejects what the spec rejects

    private static final String GOOD_SERVICE = """
            apiVersion: "openslo/v1"
            kind: "Service"
            metadata:
              name: "payments"
              displayName: "Payments"
            spec:
              description: "SLOs owned by Payments"
            """;

    @Test
    void aWellFormedServiceIsAccepted() {
        Map<String, Object> doc = check(GOOD_SERVICE).get(0);
        assertEquals("Payments", at(doc, "metadata.displayName"));
    }

    @Test
    void aFieldTheSpecDoesNotList_fails() {
        AssertionError e = assertThrows(AssertionError.class, () -> check(GOOD_SERVICE.replace("displayName", "displayname")));
        assertTrue(e.getMessage().contains("displayname"), e.getMessage());
    }

    @Test
    void aMissingRequiredField_fails() {
        String noService = """
                apiVersion: "openslo/v1"
                kind: "SLO"
                metadata:
                  name: "x"
                spec:
                  indicatorRef: "x"
                  budgetingMethod: "Occurrences"
                  objectives:
                    - target: 0.9
                """;
        AssertionError e = assertThrows(AssertionError.class, () -> check(noService));
        assertTrue(e.getMessage().contains("service"), e.getMessage());
    }

    @Test
    void aBareWordANonRfc1123NameOrABadDuration_fails() {
        assertThrows(AssertionError.class, () -> check(GOOD_SERVICE.replace("\"Service\"", "Service")));
        assertThrows(AssertionError.class, () -> check(GOOD_SERVICE.replace("\"payments\"", "\"Payments\"")));
        String condition = """
                apiVersion: "openslo/v1"
                kind: "AlertCondition"
                metadata:
                  name: "c"
                spec:
                  severity: "page"
                  condition:
                    kind: "burnrate"
                    op: "gte"
                    threshold: 14.4
                    lookbackWindow: "1h"
                    alertAfter: "5m"
                """;
        assertEquals(1, check(condition).size());
        assertThrows(AssertionError.class, () -> check(condition.replace("\"5m\"", "\"30s\"")));
        assertThrows(AssertionError.class, () -> check(condition.replace("\"gte\"", "\"ge\"")));
    }

    @Test
    void aStrayIndentATabOrAnUnclosedString_fails() {
        assertThrows(AssertionError.class, () -> read(GOOD_SERVICE.replace("  displayName", "   displayName")));
        assertThrows(AssertionError.class, () -> read(GOOD_SERVICE.replace("\"Payments\"", "\"Pay\tments\"")));
        assertThrows(AssertionError.class, () -> read(GOOD_SERVICE.replace("\"Payments\"", "\"Payments")));
        assertThrows(AssertionError.class, () -> read(GOOD_SERVICE.replace("\"Payments\"", "\"Pay\"ments\"")));
    }

    @Test
    void aReferenceToNoEarlierDocument_fails() {
        String policy = """
                apiVersion: "openslo/v1"
                kind: "AlertPolicy"
                metadata:
                  name: "p"
                spec:
                  conditions:
                    - conditionRef: "nowhere"
                  notificationTargets:
                    - targetRef: "page"
                """;
        AssertionError e = assertThrows(AssertionError.class, () -> check(policy));
        assertTrue(e.getMessage().contains("nowhere") || e.getMessage().contains("page"), e.getMessage());
    }
}
