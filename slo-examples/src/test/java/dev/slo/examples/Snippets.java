package dev.slo.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/** Code between marker comments in the examples, and whether README.md shows it line for line. */
final class Snippets {
    private Snippets() {}

    /** The lines between the markers, without the indentation they share. */
    static List<String> between(List<String> source, String begin, String end) {
        int from = -1;
        int to = -1;
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).strip().equals(begin)) {
                from = i + 1;
            } else if (source.get(i).strip().equals(end)) {
                to = i;
            }
        }
        assertTrue(from > 0 && to >= from, "markers " + begin + " and " + end + " must enclose the snippet");
        List<String> lines = source.subList(from, to);
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing()).toList();
    }

    /** Whether README.md (at the top of the checkout) holds {@code snippet} as consecutive lines. */
    static boolean readmeHolds(List<String> snippet) throws IOException {
        List<String> readme = Files.readAllLines(Path.of("../README.md")).stream().map(String::stripTrailing).toList();
        return Collections.indexOfSubList(readme, snippet) >= 0;
    }
}
