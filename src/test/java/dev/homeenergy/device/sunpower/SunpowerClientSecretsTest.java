package dev.homeenergy.device.sunpower;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.RawExchange;
import dev.homeenergy.devicehttp.DeviceHttp;
import dev.homeenergy.testing.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SunpowerClientSecretsTest {
  private final SunpowerClientHarness harness = new SunpowerClientHarness();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger rootLogger =
      (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private Level previousLevel;
  private FakePvs pvs;

  @BeforeEach
  void start() throws Exception {
    log.start();
    previousLevel = rootLogger.getLevel();
    rootLogger.setLevel(Level.DEBUG);
    rootLogger.addAppender(log);
    pvs = FakePvs.locked();
  }

  @AfterEach
  void stop() {
    pvs.close();
    rootLogger.detachAppender(log);
    rootLogger.setLevel(previousLevel);
  }

  @Test
  void neitherPasswordsNorSessionsShowInMessagesRawRecordsOrLogs() throws Exception {
    SunpowerClient client = harness.client(pvs.address());
    client.fetch();
    pvs.expireSessions();
    client.fetch();
    harness.failure(harness.client(pvs.address(), Map.of("password", new Secret("wrong-pass"))));
    pvs.rejectAllSessions(true);
    harness.failure(client);

    List<String> secrets =
        new ArrayList<>(
            List.of(
                FakePvs.SERIAL_PASSWORD,
                "wrong-pass",
                Http.basicCredentials("ssm_owner", FakePvs.SERIAL_PASSWORD)));
    secrets.addAll(pvs.issuedSessions());
    assertThat(pvs.issuedSessions()).hasSize(3);
    List<String> visible = new ArrayList<>(harness.visibleText());
    log.list.forEach(event -> visible.add(event.getFormattedMessage()));

    assertThat(visible).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(secrets));
    assertThat(harness.raw)
        .filteredOn(exchange -> exchange.endpoint().equals("auth"))
        .hasSize(4)
        .extracting(RawExchange::body)
        .containsOnly(DeviceHttp.REDACTED);
  }
}
