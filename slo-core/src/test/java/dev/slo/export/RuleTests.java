package dev.slo.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.BurnRateAlert;
import dev.slo.Owner;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the cross-checks share: a {@code promtool test rules} file of scraped series and expectations, and its run. */
final class RuleTests {
    private RuleTests() {}

    /**
     * Runs {@code promtool test rules} in {@code directory} on the rules of {@code slos}, with the scraped {@code series}
     * (one value per minute from 0) and the tests given, and asserts that every test passes.
     */
    static void promtool(Path directory, SloRegistry slos, Map<String, List<String>> series, List<String> alertTests,
            List<String> exprTests) throws IOException, InterruptedException {
        String rules = Prometheus.rules(slos);
        Files.writeString(directory.resolve("slo-rules.yml"), rules);
        StringBuilder test = new StringBuilder();
        test.append("rule_files:\n  - slo-rules.yml\nevaluation_interval: 1m\ntests:\n  - interval: 1m\n    input_series:\n");
        for (Map.Entry<String, List<String>> s : series.entrySet()) {
            test.append("      - series: ").append(PromSyntax.yamlString(s.getKey())).append('\n');
            test.append("        values: ").append(PromSyntax.yamlString(String.join(" ", s.getValue()))).append('\n');
        }
        test.append("    alert_rule_test:\n");
        alertTests.forEach(test::append);
        if (!exprTests.isEmpty()) {
            test.append("    promql_expr_test:\n");
            exprTests.forEach(test::append);
        }
        Path testFile = Files.writeString(directory.resolve("slo-test.yml"), test);
        Promtool.Result result = Promtool.run(null, "test", "rules", testFile.toString());
        assertEquals(0, result.exitCode(), () -> firstLines(result.output(), 80) + "\nrules:\n" + firstLines(rules, 400));
        assertTrue(result.output().contains("SUCCESS"), result.output());
    }

    /** An alert test: at {@code evalTime}, exactly the {@code expected} alerts (of {@link #expectedAlert}) named {@code alertName} fire. */
    static String alertTest(String evalTime, String alertName, List<String> expected) {
        return "      - eval_time: " + evalTime + "\n        alertname: " + alertName + "\n        exp_alerts:"
                + (expected.isEmpty() ? " []\n" : "\n" + String.join("", expected));
    }

    /**
     * The {@code SloErrorBudgetBurn} promtool must find firing for {@code alert} of {@code slo}: its labels (with
     * {@code extraLabels}, e.g. a group's) and annotations.
     */
    static String expectedAlert(Slo slo, BurnRateAlert alert, Map<String, String> extraLabels) {
        String longWindow = PromSyntax.duration(alert.rule().longWindow());
        String shortWindow = PromSyntax.duration(alert.rule().shortWindow());
        String owners = String.join(", ", slo.spec().owners().stream().map(Owner::toString).toList());
        StringBuilder extra = new StringBuilder();
        extraLabels.forEach((k, v) -> extra.append("              ").append(k).append(": ").append(PromSyntax.yamlString(v)).append('\n'));
        return "          - exp_labels:\n"
                + "              slo: " + PromSyntax.yamlString(slo.name()) + "\n"
                + extra
                + "              severity: " + alert.severity().name().toLowerCase(Locale.ROOT) + "\n"
                + "              long_window: " + longWindow + "\n"
                + "              short_window: " + shortWindow + "\n"
                + "            exp_annotations:\n"
                + "              summary: " + PromSyntax.yamlString(slo.name() + " burns its error budget at "
                        + PromSyntax.number(alert.threshold()) + "x or more over " + longWindow + " and " + shortWindow) + "\n"
                + "              description: " + PromSyntax.yamlString(slo.spec().description()) + "\n"
                + "              owners: " + PromSyntax.yamlString(owners) + "\n"
                + "              audience: " + slo.spec().audience().name().toLowerCase(Locale.ROOT) + "\n";
    }

    static String firstLines(String text, int lines) {
        return String.join("\n", text.lines().limit(lines).toList());
    }
}
