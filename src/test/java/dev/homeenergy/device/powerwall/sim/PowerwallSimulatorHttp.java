package dev.homeenergy.device.powerwall.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/** Test helper: starts simulators on loopback and talks to them with a JDK HttpClient that trusts the simulator certificate. */
final class PowerwallSimulatorHttp implements AutoCloseable {
  static final String LOGIN_JSON =
      "{\"username\":\"customer\",\"email\":\"me@example.org\",\"password\":\"%s\",\"force_sm_off\":false}";

  final MutableClock clock = MutableClock.at("2026-06-21T19:00:00Z");
  final ObjectMapper mapper = new ObjectMapper();
  private final List<PowerwallSimulator> started = new ArrayList<>();
  private final HttpClient http = client(PowerwallSimulatorCertificate.DEFAULT, null);

  PowerwallSimulator start(String scenario, String... faults) throws IOException {
    return start(scenario, PowerwallSimulatorSettings.defaults(), faults);
  }

  PowerwallSimulator start(String scenario, PowerwallSimulatorSettings settings, String... faults)
      throws IOException {
    PowerwallSimulator simulator = PowerwallSimulator.start(
        new SimulatorOptions("127.0.0.1", 0, scenario, clock, Set.of(faults)), settings);
    started.add(simulator);
    return simulator;
  }

  /** A client trusting {@code certificate}; sends {@code sniName} when not null. */
  static HttpClient client(PowerwallSimulatorCertificate certificate, String sniName) {
    try {
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      KeyStore store = certificate.keyStore();
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      HttpClient.Builder builder = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NEVER)
          .sslContext(context);
      if (sniName != null) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setServerNames(List.of(new javax.net.ssl.SNIHostName(sniName)));
        builder.sslParameters(parameters);
      }
      return builder.build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> login(PowerwallSimulator simulator, String password)
      throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(simulator.baseUri().resolve("/api/login/Basic"))
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

  HttpResponse<String> get(PowerwallSimulator simulator, String path, String token, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(simulator.baseUri().resolve(path)).timeout(timeout);
    if (token != null) {
      request.header("Cookie", "AuthCookie=" + token);
    }
    return send(request.GET().build());
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
