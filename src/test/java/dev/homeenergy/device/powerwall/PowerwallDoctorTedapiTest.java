package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.DoctorStep;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulator;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulatorFault;
import dev.homeenergy.devicehttp.SharedHttp;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.MutableClock;
import dev.homeenergy.testing.VisibleOutput;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code doctor}'s TEDAPI step against the simulated Powerwall 3: it worked, the password was
 * refused (from the gateway's own Wi-Fi), or the network was refused (from elsewhere); one request
 * each, and the gateway password never in what it says.
 */
class PowerwallDoctorTedapiTest {
  private static final String WRONG = "WRONG4X7QZ";

  private final MutableClock clock = MutableClock.at("2026-06-21T20:00:00Z");
  private final VisibleOutput visible = new VisibleOutput();
  private PowerwallSimulator simulator;

  @BeforeEach
  void start() throws Exception {
    simulator =
        PowerwallSimulator.start(
            new SimulatorOptions("127.0.0.1", 0, "powerwall3-tedapi", clock, Set.of()));
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private DeviceConfig config(String gatewayPassword) {
    Map<String, Object> extra = new HashMap<>();
    extra.put("gateway_password", new Secret(gatewayPassword));
    extra.put("tedapi_address", simulator.baseUri().getAuthority());
    return new DeviceConfig(
        "pw",
        "powerwall",
        simulator.baseUri(),
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        Duration.ofMinutes(5),
        NamingStyle.NATIVE,
        extra);
  }

  private DeviceContext context() {
    return SharedHttp.unshared(clock, visible.recorder(), null);
  }

  private DoctorStep tedapiStep(String gatewayPassword, String from) throws Exception {
    InetAddress local = InetAddress.getByName(from);
    DeviceConfig config = config(gatewayPassword);
    return new TedapiDoctorStep(
            TedapiSettings.from(config), config.timeout(), context(), uri -> Optional.of(local))
        .check();
  }

  private long tedapiRequests() {
    return simulator.requestCount("/tedapi/din");
  }

  @Test
  void theRightPasswordPassesWithTheGatewaysDinAfterTheApiSteps() {
    List<DoctorStep> steps =
        new PowerwallDoctor(config(simulator.gatewayPassword()), context()).check();

    DoctorStep last = steps.get(steps.size() - 1);
    assertThat(last.name()).isEqualTo("TEDAPI");
    assertThat(last.verdict()).isEqualTo(DoctorStep.Verdict.PASSED);
    assertThat(last.detail())
        .startsWith("the gateway password works")
        .contains(simulator.tedapiDin());
    assertThat(steps.get(0).name()).isEqualTo("authentication");
    assertThat(tedapiRequests()).isEqualTo(1);
    assertThat(steps.toString()).doesNotContain(simulator.gatewayPassword());
  }

  @Test
  void aWrongPasswordFromTheGatewaysWifiIsThePasswordRefused() throws Exception {
    DoctorStep step = tedapiStep(WRONG, "192.168.91.23");

    assertThat(step.verdict()).isEqualTo(DoctorStep.Verdict.FAILED);
    assertThat(step.detail())
        .startsWith("the gateway refused the gateway password (HTTP 403")
        .contains("on the gateway's own Wi-Fi as 192.168.91.23");
    assertThat(step.hints()).anyMatch(h -> h.contains("full password printed on the gateway's"));
    assertThat(tedapiRequests()).isEqualTo(1);
    assertThat(step.toString()).doesNotContain(WRONG);
    assertThat(visible.text()).noneMatch(text -> text.contains(WRONG));
  }

  @Test
  void aRefusalFromTheHomeLanIsTheNetworkRefusedWithTheWifiHint() throws Exception {
    simulator.setFaults(Set.of(PowerwallSimulatorFault.TEDAPI_FORBIDDEN));

    DoctorStep step = tedapiStep(simulator.gatewayPassword(), "192.168.1.20");

    assertThat(step.verdict()).isEqualTo(DoctorStep.Verdict.FAILED);
    assertThat(step.detail())
        .startsWith("the gateway refused this host's network (HTTP 403")
        .contains("from 192.168.1.20")
        .contains("firmware 25.10 and later refuse TEDAPI requests routed from the home LAN");
    assertThat(step.hints()).anyMatch(h -> h.contains("TeslaPW_") && h.contains("192.168.91.1"));
    assertThat(tedapiRequests()).isEqualTo(1);
    assertThat(step.toString()).doesNotContain(simulator.gatewayPassword());
  }

  @Test
  void aBusyGatewayIsSaidToBeBusy() throws Exception {
    simulator.setFaults(Set.of(PowerwallSimulatorFault.TEDAPI_503));

    DoctorStep step = tedapiStep(simulator.gatewayPassword(), "192.168.91.23");

    assertThat(step.detail()).startsWith("the gateway is busy (HTTP 503");
  }

  @Test
  void noTedapiStepWithoutAGatewayPassword() {
    Map<String, Object> extra = new HashMap<>();
    extra.put("password", new Secret(PowerwallSimulator.DEFAULT_PASSWORD));
    DeviceConfig config =
        new DeviceConfig(
            "pw",
            "powerwall",
            simulator.baseUri(),
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            Duration.ofMinutes(5),
            NamingStyle.NATIVE,
            extra);

    List<DoctorStep> steps = new PowerwallDoctor(config, context()).check();

    assertThat(steps).noneMatch(s -> s.name().equals("TEDAPI"));
    assertThat(tedapiRequests()).isZero();
  }

  @Test
  void onlyTheGatewaysOwnSubnetIsItsWifi() throws Exception {
    assertThat(TedapiDoctorStep.onGatewayWifi(InetAddress.getByName("192.168.91.2"))).isTrue();
    assertThat(TedapiDoctorStep.onGatewayWifi(InetAddress.getByName("192.168.90.2"))).isFalse();
    assertThat(TedapiDoctorStep.onGatewayWifi(InetAddress.getByName("::1"))).isFalse();
    assertThat(TedapiDoctorStep.routeFrom(URI.create("https://127.0.0.1:443")))
        .hasValueSatisfying(a -> assertThat(a.isLoopbackAddress()).isTrue());
  }
}
