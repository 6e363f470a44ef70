package dev.slo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slo.SloRegistry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package cycle dev.slo -> dev.slo.report -> dev.slo stays one delegation wide: of the classes of
 * dev.slo, only SloRegistry (whose report method calls Reports.of) names anything in dev.slo.report.
 * (That dev.slo.report reads only the public face of dev.slo the compiler already enforces.)
 */
final class ReportPackageBoundaryTest {

    @Test
    void onlySloRegistryReferencesTheReportPackage() throws IOException, URISyntaxException {
        Path classes = Path.of(SloRegistry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path face = classes.resolve("dev/slo");
        List<String> referencing;
        try (Stream<Path> files = Files.list(face)) {
            referencing = files.filter(p -> p.toString().endsWith(".class"))
                    .filter(ReportPackageBoundaryTest::namesReportPackage)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        }
        assertEquals(List.of("SloRegistry.class"), referencing);
    }

    /** Whether the class file's constant pool names a type of dev.slo.report (internal form dev/slo/report/...). */
    private static boolean namesReportPackage(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("dev/slo/report/");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + classFile.getFileName(), e);
        }
    }
}
