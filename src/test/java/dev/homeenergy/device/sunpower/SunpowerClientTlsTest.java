package dev.homeenergy.device.sunpower;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.core.FailureReason;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SunpowerClientTlsTest {
  private final SunpowerClientHarness harness = new SunpowerClientHarness();

  @Test
  void useTlsTalksHttpsToASelfSignedPvs() throws Exception {
    try (FakePvs pvs = FakePvs.lockedOverTls()) {
      SunpowerClient client = harness.client(pvs.address(), Map.of("use_tls", true));

      SunpowerResponses responses = client.fetch();

      assertThat(responses.api()).isEqualTo(SunpowerApi.VARS);
      assertThat(responses.vars().get("/sys/devices/meter/")).contains("p3phsumKw");
      assertThat(harness.raw)
          .allSatisfy(exchange -> assertThat(exchange.url()).startsWith("https://127.0.0.1:"));
    }
  }

  @Test
  void withoutUseTlsAnHttpsPvsCannotBeRead() throws Exception {
    try (FakePvs pvs = FakePvs.lockedOverTls()) {
      assertThat(harness.failure(harness.client(pvs.address())).reason())
          .isIn(FailureReason.CONNECT, FailureReason.TIMEOUT);
    }
  }

  @Test
  void useTlsSwitchesTheSchemeAndTheDefaultPort() {
    assertThat(PvsTransport.baseUri(URI.create("http://pvs:80"), true))
        .isEqualTo(URI.create("https://pvs:443"));
    assertThat(PvsTransport.baseUri(URI.create("http://pvs:8443/proxy"), true))
        .isEqualTo(URI.create("https://pvs:8443/proxy"));
    assertThat(PvsTransport.baseUri(URI.create("https://pvs:443"), true))
        .isEqualTo(URI.create("https://pvs:443"));
    assertThat(PvsTransport.baseUri(URI.create("http://pvs:80"), false))
        .isEqualTo(URI.create("http://pvs:80"));
  }
}
