package dev.homeenergy.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.testing.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every unit under deploy/systemd passes {@code systemd-analyze verify} without a warning about
 * itself (an unknown key or a value systemd cannot parse is only a warning, and then ignored).
 */
class SystemdUnitsIT {
  private static final Path UNITS = Path.of("deploy/systemd");
  private static final Path JAVA = Path.of("/usr/bin/java");

  @Test
  void everyUnitVerifies(@TempDir Path dir) throws Exception {
    Path analyze = ExternalTool.require("systemd-analyze", "systemd");
    List<Path> units;
    try (Stream<Path> files = Files.list(UNITS)) {
      units = files.filter(f -> f.toString().endsWith(".service")).sorted().toList();
    }
    assertThat(units).hasSize(5);
    SoftAssertions soft = new SoftAssertions();
    for (Path unit : units) {
      Path checked = unit.toAbsolutePath();
      if (!Files.isExecutable(JAVA)) {
        // verify insists the ExecStart program exists; point it at this JVM instead.
        checked = dir.resolve(unit.getFileName());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(checked, Files.readString(unit).replace(JAVA.toString(), java));
      }
      Process process =
          new ProcessBuilder(analyze.toString(), "verify", checked.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String name = unit.getFileName().toString();
      soft.assertThat(process.exitValue()).as("%s: %s", name, output).isZero();
      soft.assertThat(output.lines().filter(line -> line.contains(name)).toList())
          .as("warnings about %s", name)
          .isEmpty();
    }
    soft.assertAll();
  }
}
