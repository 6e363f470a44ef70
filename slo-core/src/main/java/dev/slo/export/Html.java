// Writes the status page's markup by hand: elements that always close, every text and attribute escaped.
package dev.slo.export;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes HTML that is also well-formed XML (the XHTML syntax of HTML), so that slo-core needs no library
 * and a test can read the page with the JDK's XML parser: every element is closed (empty ones as
 * {@code <br/>}), attribute values are double-quoted, and a stack of open elements makes {@link #page()}
 * refuse markup left open.
 *
 * <p>Text and attribute values are escaped completely ({@link #escape}): {@code & < > " '} become
 * entities, so no name, description or reason can open a tag, end an attribute or start an entity. A
 * character XML 1.0 cannot hold at all, even as a reference (a control character other than tab, line feed
 * and carriage return, an unpaired surrogate, U+FFFE, U+FFFF), becomes U+FFFD, the replacement character.
 * Element and attribute names are the page's own constants, never user text. Not thread-safe; one writer
 * per page.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(16_384);
    private final Deque<String> open = new ArrayDeque<>();

    /** Starts the page with its doctype, which XML parsers accept and browsers read as standards mode. */
    Html() {
        out.append("<!DOCTYPE html>\n");
    }

    /**
     * Opens {@code tag} with {@code attributes} given as name, value, name, value...; close it with {@link #close()}.
     * A null value leaves its attribute out.
     */
    Html open(String tag, String... attributes) {
        start(tag, attributes);
        out.append('>');
        open.push(tag);
        return this;
    }

    /** Closes the element opened last. */
    Html close() {
        out.append("</").append(open.pop()).append('>');
        if (open.size() <= 2) {                        // a line per block of the body keeps the page readable
            out.append('\n');
        }
        return this;
    }

    /** An element holding {@code text} only, escaped. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close();
    }

    /** An element without content, written {@code <tag .../>}. */
    Html empty(String tag, String... attributes) {
        start(tag, attributes);
        out.append("/>");
        return this;
    }

    /** Text inside the element open now, escaped. */
    Html text(String text) {
        escape(out, text);
        return this;
    }

    /**
     * Text the page writes itself that needs no escaping (the style sheet): refused if it could end its
     * element or start markup.
     */
    Html trusted(String text) {
        if (text.indexOf('<') >= 0 || text.indexOf('&') >= 0) {
            throw new IllegalArgumentException("trusted text must hold no '<' or '&', got " + text);
        }
        out.append(text);
        return this;
    }

    /** {@return the whole page; fails when an element is still open} */
    String page() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("the page is incomplete: " + open + " still open");
        }
        return out.toString();
    }

    private void start(String tag, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes must come in name, value pairs, got " + attributes.length + " strings");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"");
                escape(out, attributes[i + 1]);
                out.append('"');
            }
        }
    }

    /** {@return {@code text} escaped for an HTML/XML text node or a double-quoted attribute value} */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        escape(b, text);
        return b.toString();
    }

    private static void escape(StringBuilder out, String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n', '\r' -> out.append(c);
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));       // a whole pair: one code point, kept as is
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        out.append('\uFFFD');                         // no XML 1.0 document may hold it
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
