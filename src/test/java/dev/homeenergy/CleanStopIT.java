package dev.homeenergy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.testing.ChildJava;
import dev.homeenergy.testing.Http;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged jar as a real process, stopped the way systemd, Docker and a terminal stop it: a
 * clean stop exits 0 (as README and --help say), not the JVM's 143 or 130, and logs one line.
 */
class CleanStopIT {
  private static final Path JAR = Path.of("target/home-energy-exporter.jar");
  private static final Pattern SERVING = Pattern.compile("serving .* at (http://\\S+)/ ");

  @ParameterizedTest
  @ValueSource(strings = {"TERM", "INT"})
  void aSignalStopsItWithExitZero(String signal, @TempDir Path dir) throws Exception {
    assertThat(JAR).as("the IT tier runs after package").exists();
    Path config =
        Files.writeString(
            dir.resolve("home-energy-exporter.yml"),
            """
            web:
              listen_address: 127.0.0.1:0
            devices:
              - {name: garage, type: wallconnector, address: "127.0.0.1:9"}
            """);
    Path stderr = dir.resolve("stderr.log");
    Process process =
        new ProcessBuilder(
                ChildJava.command(List.of("-jar", JAR.toString(), "--config.file=" + config)))
            .redirectError(stderr.toFile())
            .start();
    try {
      CompletableFuture<URI> base = CompletableFuture.supplyAsync(() -> servingAt(process));
      URI uri = base.get(60, TimeUnit.SECONDS);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> Http.get(uri.resolve("/-/healthy")).statusCode() == 200);

      if (signal.equals("TERM")) {
        process.destroy();
      } else {
        assertThat(
                new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor())
            .isZero();
      }

      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
      String log = Files.readString(stderr);
      assertThat(process.exitValue()).as(log).isZero();
      assertThat(log.lines().filter(line -> line.contains("home-energy-exporter stopped")))
          .hasSize(1);
    } finally {
      process.destroyForcibly();
    }
  }

  private static URI servingAt(Process process) {
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher matcher = SERVING.matcher(line);
        if (matcher.find()) {
          return URI.create(matcher.group(1));
        }
      }
      throw new AssertionError("the exporter ended without serving");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
