package dev.homeenergy.faults;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.device.powerwall.PowerwallFamily;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulator;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulatorCertificate;
import dev.homeenergy.device.sunpower.SunpowerFamily;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulator;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulatorSettings;
import dev.homeenergy.device.tesla.TeslaFamily;
import dev.homeenergy.device.tesla.sim.TeslaSimulator;
import dev.homeenergy.device.tesla.sim.TeslaSimulatorSettings;
import dev.homeenergy.device.wallconnector.WallConnectorFamily;
import dev.homeenergy.device.wallconnector.sim.WallConnectorSimulator;
import dev.homeenergy.simulator.ScaledClock;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.FaultServer.Fault;
import dev.homeenergy.testing.MutableClock;
import dev.homeenergy.testing.TeslaSignIn;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The four families as {@link FaultTarget}s, each polled fast with short timeouts. */
final class FaultTargets {
  static final Duration INTERVAL = Duration.ofMillis(100);
  static final Duration TIMEOUT = Duration.ofMillis(1500);
  static final Duration STALE_AFTER = Duration.ofMinutes(2);

  private FaultTargets() {}

  static List<FaultTarget> all() {
    return List.of(
        new WallConnector(),
        new Powerwall(),
        new Sunpower("locked"),
        new Sunpower("legacy"),
        new Tesla());
  }

  private static DeviceConfig entry(
      String name, String type, URI address, Map<String, Object> extra) {
    return entry(name, type, address, TIMEOUT, extra);
  }

  private static DeviceConfig entry(
      String name, String type, URI address, Duration timeout, Map<String, Object> extra) {
    return new DeviceConfig(
        name, type, address, INTERVAL, timeout, STALE_AFTER, NamingStyle.NATIVE, extra);
  }

  static final class WallConnector implements FaultTarget {
    @Override
    public DeviceFamily family() {
      return new WallConnectorFamily();
    }

    @Override
    public Simulator simulator() throws Exception {
      return WallConnectorSimulator.start(
          new SimulatorOptions(
              "127.0.0.1", 0, "idle", MutableClock.at("2026-11-24T08:00:00Z"), Set.of()));
    }

    @Override
    public DeviceConfig device(String name, URI address, Simulator simulator, Path scratch) {
      return entry(name, type(), address, Map.of());
    }

    @Override
    public String dataMetric() {
      return "tesla_wall_connector_grid_volts";
    }

    @Override
    public Outcome outcome(Fault fault) {
      if (fault == Fault.NON_FINITE) {
        return new Outcome.Accepted(
            "the unit itself writes bare nan; a non-finite reading is left out, not an "
                + "error, so the grid voltage is simply absent",
            false);
      }
      return Outcomes.common(fault);
    }

    @Override
    public String toString() {
      return type();
    }
  }

  static final class Powerwall implements FaultTarget {
    /**
     * A poll is 13 requests, each a TLS handshake with the relay: room for a loaded build machine.
     */
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(3);

    @Override
    public DeviceFamily family() {
      return new PowerwallFamily();
    }

    @Override
    public Simulator simulator() throws Exception {
      return PowerwallSimulator.start(
          new SimulatorOptions(
              "127.0.0.1", 0, "powerwall2", MutableClock.at("2026-06-21T12:00:00Z"), Set.of()));
    }

    @Override
    public SSLContext tls() {
      try {
        KeyManagerFactory keys =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(
            PowerwallSimulatorCertificate.DEFAULT.keyStore(),
            PowerwallSimulatorCertificate.PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public Predicate<String> rewriteExempt() {
      return path -> path.equals("/api/login/Basic");
    }

    @Override
    public DeviceConfig device(String name, URI address, Simulator simulator, Path scratch) {
      Map<String, Object> extra = new HashMap<>();
      extra.put("password", new Secret(PowerwallSimulator.DEFAULT_PASSWORD));
      extra.put("retry_interval", Duration.ofMillis(50));
      extra.put("retry_timeout", Duration.ofMillis(100));
      return entry(name, type(), address, POLL_TIMEOUT, extra);
    }

    @Override
    public String dataMetric() {
      return "powerwall_charge_ratio";
    }

    @Override
    public Outcome outcome(Fault fault) {
      if (fault == Fault.NON_FINITE) {
        return new Outcome.EndpointsFail(
            "parse",
            "the gateway (Go) cannot write NaN, so a body with it is not "
                + "JSON from the gateway; endpoints without numbers still answer");
      }
      return Outcomes.common(fault);
    }

    @Override
    public String toString() {
      return type();
    }
  }

  /**
   * A PVS on new firmware ({@code locked}: varserver behind a login) or old ({@code legacy}:
   * dl_cgi).
   */
  static final class Sunpower implements FaultTarget {
    private final String scenario;

    Sunpower(String scenario) {
      this.scenario = scenario;
    }

    @Override
    public DeviceFamily family() {
      return new SunpowerFamily();
    }

    @Override
    public Simulator simulator() throws Exception {
      return SunpowerSimulator.start(
          new SimulatorOptions(
              "127.0.0.1", 0, scenario, MutableClock.at("2026-06-21T19:00:00Z"), Set.of()),
          SunpowerSimulatorSettings.defaults().withPerDeviceLatency(Duration.ZERO));
    }

    @Override
    public Predicate<String> rewriteExempt() {
      return path -> path.equals("/auth");
    }

    @Override
    public DeviceConfig device(String name, URI address, Simulator simulator, Path scratch) {
      return entry(name, type(), address, Map.of());
    }

    @Override
    public String dataMetric() {
      return "sunpower_pvs_inverter_ac_power_watts";
    }

    @Override
    public Outcome outcome(Fault fault) {
      if (!scenario.equals("legacy")) {
        return Outcomes.common(fault);
      }
      return switch (fault) {
        case NON_FINITE -> new Outcome.Fails("parse");
        case STRINGS_AS_NUMBERS ->
            new Outcome.Accepted(
                "a DeviceList entry whose DEVICE_TYPE is a number is no "
                    + "known device, so no inverter is exported; the rest of the list still is",
                false);
        case ODD_TEXT ->
            new Outcome.Accepted(
                "the odd text lands in DEVICE_TYPE too, so no entry is a known "
                    + "inverter; what is exported carries it escaped",
                false);
        default -> Outcomes.common(fault);
      };
    }

    @Override
    public String toString() {
      return type() + " (" + scenario + ")";
    }
  }

  static final class Tesla implements FaultTarget {
    /**
     * The simulated cloud runs two minutes a second: its per-car limit of 60 {@code vehicle_data} a
     * minute then allows far more than the two devices polling every {@link #INTERVAL} ask.
     */
    private static final double CLOUD_SPEED = 120;

    @Override
    public DeviceFamily family() {
      return new TeslaFamily();
    }

    @Override
    public Simulator simulator() throws Exception {
      return TeslaSimulator.start(
          new SimulatorOptions(
              "127.0.0.1", 0, "parked", ScaledClock.ofSpeed(CLOUD_SPEED), Set.of()),
          TeslaSimulatorSettings.defaults().withAccessTokenLifetime(Duration.ofDays(3650)));
    }

    /**
     * Signs in to the simulated cloud and keeps the tokens in a file of its own for {@code name}.
     */
    @Override
    public DeviceConfig device(String name, URI address, Simulator simulator, Path scratch)
        throws Exception {
      TeslaSimulator cloud = (TeslaSimulator) simulator;
      TeslaSimulatorSettings settings = cloud.settings();
      Path tokenFile = scratch.resolve(name + "-token.json");
      TeslaSignIn.signIn(cloud, tokenFile);
      Map<String, Object> extra = new HashMap<>();
      extra.put("client_id", settings.clientId());
      extra.put("client_secret", new Secret(settings.clientSecret()));
      extra.put("api_base", address.toString());
      extra.put("auth_base", cloud.authBase().toString());
      extra.put("token_base", cloud.tokenBase().toString());
      extra.put("token_file", tokenFile.toString());
      extra.put("budget_dollars", 1_000_000.0);
      extra.put("online_interval", INTERVAL);
      extra.put("asleep_interval", INTERVAL);
      return entry(name, type(), address, extra);
    }

    @Override
    public String dataMetric() {
      return "tesla_energy_site_solar_power_watts";
    }

    @Override
    public Outcome outcome(Fault fault) {
      return switch (fault) {
        case NUMBERS_AS_STRINGS ->
            new Outcome.Accepted(
                "the Fleet API writes numbers as JSON numbers; a value in "
                    + "a string is not taken for a number and is left out",
                false);
        case NON_FINITE -> new Outcome.Fails("parse");
        default -> Outcomes.common(fault);
      };
    }

    @Override
    public String toString() {
      return type();
    }
  }
}
