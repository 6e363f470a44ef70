package dev.slo.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real promtool accepts the exposition and the rule file for registries of every SLI kind. */
final class PrometheusPromtoolTest {
    @TempDir
    Path directory;

    @Test
    void promtoolCheckMetricsFindsNothingToSay() throws IOException, InterruptedException {
        ExportScenario scenario = new ExportScenario();
        scenario.traffic(1, Duration.ofHours(6));
        String metrics = Prometheus.exposition(scenario.slos);
        Promtool.Result result = Promtool.run(metrics, "check", "metrics");
        assertEquals(new Promtool.Result(0, ""), result, metrics);
    }

    @Test
    void promtoolCheckRulesAcceptsTheRuleFile() throws IOException, InterruptedException {
        ExportScenario scenario = new ExportScenario();
        Path rules = Files.writeString(directory.resolve("slo-rules.yml"), Prometheus.rules(scenario.slos));
        Promtool.Result result = Promtool.run(null, "check", "rules", "--lint=all", "--lint-fatal", rules.toString());
        assertEquals(0, result.exitCode(), result.output() + "\n" + Files.readString(rules));
        assertTrue(result.output().contains("SUCCESS") && !result.output().contains("FAILED"), result.output());
    }
}
