// The RFC 1123 names of the OpenSLO export: how an SLO's or a team's name becomes metadata.name, distinct per kind.
package dev.slo.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code metadata.name} of each document: an RFC 1123 label (lowercase letters, digits and {@code -},
 * at most 63 characters, starting and ending with a letter or digit).
 *
 * <p>A text becomes a label by {@link #label}: lowercased, every other character to {@code -}, runs of
 * {@code -} collapsed, {@code -} trimmed from both ends, cut to 63. That is not one-to-one
 * ({@code Checkout.Latency} and {@code checkout_latency} both give {@code checkout-latency}), so
 * {@link #assign} gives the texts of one label distinct names: a text equal to the label keeps it, the
 * others get a suffix of their own ({@code -} and eight hex digits of the SHA-256 of the text). A name thus
 * depends only on its text and on which texts share its label, not on the order of definition. In the
 * unlikely event that two still clash, the later one gets {@code -2}, {@code -3}...
 */
final class OpenSloNames {
    /** The longest RFC 1123 label. */
    static final int MAX_LENGTH = 63;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Set<String> taken = new HashSet<>();

    /**
     * Distinct names for distinct {@code texts}, in their order; a text given twice gets one name.
     *
     * @param texts    the original names (SLO names, team names)
     * @param fallback the label of a text without a letter or digit, e.g. "slo"
     * @return each text's name, in the order of {@code texts}
     */
    static Map<String, String> assign(List<String> texts, String fallback) {
        Map<String, List<String>> byLabel = new LinkedHashMap<>();
        for (String text : texts) {
            List<String> same = byLabel.computeIfAbsent(label(text, fallback), k -> new ArrayList<>());
            if (!same.contains(text)) {
                same.add(text);
            }
        }
        OpenSloNames names = new OpenSloNames();
        Map<String, String> assigned = new LinkedHashMap<>();
        for (String text : texts) {
            if (assigned.containsKey(text)) {
                continue;
            }
            String label = label(text, fallback);
            boolean shared = byLabel.get(label).size() > 1;
            assigned.put(text, names.claim(shared && !text.equals(label) ? withSuffix(label, "-" + hash(text)) : label));
        }
        return assigned;
    }

    /**
     * A name for a document derived from one whose name is {@code base} (already a label), e.g. the
     * alert condition {@code checkout-page-1h} of the SLO {@code checkout}: {@code base + suffix}, and when
     * that is too long, {@code base} cut with a hash of the whole of it before the suffix. Distinct from
     * every name this instance gave before.
     *
     * @param base   a label, at most 63 characters
     * @param suffix starts with {@code -}, then letters, digits and {@code -}, ending with a letter or digit; at most 40 characters
     * @return the name, an RFC 1123 label
     */
    String derived(String base, String suffix) {
        String name = base.length() + suffix.length() <= MAX_LENGTH ? base + suffix : withSuffix(base, "-" + hash(base) + suffix);
        return claim(name);
    }

    /** {@code name} if no earlier claim took it, else {@code name} with the first free {@code -2}, {@code -3}... */
    private String claim(String name) {
        String free = name;
        for (int k = 2; !taken.add(free); k++) {
            free = withSuffix(name, "-" + k);
        }
        return free;
    }

    /**
     * {@code text} as an RFC 1123 label.
     *
     * @param text     any text
     * @param fallback the label when {@code text} has no letter or digit
     * @return lowercase letters, digits and single {@code -} between them, 1 to 63 characters
     */
    static String label(String text, String fallback) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 1));
        for (int i = 0; i < text.length() && out.length() <= MAX_LENGTH; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        String label = trimmed(out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) : out.toString());
        return label.isEmpty() ? fallback : label;
    }

    /** {@code label} cut so that {@code label + suffix} fits 63 characters, without a trailing {@code -} before the suffix. */
    private static String withSuffix(String label, String suffix) {
        int room = MAX_LENGTH - suffix.length();
        return trimmed(label.length() > room ? label.substring(0, room) : label) + suffix;
    }

    private static String trimmed(String label) {
        int start = 0;
        int end = label.length();
        while (start < end && label.charAt(start) == '-') {
            start++;
        }
        while (end > start && label.charAt(end - 1) == '-') {
            end--;
        }
        return label.substring(start, end);
    }

    /** Eight lowercase hex digits of the SHA-256 of {@code text} in UTF-8. */
    static String hash(String text) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        StringBuilder hex = new StringBuilder(8);
        for (int i = 0; i < 4; i++) {
            hex.append(HEX[digest[i] >> 4 & 0xF]).append(HEX[digest[i] & 0xF]);
        }
        return hex.toString();
    }
}
