package dev.homeenergy.device.powerwall.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.testing.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PowerwallSimulatorFaultTest {
  private static final Duration SHORT = Duration.ofMillis(300);

  private final PowerwallSimulatorHttp http = new PowerwallSimulatorHttp();

  @AfterEach
  void close() {
    http.close();
  }

  @Test
  void flakyGatewayGoesQuietForTheOutageStretchOfEveryPeriod() throws Exception {
    PowerwallSimulator simulator = http.start("flaky");
    String token = http.token(simulator);

    http.clock.advance(Duration.ofSeconds(239));
    assertThat(simulator.isOffline()).isFalse();
    assertThat(http.get(simulator, "/api/status", token).statusCode()).isEqualTo(200);

    http.clock.advance(Duration.ofSeconds(1));
    assertThat(simulator.isOffline()).isTrue();
    assertThatThrownBy(() -> http.get(simulator, "/api/status", token, SHORT))
        .isInstanceOf(HttpTimeoutException.class);
    HttpRequest login =
        HttpRequest.newBuilder(PowerwallSimulatorHttp.uri(simulator, "/api/login/Basic"))
            .timeout(SHORT)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    PowerwallSimulatorHttp.LOGIN_JSON.formatted(
                        PowerwallSimulator.DEFAULT_PASSWORD)))
            .build();
    assertThatThrownBy(() -> http.send(login)).isInstanceOf(HttpTimeoutException.class);
    assertThat(simulator.loginAttempts()).isEqualTo(1);

    http.clock.advance(Duration.ofSeconds(60));
    assertThat(simulator.isOffline()).isFalse();
    assertThat(http.get(simulator, "/api/status", token).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> simulator.pendingExchanges() == 0);
  }

  @Test
  void flakyOutageLengthIsConfigurable() throws Exception {
    PowerwallSimulator simulator =
        http.start(
            "flaky",
            PowerwallSimulatorSettings.defaults()
                .withFlakyOutage(Duration.ofSeconds(100), Duration.ofSeconds(10)));

    http.clock.advance(Duration.ofSeconds(89));
    assertThat(simulator.isOffline()).isFalse();
    http.clock.advance(Duration.ofSeconds(1));
    assertThat(simulator.isOffline()).isTrue();
    http.clock.advance(Duration.ofSeconds(10));
    assertThat(simulator.isOffline()).isFalse();
  }

  @Test
  void forcedOfflineHoldsRequestsUntilBackOnline() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2");
    String token = http.token(simulator);
    simulator.setOffline(true);

    CompletableFuture<HttpResponse<String>> held = sendAsync(simulator, "/api/status", token);
    await().atMost(Duration.ofSeconds(5)).until(() -> simulator.pendingExchanges() == 1);
    assertThat(held).isNotDone();

    simulator.setOffline(false);
    await().atMost(Duration.ofSeconds(5)).until(held::isDone);
    assertThat(simulator.pendingExchanges()).isZero();
    assertThat(http.get(simulator, "/api/status", token).statusCode()).isEqualTo(200);
  }

  @Test
  void closeReleasesHeldExchangesPromptly() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2");
    String token = http.token(simulator);
    simulator.setOffline(true);
    CompletableFuture<HttpResponse<String>> held = sendAsync(simulator, "/api/status", token);
    await().atMost(Duration.ofSeconds(5)).until(() -> simulator.pendingExchanges() == 1);

    long start = System.nanoTime();
    simulator.close();

    assertThatThrownBy(held::join).isInstanceOf(CompletionException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void http500FaultBreaksDataEndpointsButNotLogin() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2", "http_500");
    String token = http.token(simulator);

    HttpResponse<String> response = http.get(simulator, "/api/meters/aggregates", token);
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(http.get(simulator, "/api/status", null).statusCode()).isEqualTo(401);

    simulator.setFaults(Set.of());
    assertThat(http.get(simulator, "/api/meters/aggregates", token).statusCode()).isEqualTo(200);
  }

  @Test
  void forbiddenNetworksFaultRefusesOnlyNetworksToAFreshSession() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2", "forbidden_networks");
    String token = http.token(simulator);

    assertThat(http.get(simulator, "/api/networks", token).statusCode()).isEqualTo(403);
    assertThat(http.get(simulator, "/api/status", token).statusCode()).isEqualTo(200);
    assertThat(http.get(simulator, "/api/networks", null).statusCode()).isEqualTo(401);
  }

  @Test
  void slowFaultDelaysEveryAnswerByTheConfiguredRealTime() throws Exception {
    PowerwallSimulator simulator =
        http.start(
            "powerwall2",
            PowerwallSimulatorSettings.defaults().withSlowDelay(Duration.ofMillis(400)),
            "slow");
    String token = http.token(simulator);

    assertThatThrownBy(() -> http.get(simulator, "/api/status", token, Duration.ofMillis(100)))
        .isInstanceOf(HttpTimeoutException.class);
    long start = System.nanoTime();
    assertThat(http.get(simulator, "/api/status", token).statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));

    simulator.setSlowDelay(Duration.ZERO);
    assertThat(http.get(simulator, "/api/status", token, Duration.ofSeconds(2)).statusCode())
        .isEqualTo(200);
  }

  private CompletableFuture<HttpResponse<String>> sendAsync(
      PowerwallSimulator simulator, String path, String token) {
    HttpRequest request =
        HttpRequest.newBuilder(PowerwallSimulatorHttp.uri(simulator, path))
            .timeout(Duration.ofSeconds(20))
            .header("Cookie", "AuthCookie=" + token)
            .GET()
            .build();
    return Http.trusting(PowerwallSimulatorCertificate.DEFAULT.keyStore(), null)
        .client()
        .sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }
}
