package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: one run of {@code check-config} (and of {@code serve}) reports every problem of a file,
 * generic, family-typed and family cross-key ones alike, each with its line, in file order.
 */
class CheckConfigOnePassTest {
  private static final String CONFIG =
      """
      web:
        listen_address: localhost
      log:
        level: verbose
      devices:
        - name: pvs
          type: sunpower
          address: 192.0.2.70
          use_tls: yes
          api: rest
        - name: cars
          type: tesla
          client_id: my-client-id
          client_secret: s
          region: europe
          budget_dollars: ten
          vehicle_index: first
        - name: home-battery
          type: powerwall
          address: 192.0.2.60
          retry_interval: often
        - name: cabin
          type: powerwall
          address: 192.0.2.61
          password: hunter2
          tls_cert_file: not-a-cert.pem
          retry_timeout: 10m
        - name: proxied
          type: tesla
          client_id: x
          client_secret: y
          region: eu
          api_base: https://fleet.example
      """;

  private static final List<String> EXPECTED =
      List.of(
          ":2: web.listen_address: invalid listen address \"localhost\": missing port",
          ":4: log.level: invalid log level \"verbose\"",
          ":9: devices[0].use_tls: expected true or false, got \"yes\"",
          ":10: devices[0].api: expected one of: auto, dl_cgi, vars, got \"rest\"",
          ":15: devices[1].region: expected one of: na, eu, cn, got \"europe\"",
          ":16: devices[1].budget_dollars: expected a number, got \"ten\"",
          ":17: devices[1].vehicle_index: expected a whole number, got \"first\"",
          ":18: devices[2].password: required for powerwall",
          ":21: devices[2].retry_interval: ",
          ":26: devices[3].tls_cert_file: cannot use",
          ":27: devices[3].retry_timeout: a poll may last timeout + retry_timeout = 10m10s",
          ":33: devices[4].api_base: region and api_base both pick the Fleet API");

  @Test
  void checkConfigReportsEveryProblemOfTheFileWithItsLineInOneRun(@TempDir Path dir)
      throws Exception {
    Path config = write(dir);
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());

    assertThat(run.execute("check-config", config.toString())).isEqualTo(2);

    assertProblems(run.err.toString(), config);
    assertThat(run.out.toString()).isEmpty();
  }

  @Test
  void serveRefusesTheSameFileWithTheSameProblemsBeforeBinding(@TempDir Path dir) throws Exception {
    Path config = write(dir);
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());

    assertThat(run.execute("--config.file=" + config)).isEqualTo(2);

    assertProblems(run.err.toString(), config);
    assertThat(run.serving.get()).isNull();
  }

  private static Path write(Path dir) throws Exception {
    Files.writeString(dir.resolve("not-a-cert.pem"), "not a certificate\n");
    return Files.writeString(dir.resolve("home.yml"), CONFIG);
  }

  private static void assertProblems(String err, Path config) {
    List<String> lines = err.lines().filter(line -> !line.isBlank()).toList();
    assertThat(lines).as(err).hasSize(EXPECTED.size());
    for (int i = 0; i < EXPECTED.size(); i++) {
      assertThat(lines.get(i)).as(err).startsWith(config + EXPECTED.get(i));
    }
    assertThat(err).doesNotContain("hunter2");
  }
}
