package dev.homeenergy.device.sunpower;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.device.sunpower.sim.PvsFault;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulator;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulatorSettings;
import dev.homeenergy.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code api: auto} against the simulator: one 403 is weathered, a lasting refusal switches. */
class SunpowerAutoApiTest {
  private final SunpowerClientHarness harness = new SunpowerClientHarness();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger packageLogger =
      (Logger) LoggerFactory.getLogger("dev.homeenergy.device.sunpower");
  private SunpowerSimulator pvs;
  private SunpowerClient client;

  @BeforeEach
  void start() throws Exception {
    log.start();
    packageLogger.addAppender(log);
    SunpowerSimulatorSettings settings =
        SunpowerSimulatorSettings.defaults().withPerDeviceLatency(Duration.ZERO);
    pvs =
        SunpowerSimulator.start(
            new SimulatorOptions("127.0.0.1", 0, "legacy", harness.clock, Set.of()), settings);
    client = harness.client(pvs.baseUri(), Map.of("password", new Secret(settings.password())));
  }

  @AfterEach
  void stop() {
    pvs.close();
    packageLogger.detachAppender(log);
  }

  @Test
  void oneRefusalOfAWorkingUnitKeepsDlCgi() throws Exception {
    assertThat(client.fetch().api()).isEqualTo(SunpowerApi.DL_CGI);
    pvs.enable(PvsFault.FORBIDDEN_ONCE);

    PollException refused = harness.failure(client);
    SunpowerResponses after = client.fetch();

    assertThat(refused.reason()).isEqualTo(FailureReason.AUTH);
    assertThat(refused.getMessage()).contains("refusal 1 in a row");
    assertThat(after.api()).isEqualTo(SunpowerApi.DL_CGI);
    assertThat(pvs.requestCounts().keySet()).noneMatch(path -> path.startsWith("/vars"));
    assertThat(switchLines()).isZero();
  }

  @Test
  void aLastingRefusalSwitchesToVarsOnceAndLogsItOnce() throws Exception {
    assertThat(client.fetch().api()).isEqualTo(SunpowerApi.DL_CGI);
    pvs.enable(PvsFault.DL_CGI_FORBIDDEN);

    for (int refusal = 1; refusal < SunpowerClient.REFUSALS_BEFORE_VARS; refusal++) {
      assertThat(harness.failure(client).getMessage()).contains("refusal " + refusal + " in a row");
    }
    SunpowerResponses switched = client.fetch();
    long deviceLists = pvs.commandCount("DeviceList");
    SunpowerResponses next = client.fetch();

    assertThat(switched.api()).isEqualTo(SunpowerApi.VARS);
    assertThat(next.api()).isEqualTo(SunpowerApi.VARS);
    assertThat(pvs.commandCount("DeviceList")).isEqualTo(deviceLists);
    assertThat(switchLines()).isEqualTo(1);
  }

  private long switchLines() {
    return log.list.stream()
        .map(ILoggingEvent::getFormattedMessage)
        .filter(line -> line.contains("reading it through /vars"))
        .count();
  }
}
