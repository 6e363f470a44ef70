package dev.slo.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code promtool} (package {@code prometheus}, installed by {@code .ci/run}) with a bound on
 * its time. A missing promtool fails the test that needs it: it is never skipped.
 */
final class Promtool {
    /** What a run printed and how it ended. */
    record Result(int exitCode, String output) {}

    private Promtool() {}

    /** {@return the path of Debian's {@code name} (promtool, prometheus) on the PATH; fails the test when missing} */
    static Path executable(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(name + " is not installed: .ci/run installs it (apt-get install -y prometheus)");
    }

    /** Runs {@code promtool args...} with {@code stdin} (null for none), for at most 60 seconds. */
    static Result run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable("promtool").toString());
        command.addAll(List.of(args));
        Path output = Files.createTempFile("promtool", ".out");       // to a file: a hung promtool cannot block a read
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("promtool " + String.join(" ", args) + " took more than 60 s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
