package dev.homeenergy.device.sunpower;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.LoginGate;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SunpowerSessionTest {
  private final SunpowerClientHarness harness = new SunpowerClientHarness();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger packageLogger =
      (Logger) LoggerFactory.getLogger("dev.homeenergy.device.sunpower");
  private FakePvs pvs;

  @BeforeEach
  void start() throws Exception {
    log.start();
    packageLogger.addAppender(log);
    pvs = FakePvs.locked();
  }

  @AfterEach
  void stop() {
    pvs.close();
    packageLogger.detachAppender(log);
  }

  @Test
  void autoSwitchesToVarsOnTheLockedFirmwareAndLogsInWithTheSerialsLastFive() throws Exception {
    SunpowerResponses responses = harness.client(pvs.address()).fetch();

    assertThat(responses.api()).isEqualTo(SunpowerApi.VARS);
    assertThat(responses.deviceList()).isNull();
    assertThat(responses.supervisorInfo()).contains(FakePvs.SERIAL);
    assertThat(pvs.authorizations()).containsExactly(FakePvs.basic("0F02C"));
    assertThat(responses.vars()).containsOnlyKeys(SunpowerResponses.VARS_MATCHES);
    assertThat(responses.vars().get("/sys/devices/inverter/")).contains("p3phsumKw");
    assertThat(responses.vars().get("/sys/devices/ess/")).isEqualTo("{}");
    assertThat(responses.vars().get("/sys/devices/transfer_switch/")).isEqualTo("{}");
    assertThat(responses.failures()).isEmpty();
    assertThat(pvs.requests())
        .contains(
            "/vars?match=/sys/info/&fmt=obj&cache=hee_info",
            "/vars?match=/sys/devices/transfer_switch/&fmt=obj&cache=hee_transfer_switch");
    assertThat(harness.rawEndpoints())
        .containsExactly(
            "DeviceList",
            "supervisor/info",
            "auth",
            "vars /sys/info/",
            "vars /sys/livedata/",
            "vars /sys/devices/inverter/",
            "vars /sys/devices/meter/",
            "vars /sys/devices/ess/",
            "vars /sys/devices/transfer_switch/");
  }

  @Test
  void staysOnVarsAndReusesTheSessionAcrossPolls() throws Exception {
    SunpowerClient client = harness.client(pvs.address());
    client.fetch();
    harness.clock.advance(Duration.ofMinutes(2));
    SunpowerResponses second = client.fetch();

    assertThat(second.api()).isEqualTo(SunpowerApi.VARS);
    assertThat(second.supervisorInfo()).contains(FakePvs.SERIAL);
    assertThat(pvs.hits("DeviceList")).isEqualTo(1);
    assertThat(pvs.hits("supervisor/info")).isEqualTo(1);
    assertThat(pvs.logins()).isEqualTo(1);
    assertThat(pvs.cookiesSeen())
        .hasSize(12)
        .containsOnly("session=" + pvs.sessions().iterator().next());
    assertThat(log.list)
        .filteredOn(e -> e.getLevel() == Level.INFO)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsOnlyOnce(
            "PVS pvs refuses dl_cgi DeviceList and answers /vars (the 2025 firmware):"
                + " reading it through /vars from now on");
  }

  @Test
  void anExpiredSessionLogsInExactlyOnceMore() throws Exception {
    SunpowerClient client = harness.client(pvs.address());
    client.fetch();
    pvs.expireSessions();

    SunpowerResponses responses = client.fetch();

    assertThat(responses.failures()).isEmpty();
    assertThat(responses.vars().get("/sys/info/")).contains("sw_rev");
    assertThat(pvs.logins()).isEqualTo(2);
    assertThat(pvs.hits("/sys/info/")).isEqualTo(3);
    assertThat(pvs.hits("/sys/livedata/")).isEqualTo(2);
  }

  @Test
  void aSessionRejectedEvenAfterAFreshLoginFailsThePollWithOneLogin() throws Exception {
    SunpowerClient client = harness.client(pvs.address());
    client.fetch();
    pvs.rejectAllSessions(true);

    PollException failure = harness.failure(client);

    assertThat(failure.reason()).isEqualTo(FailureReason.AUTH);
    assertThat(failure.getMessage())
        .startsWith("vars /sys/info/: HTTP 401")
        .endsWith("(even with a session from a fresh login)");
    assertThat(pvs.logins()).isEqualTo(2);
    assertThat(pvs.hits("/sys/livedata/")).isEqualTo(1);
  }

  @Test
  void aWrongPasswordFailsAsAuthAndBacksOffLogins() throws Exception {
    SunpowerClient client =
        harness.client(pvs.address(), Map.of("password", new Secret("wrong-pass")));

    PollException first = harness.failure(client);
    assertThat(first.reason()).isEqualTo(FailureReason.AUTH);
    assertThat(first.getMessage())
        .startsWith("auth: HTTP 401 from 127.0.0.1:")
        .contains(" (the PVS refused user ssm_owner");

    for (int i = 0; i < 5; i++) {
      harness.clock.advance(Duration.ofSeconds(20));
      PollException fast = harness.failure(client);
      assertThat(fast.reason()).isEqualTo(FailureReason.AUTH);
      assertThat(fast.getMessage()).contains("not logging in until 2026-01-01T00:02:00Z");
    }
    assertThat(pvs.logins()).isEqualTo(1);
    assertThat(pvs.hits("/sys/info/")).isZero();

    harness.clock.advance(LoginGate.DEFAULT_FIRST_DELAY);
    assertThat(harness.failure(client).reason()).isEqualTo(FailureReason.AUTH);
    assertThat(pvs.logins()).isEqualTo(2);
    harness.clock.advance(Duration.ofMinutes(3));
    assertThat(harness.failure(client).getMessage()).contains("not logging in until");
    assertThat(pvs.logins()).isEqualTo(2);
  }

  @Test
  void aConfiguredPasswordAndSerialAreUsed() throws Exception {
    pvs.password("S3CR3");
    SunpowerResponses withPassword =
        harness
            .client(pvs.address(), Map.of("api", "vars", "password", new Secret("S3CR3")))
            .fetch();
    pvs.password("98765");
    SunpowerResponses withSerial =
        harness
            .client(pvs.address(), Map.of("api", "vars", "serial", "ZT0000000000098765"))
            .fetch();

    assertThat(withPassword.failures()).isEmpty();
    assertThat(withSerial.failures()).isEmpty();
    assertThat(pvs.authorizations())
        .containsExactly(FakePvs.basic("S3CR3"), FakePvs.basic("98765"));
    assertThat(pvs.hits("DeviceList")).isZero();
  }

  @Test
  void takesTheSessionFromTheLoginBodyWithoutACookie() throws Exception {
    pvs.sessionInBodyOnly();

    SunpowerResponses responses = harness.client(pvs.address(), Map.of("api", "vars")).fetch();

    assertThat(responses.vars().get("/sys/livedata/")).contains("pv_p");
    assertThat(pvs.cookiesSeen()).containsOnly("session=" + pvs.sessions().iterator().next());
  }

  @Test
  void anUnreadableSupervisorInfoFailsThePollWhenTheSerialIsNeeded() throws Exception {
    pvs.answer("supervisor/info", 500, "oops");
    SunpowerClient client = harness.client(pvs.address(), Map.of("api", "vars"));

    PollException failure = harness.failure(client);
    assertThat(failure.reason()).isEqualTo(FailureReason.HTTP_STATUS);
    assertThat(failure.getMessage())
        .startsWith("supervisor/info: HTTP 500")
        .endsWith("set serial or password)");
    assertThat(pvs.logins()).isZero();

    pvs.answer("supervisor/info", "{\"supervisor\":{\"SERIAL\":\"" + FakePvs.SERIAL + "\"}}");
    assertThat(client.fetch().failures()).isEmpty();
    assertThat(pvs.hits("supervisor/info")).isEqualTo(2);
  }

  @Test
  void aVarsServerErrorFailsThePoll() throws Exception {
    pvs.answer("/sys/devices/meter/", 500, "{\"status\": 500, \"description\" : \"Internal\"}");

    PollException failure = harness.failure(harness.client(pvs.address(), Map.of("api", "vars")));

    assertThat(failure.reason()).isEqualTo(FailureReason.HTTP_STATUS);
    assertThat(failure.getMessage()).startsWith("vars /sys/devices/meter/: HTTP 500");
  }

  @Test
  void autoTriesDlCgiAgainWhenVarsIsNotServed() throws Exception {
    SunpowerClient client = harness.client(pvs.address());
    client.fetch();
    pvs.withoutVars();

    assertThat(harness.failure(client).httpStatus()).isEqualTo(404);
    harness.failure(client);

    assertThat(pvs.hits("DeviceList")).isEqualTo(2);
  }
}
