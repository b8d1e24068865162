package dev.homeenergy.device.powerwall.sim;

import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.Secret;
import dev.homeenergy.device.powerwall.GatewayCertificates;
import dev.homeenergy.device.powerwall.TedapiSettings;
import dev.homeenergy.simulator.DemoDevice;
import dev.homeenergy.simulator.FamilySimulator;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.simulator.SimulatorOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Powerwall simulator as the family list knows it: scenarios, faults, start, demo devices. */
public final class PowerwallFamilySimulator implements FamilySimulator {

  @Override
  public List<String> scenarios() {
    return PowerwallSimulator.scenarioNames();
  }

  @Override
  public List<String> faults() {
    return PowerwallSimulator.faultNames();
  }

  @Override
  public Simulator start(SimulatorOptions options) throws IOException {
    return PowerwallSimulator.start(options);
  }

  @Override
  public String usageNote() {
    return "HTTPS, password " + PowerwallSimulator.DEFAULT_PASSWORD;
  }

  @Override
  public List<String> describe(Simulator simulator) {
    if (simulator instanceof PowerwallSimulator gateway && gateway.gatewayPassword() != null) {
      return List.of(
          "gateway password (TEDAPI): " + gateway.gatewayPassword(),
          "customer password: "
              + gateway.settings().password()
              + " (the gateway password's last five characters)");
    }
    return List.of("password: " + PowerwallSimulator.DEFAULT_PASSWORD);
  }

  /**
   * Pins each demo gateway's certificate ({@code tls_cert_file}, written into the demo's scratch
   * directory as {@code powerwall fetchcert} would), so the demo verifies its own simulators rather
   * than warning that it does not; points a TEDAPI demo device's {@code tedapi_address} at its
   * simulator.
   */
  @Override
  public Map<String, Object> demoSettings(Simulator simulator, Path scratch) throws IOException {
    Map<String, Object> settings = new HashMap<>();
    if (simulator instanceof PowerwallSimulator gateway) {
      Path pem = scratch.resolve("powerwall-" + gateway.baseUri().getPort() + ".pem");
      GatewayCertificates.writePem(gateway.certificate(), pem);
      settings.put("tls_cert_file", pem);
      if (gateway.gatewayPassword() != null) {
        settings.put("tedapi_address", gateway.baseUri().getAuthority());
      }
    }
    return settings;
  }

  @Override
  public List<DemoDevice> demoDevices() {
    return List.of(
        new DemoDevice(
            "home-battery",
            "powerwall2",
            NamingStyle.NATIVE,
            60,
            Duration.ofSeconds(5),
            Map.of("password", new Secret(PowerwallSimulator.DEFAULT_PASSWORD))),
        new DemoDevice(
            "powerwall3",
            "powerwall3-tedapi-healthy",
            NamingStyle.NATIVE,
            60,
            Duration.ofSeconds(5),
            Map.of(
                "gateway_password",
                new Secret(PowerwallSimulatorTedapi.GATEWAY_PASSWORD),
                "tedapi_interval",
                TedapiSettings.MINIMUM_INTERVAL)));
  }
}
