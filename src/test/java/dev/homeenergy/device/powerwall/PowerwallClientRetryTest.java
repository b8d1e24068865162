package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.FailureWords;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PowerwallClientRetryTest {
  private final ClientHarness harness = new ClientHarness();
  private FakeGateway gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = FakeGateway.start();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private static Map<String, Object> retry(Duration interval, Duration timeout) {
    return Map.of("retry_interval", interval, "retry_timeout", timeout);
  }

  @Test
  void aShortOutageIsSurvivedWithinTheRetryTimeout() throws Exception {
    try (SwitchableProxy proxy = new SwitchableProxy(gateway.port(), 3)) {
      PowerwallClient client =
          harness.client(proxy.address(), retry(Duration.ofMillis(20), Duration.ofSeconds(10)));

      PowerwallResponses responses = client.fetch();

      assertThat(proxy.resetConnections()).isEqualTo(3);
      assertThat(responses.failures()).isEmpty();
      assertThat(responses.bodies()).containsKeys("status", "powerwalls", "site_info");
      assertThat(harness.raw)
          .filteredOn(exchange -> exchange.status() == 0)
          .isNotEmpty()
          .allSatisfy(exchange -> assertThat(exchange.endpoint()).isEqualTo("login/Basic"));
    }
  }

  @Test
  void aConnectionDroppedMidPollIsRetriedWithoutLosingThePollOrLoggingInAgain() throws Exception {
    try (SwitchableProxy proxy = new SwitchableProxy(gateway.port(), 0)) {
      PowerwallClient client =
          harness.client(proxy.address(), retry(Duration.ofMillis(20), Duration.ofSeconds(10)));
      gateway.onceBefore("sitemaster", () -> proxy.cut(3));

      PowerwallResponses responses = client.fetch();

      assertThat(proxy.resetConnections()).isEqualTo(3);
      assertThat(responses.failures()).isEmpty();
      assertThat(responses.bodies()).containsKeys("sitemaster", "networks");
      assertThat(gateway.hits("sitemaster")).isEqualTo(2);
      assertThat(gateway.logins()).isEqualTo(1);
      assertThat(harness.raw)
          .filteredOn(exchange -> exchange.status() == 0)
          .isNotEmpty()
          .allSatisfy(exchange -> assertThat(exchange.endpoint()).isEqualTo("sitemaster"));
    }
  }

  @Test
  void anOutageLongerThanTheRetryTimeoutFailsThePollAsConnect() throws Exception {
    try (SwitchableProxy proxy = new SwitchableProxy(gateway.port(), Integer.MAX_VALUE)) {
      PowerwallClient client =
          harness.client(proxy.address(), retry(Duration.ofMillis(20), Duration.ofMillis(200)));

      PollException failure = harness.failure(client);

      assertThat(failure.reason()).isEqualTo(FailureReason.CONNECT);
      assertThat(failure.getMessage()).contains("still failing after retrying for");
      assertThat(proxy.resetConnections()).isBetween(4, 40);
    }
  }

  @Test
  void withoutRetryTimeoutARefusedConnectionFailsAtOnce() throws Exception {
    URI closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = URI.create("https://127.0.0.1:" + socket.getLocalPort());
    }

    PollException failure = harness.failure(harness.client(closedPort));

    assertThat(failure.reason()).isEqualTo(FailureReason.CONNECT);
    assertThat(failure.getMessage())
        .isEqualTo("login/Basic: connection refused by " + FailureWords.address(closedPort));
    assertThat(harness.raw)
        .singleElement()
        .satisfies(exchange -> assertThat(exchange.status()).isZero());
  }
}
