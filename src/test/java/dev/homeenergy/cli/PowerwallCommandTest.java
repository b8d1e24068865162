package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.app.Exporter;
import dev.homeenergy.device.powerwall.GatewayCertificates;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulator;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.Exposition;
import dev.homeenergy.testing.Http;
import dev.homeenergy.testing.MutableClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code powerwall} drop-in for the Go powerwall_exporter, and {@code powerwall fetchcert}. */
class PowerwallCommandTest {

  @Test
  void anUnknownKeyInTheSeedFileIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("powerwall_exporter.yaml");
    Files.writeString(
        config,
        "device:\n  gateway_address: 192.0.2.60\n  login_password: hunter2\n  colour: red\n");
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    assertThat(run.execute("powerwall", "--config.file=" + config)).isEqualTo(2);
    assertThat(run.err.toString())
        .contains("powerwall_exporter.yaml:4")
        .contains("device.colour")
        .doesNotContain("hunter2");
  }

  @Test
  void everyProblemOfTheSeedFileIsReportedWithItsLineInOneRun(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("powerwall_exporter.yaml");
    Files.writeString(
        config,
        """
        web:
          listen_address: localhost
        device:
          gateway_address: ftp://192.0.2.60
          login_pasword: hunter2
          retry_interval: often
        """);
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    assertThat(run.execute("powerwall", "--config.file=" + config)).isEqualTo(2);
    assertThat(run.err.toString().lines().toList())
        .as(run.err.toString())
        .satisfiesExactly(
            line ->
                assertThat(line)
                    .startsWith(config + ":2: web.listen_address: invalid listen address"),
            line ->
                assertThat(line)
                    .isEqualTo(
                        config
                            + ":3: Required parameter device.login_password not specified in config file"),
            line -> assertThat(line).startsWith(config + ":4: device.gateway_address: "),
            line -> assertThat(line).startsWith(config + ":5: device.login_pasword: unknown key"),
            line -> assertThat(line).startsWith(config + ":6: device.retry_interval: "));
    assertThat(run.err.toString()).doesNotContain("hunter2");
  }

  @Test
  void requiredKeysAreNamedAsTheSeedDid(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("powerwall_exporter.yaml");
    Files.writeString(config, "device:\n  login_password: hunter2\n");
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    assertThat(run.execute("powerwall", "--config.file=" + config)).isEqualTo(2);
    assertThat(run.err.toString())
        .contains("Required parameter device.gateway_address not specified in config file");
  }

  @Test
  void aMissingFileIsAClearError(@TempDir Path dir) {
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    assertThat(run.execute("powerwall", "--config.file=" + dir.resolve("nope.yaml"))).isEqualTo(2);
    assertThat(run.err.toString()).contains("nope.yaml").contains("cannot read");
  }

  @Test
  void servesTheSeedNamesFromTheSeedFile(@TempDir Path dir) throws Exception {
    try (PowerwallSimulator gateway =
        PowerwallSimulator.start(
            new SimulatorOptions(
                "127.0.0.1", 0, "powerwall2", MutableClock.at("2026-06-21T12:00:00Z"), Set.of()))) {
      Path config = dir.resolve("powerwall_exporter.yaml");
      Files.writeString(
          config,
          """
          web:
            listen_address: 127.0.0.1:0
            metrics_path: /pw
          device:
            gateway_address: %s
            login_password: %s
            retry_interval: 1s
            retry_timeout: 5s
          """
              .formatted(gateway.baseUri().getAuthority(), PowerwallSimulator.DEFAULT_PASSWORD));
      CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
      CompletableFuture<Integer> result =
          run.executeInBackground("powerwall", "--config.file=" + config);
      Exporter exporter =
          await().atMost(Duration.ofSeconds(10)).until(run.serving::get, e -> e != null);
      URI metrics = URI.create("http://127.0.0.1:" + exporter.port() + "/pw");
      Exposition exposition =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () -> new Exposition(Http.get(metrics).body()),
                  e -> e.hasMetric("powerwall_charge_ratio"));
      assertThat(exposition.value("powerwall_charge_ratio")).isPresent();
      assertThat(exposition.sampleLines())
          .noneMatch(l -> l.startsWith("powerwall_") && l.contains("device=\""));
      run.stop.countDown();
      assertThat(result.get(10, TimeUnit.SECONDS)).isZero();
    }
  }

  @Test
  void fetchcertSavesTheGatewaysCertificate(@TempDir Path dir) throws Exception {
    try (PowerwallSimulator gateway =
        PowerwallSimulator.start(
            new SimulatorOptions(
                "127.0.0.1", 0, "powerwall2", MutableClock.at("2026-06-21T12:00:00Z"), Set.of()))) {
      Path out = dir.resolve("gateway.pem");
      Files.writeString(out, "an older certificate\n");
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));
      CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
      assertThat(
              run.execute(
                  "powerwall",
                  "fetchcert",
                  "--address",
                  gateway.baseUri().getAuthority(),
                  "--out",
                  out.toString()))
          .isZero();
      assertThat(Files.readString(out)).startsWith("-----BEGIN CERTIFICATE-----");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
          .isEqualTo("rw-------");
      try (var files = Files.list(dir)) {
        assertThat(files).containsExactly(out);
      }
      assertThat(GatewayCertificates.readPem(out).getSubjectX500Principal().getName())
          .contains("CN=powerwall");
    }
  }

  @Test
  void fetchcertFromAClosedPortSaysWhereAndWhyAndWritesNothing(@TempDir Path dir) throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    Path out = dir.resolve("gateway.pem");
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());

    assertThat(
            run.execute(
                "powerwall", "fetchcert", "--address", "127.0.0.1:" + closed, "--out", "" + out))
        .isEqualTo(1);

    assertThat(run.err.toString())
        .contains(
            "Unable to fetch TLS certificate from 127.0.0.1:"
                + closed
                + ": connection refused by 127.0.0.1:"
                + closed);
    assertThat(out).doesNotExist();
  }

  @Test
  void theSeedsFetchcertFlagWritesTlsCertFile(@TempDir Path dir) throws Exception {
    try (PowerwallSimulator gateway =
        PowerwallSimulator.start(
            new SimulatorOptions(
                "127.0.0.1", 0, "powerwall2", MutableClock.at("2026-06-21T12:00:00Z"), Set.of()))) {
      Path config = dir.resolve("powerwall_exporter.yaml");
      Files.writeString(
          config,
          "device:\n  gateway_address: %s\n  login_password: x\n  tls_cert_file: cert.pem\n"
              .formatted(gateway.baseUri().getAuthority()));
      CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
      assertThat(run.execute("powerwall", "--config.file=" + config, "--fetchcert")).isZero();
      assertThat(dir.resolve("cert.pem")).exists();
    }
  }

  @Test
  void aPowerwallWithoutPasswordOrWithABadCertificateIsRefusedBeforeServing(@TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("config.yml");
    Files.writeString(
        config,
        """
        devices:
          - name: home-battery
            type: powerwall
            address: 192.0.2.60
          - name: cabin
            type: powerwall
            address: 192.0.2.61
            password: pw
            tls_cert_file: missing.pem
        """);
    CommandLineTest.Run check = new CommandLineTest.Run(Map.of());
    assertThat(check.execute("check-config", config.toString())).isEqualTo(2);
    assertThat(check.err.toString())
        .contains("config.yml:2: devices[0].password: required")
        .contains("config.yml:9: devices[1].tls_cert_file: cannot read");
    CommandLineTest.Run serve = new CommandLineTest.Run(Map.of());
    assertThat(serve.execute("--config.file=" + config)).isEqualTo(2);
    assertThat(serve.serving.get()).isNull();
  }

  @Test
  void withoutAFileTheSeedsDefaultBesideTheJarIsRead() {
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    assertThat(run.execute("powerwall")).isEqualTo(2);
    assertThat(run.err.toString()).contains("powerwall_exporter.yaml: cannot read config file");
  }
}
