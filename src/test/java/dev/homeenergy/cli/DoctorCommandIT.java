package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.device.powerwall.GatewayCertificates;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulator;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulatorCertificate;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulator;
import dev.homeenergy.device.tesla.sim.TeslaSimulator;
import dev.homeenergy.device.wallconnector.sim.WallConnectorSimulator;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.MutableClock;
import dev.homeenergy.testing.TeslaSignIn;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code home-energy-exporter doctor} against the simulators: every step of healthy devices, and
 * the step, verdict and hint of the usual failures (a refused port, an unknown host, a wrong
 * Powerwall password, a certificate that is not the pinned one), with at most one login and no car
 * woken.
 */
class DoctorCommandIT {
  private static final String WRONG_PASSWORD = "not-the-customer-password";

  @TempDir Path dir;

  @Test
  void healthyDevicesPassEveryStepAndExitZero() throws Exception {
    MutableClock cloudClock = MutableClock.at("2026-11-24T20:00:00Z");
    try (WallConnectorSimulator wallConnector =
            WallConnectorSimulator.start(options("idle", Clock.systemUTC()));
        PowerwallSimulator powerwall =
            PowerwallSimulator.start(options("powerwall2", Clock.systemUTC()));
        SunpowerSimulator pvs = SunpowerSimulator.start(options("legacy", Clock.systemUTC()));
        TeslaSimulator cloud = TeslaSimulator.start(options("daily", cloudClock))) {
      Path pinned = dir.resolve("gateway.pem");
      GatewayCertificates.writePem(powerwall.certificate(), pinned);
      String config =
          wallConnectorEntry("wc", wallConnector.baseUri())
              + powerwallEntry("pw", powerwall.baseUri(), PowerwallSimulator.DEFAULT_PASSWORD)
              + "    tls_cert_file: "
              + pinned
              + "\n"
              + "  - name: pvs\n    type: sunpower\n    address: "
              + pvs.baseUri()
              + "\n"
              + teslaEntry(cloud);

      Result run = doctor(config);

      assertThat(run.exitCode()).as(run.out()).isZero();
      String out = run.out();
      assertThat(out).doesNotContain("✗").contains("Every device answers (4).");
      assertThat(stepLines(out))
          .allMatch(line -> line.startsWith("✓") || line.startsWith("-"), "passed or skipped")
          .filteredOn(line -> line.startsWith("-"))
          .allMatch(
              line -> line.startsWith("- TLS") || line.startsWith("- authentication"),
              "only TLS of http devices and the open APIs' authentication are skipped");
      for (String step :
          List.of(
              "name resolution",
              "TCP connect",
              "HTTP",
              "read vitals",
              "read lifetime",
              "read wifi_status",
              "read version",
              "read system_status/soe",
              "read DeviceList",
              "token file",
              "scopes",
              "list vehicles",
              "list energy sites")) {
        assertThat(out).contains("✓ " + step);
      }
      assertThat(out)
          .containsPattern(
              "✓ TLS +TLSv1\\.[23], certificate SHA-256 [0-9A-F:]{95}, the pinned one");
      assertThat(powerwall.loginAttempts()).isEqualTo(1);
      assertThat(out).doesNotContain(PowerwallSimulator.DEFAULT_PASSWORD);
      assertThat(out).doesNotContain(cloud.settings().clientSecret());
    }
  }

  @Test
  void aRefusedPortFailsTheTcpStepWithAHint() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Result run = doctor(wallConnectorEntry("wc", URI.create("http://127.0.0.1:" + closed)));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("✓ name resolution")
        .contains("✗ TCP connect")
        .contains("connection refused by 127.0.0.1:" + closed)
        .contains("hint: the host is there but nothing listens on port " + closed)
        .contains("1 of 1 device(s) do not answer.");
  }

  @Test
  void anUnknownHostFailsNameResolution() throws Exception {
    Result run = doctor(wallConnectorEntry("wc", URI.create("http://no-such-host.invalid:80")));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("✗ name resolution")
        .contains("no such host no-such-host.invalid")
        .contains("- TCP connect")
        .contains("hint: check the spelling of the host name");
  }

  @Test
  void aWrongPowerwallPasswordFailsAuthenticationAfterExactlyOneLogin() throws Exception {
    try (PowerwallSimulator powerwall =
        PowerwallSimulator.start(options("powerwall2", Clock.systemUTC()))) {
      Result run = doctor(powerwallEntry("pw", powerwall.baseUri(), WRONG_PASSWORD));

      assertThat(run.exitCode()).isEqualTo(1);
      String out = run.out();
      assertThat(out)
          .contains("✓ TLS")
          .contains("✗ authentication")
          .contains("hint: the local API wants the customer password, not the gateway password")
          .contains("- read endpoints")
          .doesNotContain(WRONG_PASSWORD);
      assertThat(powerwall.loginAttempts()).isEqualTo(1);
      assertThat(powerwall.successfulLogins()).isZero();
    }
  }

  @Test
  void aCertificateThatIsNotThePinnedOneFailsTlsShowingBothFingerprints() throws Exception {
    try (PowerwallSimulator powerwall =
        PowerwallSimulator.start(options("powerwall2", Clock.systemUTC()))) {
      X509Certificate other =
          (X509Certificate)
              PowerwallSimulatorCertificate.OTHER
                  .keyStore()
                  .getCertificate(PowerwallSimulatorCertificate.ALIAS);
      Path pinned = dir.resolve("other.pem");
      GatewayCertificates.writePem(other, pinned);
      Result run =
          doctor(
              powerwallEntry("pw", powerwall.baseUri(), PowerwallSimulator.DEFAULT_PASSWORD)
                  + "    tls_cert_file: "
                  + pinned
                  + "\n");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out())
          .contains("✗ TLS")
          .contains(
              "the device's certificate SHA-256 "
                  + fingerprint(powerwall.certificate())
                  + " is not the pinned one, SHA-256 "
                  + fingerprint(other))
          .contains("hint: the gateway's certificate changed")
          .contains("- HTTP");
      assertThat(powerwall.loginAttempts()).isZero();
    }
  }

  @Test
  void aSleepingCarIsListedButNeverReadNorWoken() throws Exception {
    MutableClock cloudClock = MutableClock.at("2026-11-24T03:00:00Z");
    try (TeslaSimulator cloud = TeslaSimulator.start(options("parked", cloudClock))) {
      String vin = cloud.vins().get(0);
      cloudClock.advance(cloud.settings().quietPeriod().plusMinutes(1));
      assertThat(cloud.vehicleState(vin)).isEqualTo("asleep");

      Result run = doctor(teslaEntry(cloud));

      assertThat(run.exitCode()).as(run.out()).isZero();
      assertThat(run.out()).contains("✓ list vehicles").contains("asleep");
      for (String car : cloud.vins()) {
        assertThat(cloud.wakeRequests(car)).isZero();
        assertThat(cloud.wakeUps(car)).isZero();
        assertThat(cloud.requestCount("/api/1/vehicles/" + car + "/vehicle_data")).isZero();
      }
      assertThat(cloud.vehicleState(vin)).isEqualTo("asleep");
    }
  }

  @Test
  void aTokenWithoutTheEnergyScopeFailsTheScopesStepWithTheSignInHint() throws Exception {
    try (TeslaSimulator cloud = TeslaSimulator.start(options("daily", Clock.systemUTC()))) {
      Path tokenFile = dir.resolve("tesla-token.json");
      TeslaSignIn.signIn(
          cloud, "openid offline_access vehicle_device_data", Clock.systemUTC(), tokenFile);

      Result run = doctor(teslaEntry(cloud, tokenFile));

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out())
          .contains("✓ authentication")
          .contains("✗ scopes")
          .contains("the token lacks energy_device_data")
          .contains("hint: the token was granted without a scope it needs")
          .contains("✓ list vehicles");
    }
  }

  @Test
  void aPvsWhoseFirmwareLockedDeviceListGetsTheVarsHint() throws Exception {
    try (SunpowerSimulator pvs = SunpowerSimulator.start(options("locked", Clock.systemUTC()))) {
      Result forced =
          doctor(
              "  - name: pvs\n    type: sunpower\n    address: "
                  + pvs.baseUri()
                  + "\n    api: dl_cgi\n");

      assertThat(forced.exitCode()).isEqualTo(1);
      assertThat(forced.out())
          .contains("✗ API")
          .contains("hint: this PVS firmware locked the DeviceList API: set api: vars (or auto)")
          .contains("last 5 characters of the PVS serial");

      Result auto =
          doctor("  - name: pvs\n    type: sunpower\n    address: " + pvs.baseUri() + "\n");

      assertThat(auto.exitCode()).as(auto.out()).isZero();
      assertThat(auto.out())
          .contains("✓ API")
          .contains("vars answers (this firmware refuses DeviceList)")
          .contains("✓ authentication")
          .contains("✓ read vars /sys/info/");
    }
  }

  @Test
  void aConfigWithProblemsExitsTwoLikeCheckConfig() throws Exception {
    Result run = doctor("  - name: wc\n    type: wallconnector\n    adress: x\n");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
  }

  private static SimulatorOptions options(String scenario, Clock clock) {
    return new SimulatorOptions("127.0.0.1", 0, scenario, clock, Set.of());
  }

  private static String wallConnectorEntry(String name, URI address) {
    return "  - name: " + name + "\n    type: wallconnector\n    address: " + address + "\n";
  }

  private static String powerwallEntry(String name, URI address, String password) {
    return "  - name: "
        + name
        + "\n    type: powerwall\n    address: "
        + address
        + "\n    password: \""
        + password
        + "\"\n";
  }

  private String teslaEntry(TeslaSimulator cloud) throws Exception {
    Path tokenFile = dir.resolve("tesla-token.json");
    TeslaSignIn.signIn(cloud, tokenFile);
    return teslaEntry(cloud, tokenFile);
  }

  private static String teslaEntry(TeslaSimulator cloud, Path tokenFile) {
    return "  - name: cloud\n    type: tesla\n    client_id: "
        + cloud.settings().clientId()
        + "\n    client_secret: \""
        + cloud.settings().clientSecret()
        + "\"\n    api_base: "
        + cloud.baseUri()
        + "\n    auth_base: "
        + cloud.authBase()
        + "\n    token_base: "
        + cloud.tokenBase()
        + "\n    token_file: "
        + tokenFile
        + "\n";
  }

  private record Result(int exitCode, String out, String err) {}

  private Result doctor(String devices) throws Exception {
    Path config = dir.resolve("config.yml");
    Files.writeString(config, "devices:\n" + devices);
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    int exitCode = run.execute("doctor", "--config.file=" + config);
    return new Result(exitCode, run.out.toString(), run.err.toString());
  }

  /** The step lines of the output, each starting with its mark. */
  private static List<String> stepLines(String out) {
    return out.lines()
        .filter(line -> line.startsWith("  ") && !line.startsWith("  hint:"))
        .map(String::strip)
        .toList();
  }

  private static String fingerprint(X509Certificate certificate) throws Exception {
    return HexFormat.ofDelimiter(":")
        .withUpperCase()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
  }
}
