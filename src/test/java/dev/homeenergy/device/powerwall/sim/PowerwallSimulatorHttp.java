package dev.homeenergy.device.powerwall.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.Http;
import dev.homeenergy.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Test helper: starts simulators on loopback and talks to them over TLS trusting the simulator
 * certificate.
 */
final class PowerwallSimulatorHttp implements AutoCloseable {
  static final String LOGIN_JSON =
      "{\"username\":\"customer\",\"email\":\"me@example.org\",\"password\":\"%s\",\"force_sm_off\":false}";

  final MutableClock clock = MutableClock.at("2026-06-21T19:00:00Z");
  final ObjectMapper mapper = new ObjectMapper();
  private final List<PowerwallSimulator> started = new ArrayList<>();
  private final Http http = Http.trusting(PowerwallSimulatorCertificate.DEFAULT.keyStore(), null);

  PowerwallSimulator start(String scenario, String... faults) throws IOException {
    return start(scenario, PowerwallSimulatorSettings.defaults(), faults);
  }

  PowerwallSimulator start(String scenario, PowerwallSimulatorSettings settings, String... faults)
      throws IOException {
    PowerwallSimulator simulator =
        PowerwallSimulator.start(
            new SimulatorOptions("127.0.0.1", 0, scenario, clock, Set.of(faults)), settings);
    started.add(simulator);
    return simulator;
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.exchange(request);
  }

  HttpResponse<String> login(PowerwallSimulator simulator, String password)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(simulator.baseUri().resolve("/api/login/Basic"))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(LOGIN_JSON.formatted(password)))
            .build());
  }

  String token(PowerwallSimulator simulator) throws Exception {
    HttpResponse<String> response = login(simulator, PowerwallSimulator.DEFAULT_PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    return mapper.readTree(response.body()).get("token").asText();
  }

  HttpResponse<String> get(PowerwallSimulator simulator, String path, String token)
      throws IOException, InterruptedException {
    return get(simulator, path, token, Duration.ofSeconds(5));
  }

  HttpResponse<String> get(
      PowerwallSimulator simulator, String path, String token, Duration timeout)
      throws IOException, InterruptedException {
    URI uri = simulator.baseUri().resolve(path);
    return token == null
        ? http.exchange(uri, timeout)
        : http.exchange(uri, timeout, "Cookie", "AuthCookie=" + token);
  }

  JsonNode json(PowerwallSimulator simulator, String path, String token) throws Exception {
    HttpResponse<String> response = get(simulator, path, token);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    return mapper.readTree(response.body());
  }

  static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  static URI uri(PowerwallSimulator simulator, String path) {
    return simulator.baseUri().resolve(path);
  }

  Instant now() {
    return clock.instant();
  }

  @Override
  public void close() {
    started.forEach(PowerwallSimulator::close);
  }
}
