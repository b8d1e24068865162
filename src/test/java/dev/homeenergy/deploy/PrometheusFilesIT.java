package dev.homeenergy.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.homeenergy.testing.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus files under {@code deploy/prometheus/} pass Debian's promtool: the configuration
 * and both rule files check, and the alert unit tests (each alert fires and clears) pass. Paths are
 * relative to the project root, where Maven runs the tests.
 */
class PrometheusFilesIT {
  private static final Path DIR = Path.of("deploy", "prometheus");
  private static final long TIMEOUT_SECONDS = 60;

  @Test
  void configurationChecks() throws Exception {
    promtool("check", "config", DIR.resolve("prometheus.yml").toString());
  }

  @Test
  void recordingRulesCheck() throws Exception {
    promtool("check", "rules", DIR.resolve("recording-rules.yml").toString());
  }

  @Test
  void alertRulesCheck() throws Exception {
    promtool("check", "rules", DIR.resolve("alert-rules.yml").toString());
  }

  @Test
  void alertUnitTestsPass() throws Exception {
    promtool("test", "rules", DIR.resolve("alert-rules.test.yml").toString());
  }

  private static void promtool(String... args) throws IOException, InterruptedException {
    Path promtool = ExternalTool.require("promtool");
    assertTrue(
        Files.isDirectory(DIR), DIR.toAbsolutePath() + " not found: run from the project root");
    List<String> command = new ArrayList<>();
    command.add(promtool.toString());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .directory(Path.of("").toAbsolutePath().toFile())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    // Read the output on another thread so that the timeout below holds even if promtool hangs.
    byte[][] holder = new byte[1][];
    Thread reader =
        new Thread(
            () -> {
              try {
                holder[0] = process.getInputStream().readAllBytes();
              } catch (IOException e) {
                holder[0] = ("(could not read output: " + e + ")").getBytes(StandardCharsets.UTF_8);
              }
            });
    reader.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      reader.join(TimeUnit.SECONDS.toMillis(5));
      fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + "s");
    }
    reader.join(TimeUnit.SECONDS.toMillis(10));
    String text = holder[0] == null ? "" : new String(holder[0], StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + text);
  }
}
