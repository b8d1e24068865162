package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayTlsCertificatesTest {
  @TempDir Path directory;

  @Test
  void fetchesTheGatewayCertificateAndRoundTripsItThroughPem() throws Exception {
    X509Certificate expected = FakeGateway.certificate(FakeGateway.GATEWAY_KEYSTORE);
    try (FakeGateway gateway = FakeGateway.start()) {
      X509Certificate byIp =
          GatewayCertificates.fetch("127.0.0.1", gateway.port(), Duration.ofSeconds(5));
      X509Certificate byName =
          GatewayCertificates.fetch("localhost", gateway.port(), Duration.ofSeconds(5));
      Path file = directory.resolve("gateway.pem");

      GatewayCertificates.writePem(byIp, file);

      assertThat(byIp).isEqualTo(expected);
      assertThat(byName).isEqualTo(expected);
      assertThat(GatewayCertificates.readPem(file)).isEqualTo(expected);
      List<String> lines = Files.readAllLines(file);
      assertThat(lines.get(0)).isEqualTo("-----BEGIN CERTIFICATE-----");
      assertThat(lines.get(lines.size() - 1)).isEqualTo("-----END CERTIFICATE-----");
      assertThat(lines.subList(1, lines.size() - 2))
          .allSatisfy(line -> assertThat(line).hasSize(64));
      assertThat(lines.get(lines.size() - 2).length()).isBetween(1, 64);
    }
  }

  @Test
  void readsTheFirstCertificateBlockAmongOtherText() throws Exception {
    X509Certificate expected = FakeGateway.certificate(FakeGateway.OTHER_KEYSTORE);
    Path file = directory.resolve("bundle.pem");
    Files.writeString(
        file,
        "subject=CN=gateway\r\n"
            + GatewayCertificates.toPem(expected).replace("\n", "\r\n")
            + GatewayCertificates.toPem(FakeGateway.certificate(FakeGateway.GATEWAY_KEYSTORE)));

    assertThat(GatewayCertificates.readPem(file)).isEqualTo(expected);
  }

  @Test
  void rejectsFilesWithoutACertificateBlock() throws Exception {
    Path key =
        Files.writeString(
            directory.resolve("key.pem"),
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    Path broken =
        Files.writeString(
            directory.resolve("broken.pem"),
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

    assertThatThrownBy(() -> GatewayCertificates.readPem(key))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("BEGIN CERTIFICATE");
    assertThatThrownBy(() -> GatewayCertificates.readPem(broken))
        .isInstanceOf(CertificateException.class);
  }
}
