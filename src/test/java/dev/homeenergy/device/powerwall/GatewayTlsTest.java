package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayTlsTest {
  private final ClientHarness harness = new ClientHarness();
  @TempDir Path directory;

  private Path pemOf(String keystore) throws Exception {
    Path file = directory.resolve(keystore + ".pem");
    GatewayCertificates.writePem(FakeGateway.certificate(keystore), file);
    return file;
  }

  private static int statusOf(URI uri) throws Exception {
    HttpClient client =
        GatewayTls.httpClient(GatewayTls.context(null), Duration.ofSeconds(5), null);
    HttpRequest request =
        HttpRequest.newBuilder(uri.resolve("/api/status")).timeout(Duration.ofSeconds(5)).build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void theJdkClientSendsTheConfiguredSniNameOnlyToIpAddresses() throws Exception {
    try (FakeGateway gateway = FakeGateway.start()) {
      assertThatThrownBy(() -> statusOf(gateway.address("localhost")))
          .isInstanceOf(SSLHandshakeException.class);
      assertThat(gateway.sniSeen()).contains("localhost").doesNotContain("powerwall");

      gateway.sniSeen().clear();
      assertThat(statusOf(gateway.address())).isEqualTo(401);
      assertThat(gateway.sniSeen()).containsOnly("powerwall");
    }
  }

  @Test
  void aHostNameAddressIsReachedThroughItsIpWithSniPowerwall() throws Exception {
    try (FakeGateway gateway = FakeGateway.start()) {
      PowerwallResponses responses = harness.client(gateway.address("localhost")).fetch();

      assertThat(responses.failures()).isEmpty();
      assertThat(gateway.sniSeen()).isNotEmpty().containsOnly("powerwall");
    }
  }

  @Test
  void aPinnedCertificateAcceptsItsGateway() throws Exception {
    try (FakeGateway gateway = FakeGateway.start()) {
      Map<String, Object> pinned = Map.of("tls_cert_file", pemOf(FakeGateway.GATEWAY_KEYSTORE));

      PowerwallResponses responses = harness.client(gateway.address(), pinned).fetch();

      assertThat(responses.bodies()).containsKey("status");
    }
  }

  @Test
  void aPinnedCertificateRejectsAGatewayPresentingAnotherOneAsConnect() throws Exception {
    try (FakeGateway other = FakeGateway.start(FakeGateway.OTHER_KEYSTORE, 0)) {
      Map<String, Object> pinned = Map.of("tls_cert_file", pemOf(FakeGateway.GATEWAY_KEYSTORE));

      PollException failure = harness.failure(harness.client(other.address(), pinned));

      assertThat(failure.reason()).isEqualTo(FailureReason.CONNECT);
      assertThat(failure.getMessage())
          .startsWith("login/Basic: the TLS certificate of 127.0.0.1:")
          .doesNotContain("Exception")
          .contains("not the pinned one from tls_cert_file");
      assertThat(other.logins()).isZero();
    }
  }

  @Test
  void anUnusableCertificateFileFailsTheConstructorNamingKeyAndPath() throws Exception {
    Path garbage = Files.writeString(directory.resolve("garbage.pem"), "not a certificate");
    Path missing = directory.resolve("missing.pem");
    URI address = URI.create("https://127.0.0.1:1");

    assertThatThrownBy(() -> harness.client(address, Map.of("tls_cert_file", garbage)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tls_cert_file")
        .hasMessageContaining(garbage.toString())
        .hasMessageContaining("CERTIFICATE");
    assertThatThrownBy(() -> harness.client(address, Map.of("tls_cert_file", missing)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tls_cert_file")
        .hasMessageContaining(missing.toString());
  }
}
