package dev.homeenergy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.app.Exporter;
import dev.homeenergy.app.Families;
import dev.homeenergy.cli.LoggingSetup;
import dev.homeenergy.config.ConfigLoader;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.device.powerwall.PowerwallFamily;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulator;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulatorFault;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulatorSettings;
import dev.homeenergy.device.sunpower.SunpowerFamily;
import dev.homeenergy.device.sunpower.sim.PvsFault;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulator;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulatorSettings;
import dev.homeenergy.device.tesla.TeslaFamily;
import dev.homeenergy.device.tesla.sim.FleetFault;
import dev.homeenergy.device.tesla.sim.TeslaSimulator;
import dev.homeenergy.device.wallconnector.sim.Fault;
import dev.homeenergy.device.wallconnector.sim.WallConnectorSimulator;
import dev.homeenergy.polling.DeviceStatus;
import dev.homeenergy.testing.Http;
import dev.homeenergy.testing.LeakCheck;
import dev.homeenergy.testing.LogCapture;
import dev.homeenergy.testing.SecretFixtures;
import dev.homeenergy.testing.TeslaSignIn;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: every device family runs with known passwords and tokens through every error path its
 * simulator can produce, and none of those secrets shows anywhere a person or a scraper can look:
 * logs (stderr with stack traces, and the logging events), every page the exporter serves, and the
 * failure messages it keeps. {@code dev.homeenergy.cli.SecretsOnTheCommandLineIT} does the same for
 * the commands. The secrets and devices are in {@link SecretFixtures}.
 */
class SecretsNeverLeakIT {
  private static final Duration PHASE = Duration.ofSeconds(40);
  private static final String OPEN_METRICS =
      "application/openmetrics-text; version=1.0.0; charset=utf-8";

  @TempDir Path dir;
  private final LeakCheck leaks = new LeakCheck();
  private final List<AutoCloseable> running = new ArrayList<>();
  private LogCapture logs;
  private WallConnectorSimulator wallConnector;
  private PowerwallSimulator powerwall;
  private PowerwallSimulator otherPowerwall;
  private SunpowerSimulator pvs;
  private SunpowerSimulator otherPvs;
  private TeslaSimulator cloud;
  private PowerwallSimulator stoppedPowerwall;
  private PowerwallSimulator powerwall3;
  private PowerwallSimulator tedapi;
  private SunpowerSimulator storagePvs;

  /** The TEDAPI gateway's sticker password; its last five characters are its customer password. */
  private static final String GATEWAY_PASSWORD = "GW7kQ2xZ9m";

  /** A wrong sticker password whose last five characters still log in to /api. */
  private static final String WRONG_GATEWAY_PASSWORD = "Wr0ngPw2xZ9m";

  private Exporter exporter;

  @BeforeEach
  void start() throws Exception {
    logs = LogCapture.start();
    wallConnector = track(WallConnectorSimulator.start(SecretFixtures.options("charging")));
    powerwall =
        track(
            PowerwallSimulator.start(
                SecretFixtures.options("powerwall2"),
                PowerwallSimulatorSettings.defaults()
                    .withPassword(SecretFixtures.POWERWALL_PASSWORD)
                    .withSlowDelay(Duration.ofSeconds(3))));
    otherPowerwall =
        track(
            PowerwallSimulator.start(
                SecretFixtures.options("powerwall2"),
                PowerwallSimulatorSettings.defaults()
                    .withPassword(SecretFixtures.POWERWALL_PASSWORD)));
    SunpowerSimulatorSettings pvsSettings =
        SunpowerSimulatorSettings.defaults()
            .withSerial(SecretFixtures.PVS_SERIAL)
            .withInverterCount(4)
            .withPerDeviceLatency(Duration.ZERO);
    pvs = track(SunpowerSimulator.start(SecretFixtures.options("locked"), pvsSettings));
    otherPvs = track(SunpowerSimulator.start(SecretFixtures.options("locked"), pvsSettings));
    // Parked cars: a driving or charging car would set the next poll a minute or more away.
    cloud =
        track(
            TeslaSimulator.start(SecretFixtures.options("parked"), SecretFixtures.cloudSettings()));
    PowerwallSimulatorSettings gateway =
        PowerwallSimulatorSettings.defaults().withPassword(SecretFixtures.POWERWALL_PASSWORD);
    stoppedPowerwall =
        track(PowerwallSimulator.start(SecretFixtures.options("sitemaster-stopped"), gateway));
    powerwall3 = track(PowerwallSimulator.start(SecretFixtures.options("powerwall3"), gateway));
    tedapi =
        track(
            PowerwallSimulator.start(
                SecretFixtures.options("powerwall3-tedapi"),
                PowerwallSimulatorSettings.defaults()
                    .withPassword(GATEWAY_PASSWORD.substring(GATEWAY_PASSWORD.length() - 5))));
    tedapi.setGatewayPassword(GATEWAY_PASSWORD);
    storagePvs =
        track(SunpowerSimulator.start(SecretFixtures.options("storage-locked"), pvsSettings));
  }

  /**
   * Devices in the simulators' other scenarios that sign in: a stopped sitemaster, a Powerwall 3, a
   * PVS with storage.
   */
  private String otherScenarios() {
    String powerwallDevice =
        """
          - name: %s
            type: powerwall
            address: %s
            password_file: powerwall-password.txt
            interval: 5s
            timeout: 1s
        """;
    String tedapiDevice =
        """
          - name: %s
            type: powerwall
            address: %s
            gateway_password: %s
            tedapi_address: %s
            interval: 5s
            timeout: 1s
        """;
    return powerwallDevice.formatted("battery-sitemaster-stopped", stoppedPowerwall.baseUri())
        + powerwallDevice.formatted("battery-powerwall3", powerwall3.baseUri())
        + tedapiDevice.formatted(
            "battery-tedapi", tedapi.baseUri(), GATEWAY_PASSWORD, tedapi.baseUri().getAuthority())
        + tedapiDevice.formatted(
            "battery-tedapi-wrong-password",
            tedapi.baseUri(),
            WRONG_GATEWAY_PASSWORD,
            tedapi.baseUri().getAuthority())
        + """
          - name: pvs-storage
            type: sunpower
            address: %s
            password: %s
            interval: 30s
            timeout: 1s
        """
            .formatted(storagePvs.baseUri(), SecretFixtures.PVS_PASSWORD);
  }

  private <T extends AutoCloseable> T track(T closeable) {
    running.add(closeable);
    return closeable;
  }

  @AfterEach
  void stop() throws Exception {
    if (exporter != null) {
      exporter.close();
    }
    for (AutoCloseable closeable : running) {
      closeable.close();
    }
    logs.close();
    LoggingSetup.apply(LogConfig.defaults());
  }

  @Test
  void noSecretShowsThroughAnyErrorPathOfAnyFamily() throws Exception {
    Map<String, String> env = SecretFixtures.writeSecretsAndEnvironment(dir);
    TeslaSignIn.signIn(cloud, dir.resolve("tesla-token.json"));
    SecretFixtures.writeBadTokenFiles(dir);
    Path configFile = dir.resolve("config.yml");
    Files.writeString(
        configFile,
        SecretFixtures.config(wallConnector, powerwall, otherPowerwall, pvs, otherPvs, cloud)
            + otherScenarios());
    ExporterConfig loaded = new ConfigLoader(Families.all().specs(), env::get).load(configFile);
    ExporterConfig config =
        new ExporterConfig(
            new WebConfig("127.0.0.1:0", "/metrics"),
            new LogConfig("debug", "text"),
            loaded.devices().stream().map(SecretsNeverLeakIT::pollFast).toList(),
            loaded.stateDirectory());
    LoggingSetup.apply(config.log());
    logs.attach();
    exporter = Exporter.start(config, Families.all().devices(), Clock.systemUTC());

    phase(
        "healthy",
        () -> {},
        Map.ofEntries(
            Map.entry("garage", isUp()),
            Map.entry("battery", isUp()),
            Map.entry("pvs", isUp()),
            Map.entry("cars", isUp()),
            Map.entry("battery-wrong-password", failedWith(FailureReason.AUTH)),
            Map.entry("pvs-wrong-password", failedWith(FailureReason.AUTH)),
            Map.entry("cars-stale-token", failedWith(FailureReason.AUTH)),
            Map.entry("cars-broken-token-file", failedWith(FailureReason.AUTH)),
            Map.entry("battery-sitemaster-stopped", polledAgain()),
            Map.entry("battery-powerwall3", polledAgain()),
            Map.entry("battery-tedapi", polledAgain()),
            Map.entry("battery-tedapi-wrong-password", polledAgain()),
            Map.entry("pvs-storage", polledAgain())));
    phase(
        "TEDAPI rotated keys",
        () -> tedapi.setFaults(Set.of(PowerwallSimulatorFault.ROTATED_KEYS)),
        Map.of("battery-tedapi", polledAgain()));
    phase(
        "TEDAPI busy",
        () -> tedapi.setFaults(Set.of(PowerwallSimulatorFault.TEDAPI_429)),
        Map.of("battery-tedapi", polledAgain()));
    tedapi.setFaults(Set.of());
    phase(
        "HTTP 500",
        () -> {
          wallConnector.setFaults(Set.of(Fault.HTTP_500));
          powerwall.setFaults(Set.of(PowerwallSimulatorFault.HTTP_500));
          pvs.setFaults(Set.of(PvsFault.HTTP_500));
          cloud.setFaults(Set.of(FleetFault.SERVER_ERROR));
        },
        Map.of(
            "garage",
            failedWith(FailureReason.HTTP_STATUS),
            "battery",
            failedWith(FailureReason.HTTP_STATUS),
            "pvs",
            failedWith(FailureReason.HTTP_STATUS),
            "cars",
            failedWith(FailureReason.HTTP_STATUS)));
    recover();
    phase(
        "garbage and odd answers",
        () -> {
          wallConnector.setFaults(Set.of(Fault.GARBAGE));
          pvs.setFaults(
              Set.of(
                  PvsFault.GRID_PROFILE_ERROR,
                  PvsFault.INVERTER_ERROR,
                  PvsFault.NO_PRODUCTION_METER));
          cloud.setFaults(Set.of(FleetFault.OWNER_API, FleetFault.ASLEEP_DATA));
        },
        Map.of(
            "garage",
            failedWith(FailureReason.PARSE),
            "pvs",
            polledAgain(),
            "cars",
            polledAgain()));
    phase(
        "truncated JSON",
        () -> wallConnector.setFaults(Set.of(Fault.TRUNCATED, Fault.NAN)),
        Map.of("garage", failedWith(FailureReason.PARSE)));
    recover();
    phase(
        "rate limited",
        () -> cloud.setFaults(Set.of(FleetFault.RATE_LIMITED)),
        Map.of("cars", failedWith(FailureReason.RATE_LIMITED)));
    recover();
    phase(
        "sessions ended",
        () -> {
          powerwall.expireTokens();
          pvs.expireSessions();
        },
        Map.of("battery", polledAgain(), "pvs", polledAgain()));
    phase(
        "too slow",
        () -> {
          wallConnector.setSlowDelay(Duration.ofSeconds(3));
          wallConnector.setFaults(Set.of(Fault.SLOW));
          powerwall.setFaults(Set.of(PowerwallSimulatorFault.SLOW));
        },
        Map.of(
            "garage",
            failedWith(FailureReason.TIMEOUT),
            "battery",
            failedWith(FailureReason.TIMEOUT)));
    recover();
    phase(
        "gone",
        () -> {
          wallConnector.close();
          powerwall.close();
          pvs.close();
          cloud.close();
        },
        Map.of(
            "garage",
            failedWith(FailureReason.CONNECT),
            "battery",
            failedWith(FailureReason.CONNECT),
            "pvs",
            failedWith(FailureReason.CONNECT),
            "cars",
            failedWith(FailureReason.CONNECT)));

    leaks.saw("stderr", logs.stderr());
    logs.events().forEach(event -> leaks.saw("log event", event));
    SecretFixtures.registerSecrets(leaks, dir, powerwall, pvs, cloud);
    leaks.secret("Powerwall gateway password", GATEWAY_PASSWORD);
    leaks.secret("TEDAPI Basic credentials", "Tesla_Energy_Device:" + GATEWAY_PASSWORD);
    leaks.secret("wrong Powerwall gateway password", WRONG_GATEWAY_PASSWORD);
    for (PowerwallSimulator gateway :
        List.of(otherPowerwall, stoppedPowerwall, powerwall3, tedapi)) {
      gateway.issuedTokens().forEach(token -> leaks.secret("Powerwall session token", token));
    }
    storagePvs.issuedSessions().forEach(session -> leaks.secret("PVS session", session));

    assertThat(powerwall.issuedTokens()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(pvs.issuedSessions()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(cloud.tokenRequests("refresh_token")).isPositive();
    assertThat(tedapi.requestCount("/tedapi/din")).isPositive();
    assertThat(logs.stderr())
        .contains("battery-wrong-password poll failed")
        .contains("battery-tedapi-wrong-password: tedapi/din: HTTP 403")
        .contains("cars-stale-token");
    assertThat(leaks.leaks()).isEmpty();
  }

  /**
   * The families refuse intervals under their floors (PVS 30 s, Powerwall 5 s, Tesla 1 m); the
   * simulated devices may be polled as fast as the phases of this test need.
   */
  private static DeviceConfig pollFast(DeviceConfig device) {
    Duration interval;
    Duration staleAfter;
    switch (device.type()) {
      case SunpowerFamily.TYPE -> {
        interval = Duration.ofSeconds(1);
        staleAfter = Duration.ofSeconds(30);
      }
      case PowerwallFamily.TYPE -> {
        interval = Duration.ofSeconds(1);
        staleAfter = Duration.ofSeconds(5);
      }
      case TeslaFamily.TYPE -> {
        interval = Duration.ofSeconds(2);
        staleAfter = Duration.ofSeconds(10);
      }
      default -> {
        return device;
      }
    }
    return new DeviceConfig(
        device.name(),
        device.type(),
        device.address(),
        interval,
        device.timeout(),
        staleAfter,
        device.naming(),
        device.extra());
  }

  /**
   * Applies a fault, waits until each named device's status passes its check against its status at
   * the phase's start, then records everything visible.
   */
  private void phase(String name, Runnable apply, Map<String, Check> until) {
    Map<String, DeviceStatus> before = new HashMap<>();
    exporter.store().all().forEach(status -> before.put(status.config().name(), status));
    apply.run();
    until.forEach(
        (device, check) ->
            await(name + ": " + device)
                .atMost(PHASE)
                .pollInterval(Duration.ofMillis(100))
                .until(
                    () ->
                        check.passes(
                            before.get(device), exporter.store().get(device).orElseThrow())));
    recordEverythingVisible(name);
  }

  /** Clears every fault and waits until the working devices answer again. */
  private void recover() {
    wallConnector.setFaults(Set.of());
    powerwall.setFaults(Set.of());
    pvs.setFaults(Set.of());
    cloud.setFaults(Set.of());
    for (String device : List.of("garage", "battery", "pvs", "cars")) {
      await("recovery of " + device)
          .atMost(PHASE)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> exporter.store().get(device).orElseThrow().up());
    }
  }

  private void recordEverythingVisible(String phase) {
    URI base = URI.create("http://127.0.0.1:" + exporter.port());
    leaks.saw(phase + ": GET /", Http.get(base.resolve("/")).body());
    leaks.saw(phase + ": GET /metrics", Http.get(base.resolve("/metrics")).body());
    leaks.saw(
        phase + ": GET /metrics (OpenMetrics)",
        Http.get(base.resolve("/metrics"), "Accept", OPEN_METRICS).body());
    leaks.saw(phase + ": GET /-/healthy", Http.get(base.resolve("/-/healthy")).body());
    leaks.saw(phase + ": GET /-/ready", Http.get(base.resolve("/-/ready")).body());
    for (DeviceStatus status : exporter.store().all()) {
      String device = status.config().name();
      leaks.saw(
          phase + ": GET /devices/" + device + "/raw",
          Http.get(base.resolve("/devices/" + device + "/raw")).body());
      leaks.saw(phase + ": last error of " + device, status.lastError());
      leaks.saw(phase + ": summary of " + device, status.summary());
      leaks.saw(phase + ": config of " + device, status.config().toString());
    }
  }

  /** A condition on a device's status during a phase. */
  @FunctionalInterface
  private interface Check {
    boolean passes(DeviceStatus before, DeviceStatus now);
  }

  /**
   * The device failed a poll, or one endpoint of a poll, for {@code reason} since the phase began.
   */
  private static Check failedWith(FailureReason reason) {
    return (before, now) ->
        now.errors().get(reason) > before.errors().get(reason)
            || endpointFailures(now, reason) > endpointFailures(before, reason);
  }

  private static long endpointFailures(DeviceStatus status, FailureReason reason) {
    return status.endpointErrors().entrySet().stream()
        .filter(e -> e.getKey().reason() == reason)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private static Check polledAgain() {
    return (before, now) -> now.polls() >= before.polls() + 2;
  }

  private static Check isUp() {
    return (before, now) -> now.up();
  }
}
