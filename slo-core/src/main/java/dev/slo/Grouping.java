package dev.slo;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a grouped SLO splits its events ({@link SloBuilder#groupedBy}): one group per value of a label, such
 * as the endpoint, at most {@code maxGroups} of them, plus one overflow group ({@link #OVERFLOW}) for every
 * value beyond.
 *
 * <pre>{@code
 * Slo perEndpoint = slos.define("api-availability")...groupedBy("endpoint", 50).register();
 * perEndpoint.group("/pay").record(true);          // counts in "/pay" and in the whole
 * }</pre>
 *
 * @param label     the label's name, as Prometheus would take it: a letter or {@code _}, then letters, digits
 *     or {@code _}, at most 64 characters; not a label of the exported series or alerts ({@code slo}, {@code outcome},
 *     {@code window}, {@code severity}, {@code le}, {@code quantile}, {@code alertname}, {@code grouping},
 *     {@code long_window}, {@code short_window}), not one a scrape sets ({@code job}, {@code instance}), not a PromQL
 *     keyword ({@code by}, {@code without}, {@code on}, {@code inf}, {@code nan}, ...), and not starting with {@code __}
 * @param maxGroups the most named groups the SLO keeps, from 1 to {@link #MAX_GROUPS}
 */
public record Grouping(String label, int maxGroups) {
    /** The most groups one SLO may keep: 1,000 (each holds its own recorders, see {@link Slo#footprintBytes()}). */
    public static final int MAX_GROUPS = 1_000;
    /**
     * The value of the overflow group, where every value beyond {@code maxGroups} counts: {@code "__overflow__"}.
     * {@code group("__overflow__")} returns it too.
     */
    public static final String OVERFLOW = "__overflow__";
    /**
     * Labels a grouping may not take: those of the exported series and alerts, those a scrape sets ({@code job},
     * {@code instance}, renamed {@code exported_*} if a target exports them), and PromQL's keywords, which a
     * {@code by (...)} clause cannot hold.
     */
    private static final Set<String> RESERVED = new TreeSet<>(List.of("slo", "outcome", "window", "severity", "le", "quantile",
            "alertname", "grouping", "long_window", "short_window", "job", "instance", "and", "or", "unless", "by", "without", "on",
            "ignoring", "group_left", "group_right", "bool", "offset", "start", "end", "atan2"));

    /** The longest group value: 128 characters. */
    public static final int MAX_VALUE_LENGTH = 128;

    /**
     * Checks the label and the cap.
     *
     * @param label     the label's name (see above)
     * @param maxGroups from 1 to {@link #MAX_GROUPS}
     * @throws NullPointerException if {@code label} is null
     * @throws IllegalArgumentException if {@code label} is malformed or reserved, or {@code maxGroups} is out of range
     */
    public Grouping {
        Objects.requireNonNull(label, "label must not be null");
        boolean ok = !label.isEmpty() && label.length() <= 64;
        for (int i = 0; ok && i < label.length(); i++) {
            char c = label.charAt(i);
            ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
        }
        if (!ok) {
            throw new IllegalArgumentException("label must be a letter or _ then letters, digits or _, at most 64 characters, got "
                    + Text.quoted(label));
        }
        if (label.startsWith("__") || RESERVED.contains(label) || label.equalsIgnoreCase("inf") || label.equalsIgnoreCase("nan")) {
            throw new IllegalArgumentException("label must not be one the exported metrics, the alerts or Prometheus use (" + RESERVED
                    + ", inf, nan, __*), got " + Text.quoted(label));
        }
        if (maxGroups < 1 || maxGroups > MAX_GROUPS) {
            throw new IllegalArgumentException("maxGroups must be in [1, " + MAX_GROUPS + "], got " + maxGroups);
        }
    }

    /** Checks a group value: 1 to 128 characters, no control character. */
    static String checkValue(String value) {
        Objects.requireNonNull(value, "value must not be null");
        if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("value must be 1 to " + MAX_VALUE_LENGTH + " characters, got " + Text.quoted(value));
        }
        Args.requireNoControl(value, "value");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("value must be well-formed text, got " + Text.quoted(value)
                        + " (an unpaired surrogate \\u" + Integer.toHexString(c).toUpperCase(Locale.ROOT) + " at " + i + ")");
            }
        }
        return value;
    }
}
