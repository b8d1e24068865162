package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.homeenergy.config.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class PowerwallClientLogTest {
  private final ClientHarness harness = new ClientHarness();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger packageLogger =
      (Logger) LoggerFactory.getLogger("dev.homeenergy.device.powerwall");
  private FakeGateway gateway;
  @TempDir Path state;

  @BeforeEach
  void start() throws Exception {
    log.start();
    packageLogger.addAppender(log);
    gateway = FakeGateway.start();
    harness.stateDirectory = state;
  }

  @AfterEach
  void stop() {
    gateway.close();
    packageLogger.detachAppender(log);
  }

  private List<String> warnings() {
    return log.list.stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Test
  void warnsOnceHowToPinWhenTheCertificateIsNotVerified() throws Exception {
    PowerwallClient client = harness.client(gateway.address());
    client.fetch();
    client.fetch();

    assertThat(warnings())
        .singleElement()
        .asString()
        .contains("tls_cert_file")
        .contains(
            "home-energy-exporter powerwall fetchcert --address 127.0.0.1:"
                + gateway.port()
                + " --out FILE");
  }

  @Test
  void doesNotWarnWithAPinnedCertificate() throws Exception {
    Path pem = state.resolve("gateway.pem");
    GatewayCertificates.writePem(FakeGateway.certificate(FakeGateway.GATEWAY_KEYSTORE), pem);

    harness.client(gateway.address(), Map.of("tls_cert_file", pem)).fetch();

    assertThat(warnings()).isEmpty();
  }

  @Test
  void logsNeitherPasswordNorToken() throws Exception {
    PowerwallClient client = harness.client(gateway.address());
    client.fetch();
    String first = gateway.currentToken();
    gateway.expireToken();
    client.fetch();
    String second = gateway.currentToken();
    gateway.expireToken();
    harness.failure(
        harness.client(gateway.address(), Map.of("password", new Secret("wrong-password"))));

    List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines)
        .isNotEmpty()
        .noneMatch(line -> line.contains(FakeGateway.PASSWORD) || line.contains("wrong-password"))
        .noneMatch(line -> line.contains(first) || line.contains(second));
  }
}
