package dev.homeenergy.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code promtool check metrics} on an exposition. */
public final class Promtool {
  private Promtool() {}

  /** promtool's verdict: exit code 0 clean, 3 lint problems (listed in output), 1 parse error. */
  public record Result(int exitCode, String output) {
    public List<String> problems() {
      return output.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  public static Result checkMetrics(String exposition) throws IOException, InterruptedException {
    Path promtool = ExternalTool.require("promtool");
    Process process =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("promtool did not finish");
    }
    return new Result(process.exitValue(), output);
  }
}
