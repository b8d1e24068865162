package dev.homeenergy.device.sunpower;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.core.RawExchange;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulator;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulatorSettings;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.MutableClock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The largest site the simulator models (500 inverters) is read whole on both APIs, within the
 * device lists' body cap and the JSON reading bounds, with room to spare.
 */
class SunpowerBodyCapsTest {
  private final SunpowerClientHarness harness = new SunpowerClientHarness();
  private SunpowerSimulator simulator;

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "locked"})
  void theLargestSiteFitsTheCapsWithRoomToSpare(String scenario) throws Exception {
    simulator =
        SunpowerSimulator.start(
            new SimulatorOptions(
                "127.0.0.1", 0, scenario, MutableClock.at("2026-06-21T19:00:00Z"), Set.of()),
            SunpowerSimulatorSettings.defaults()
                .withInverterCount(SunpowerSimulatorSettings.MAX_INVERTERS)
                .withPerDeviceLatency(Duration.ZERO));
    harness.timeout = Duration.ofSeconds(30);

    harness.client(simulator.baseUri()).poll();

    int largest =
        harness.raw.stream()
            .filter(exchange -> exchange.body() != null)
            .mapToInt(exchange -> exchange.body().length())
            .max()
            .orElseThrow();
    RawExchange deviceList =
        harness.raw.stream()
            .filter(exchange -> exchange.body() != null)
            .filter(exchange -> exchange.body().length() == largest)
            .findFirst()
            .orElseThrow();
    assertThat(largest)
        .as("%s of 500 inverters", deviceList.endpoint())
        .isLessThan(SunpowerClient.BODY_CAPS.forEndpoint(deviceList.endpoint()) / 2);
  }

  @Test
  void smallAnswersHaveTheSmallCap() {
    assertThat(SunpowerClient.BODY_CAPS.forEndpoint(PvsTransport.LOGIN_ENDPOINT))
        .isEqualTo(64 * 1024);
    assertThat(SunpowerClient.BODY_CAPS.forEndpoint(DlCgiReader.DEVICE_LIST))
        .isEqualTo(1024 * 1024);
  }
}
