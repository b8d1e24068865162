package dev.homeenergy.device.powerwall.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeenergy.testing.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PowerwallSimulatorAuthTest {
  private static final String LOGIN_ERROR =
      "{\"code\":401,\"error\":\"bad credentials\",\"message\":\"Login Error\"}";
  private static final String RATE_LIMITED =
      "{\"code\":429,\"error\":\"Api Limit reached for this endpoint\",\"message\":\"API Limit Reached\"}";
  private static final String TOKEN_EXPIRED =
      "{\"code\":401,\"error\":\"Token Expired\",\"message\":\"Token Expired\"}";

  private final PowerwallSimulatorHttp http = new PowerwallSimulatorHttp();

  @AfterEach
  void close() {
    http.close();
  }

  @Test
  void loginAnswersLikeTheCaptureAndSetsBothCookies() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2");

    HttpResponse<String> response = http.login(simulator, PowerwallSimulator.DEFAULT_PASSWORD);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = http.mapper.readTree(response.body());
    assertThat(PowerwallSimulatorHttp.keys(body))
        .containsExactly(
            "email", "firstname", "lastname", "roles", "token", "provider", "loginTime");
    assertThat(body.get("email").asText()).isEqualTo("me@example.org");
    assertThat(body.get("firstname").asText()).isEqualTo("Tesla");
    assertThat(body.get("lastname").asText()).isEqualTo("Energy");
    assertThat(body.get("roles").toString()).isEqualTo("[\"Home_Owner\"]");
    assertThat(body.get("provider").asText()).isEqualTo("Basic");
    assertThat(body.get("loginTime").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}[-+]\\d\\d:\\d\\d");
    String token = body.get("token").asText();
    assertThat(token).matches("[A-Za-z0-9+/]+==");
    List<String> cookies = response.headers().allValues("Set-Cookie");
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("AuthCookie=" + token + ";"));
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("UserRecord="));
    assertThat(simulator.loginAttempts()).isEqualTo(1);
    assertThat(simulator.successfulLogins()).isEqualTo(1);
  }

  @Test
  void formEncodedLoginWorksTooAndThePasswordIsSettable() throws Exception {
    PowerwallSimulator simulator =
        http.start("powerwall2", PowerwallSimulatorSettings.defaults().withPassword("Ab12C"));
    HttpRequest form =
        HttpRequest.newBuilder(PowerwallSimulatorHttp.uri(simulator, "/api/login/Basic"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "username=customer&password=Ab12C&email=a%40b.c&clientInfo=%7B%7D"))
            .build();

    HttpResponse<String> response = http.send(form);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(http.mapper.readTree(response.body()).get("email").asText()).isEqualTo("a@b.c");
    assertThat(http.login(simulator, PowerwallSimulator.DEFAULT_PASSWORD).statusCode())
        .isEqualTo(401);
    simulator.setPassword(PowerwallSimulator.DEFAULT_PASSWORD);
    assertThat(http.login(simulator, PowerwallSimulator.DEFAULT_PASSWORD).statusCode())
        .isEqualTo(200);
  }

  @Test
  void wrongPasswordIs401AndRepeatedFailuresTripTheRateLimitForTheCooldown() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2");

    for (int i = 0; i < 5; i++) {
      HttpResponse<String> wrong = http.login(simulator, "wrong");
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.body()).isEqualTo(LOGIN_ERROR);
      http.clock.advance(Duration.ofSeconds(30));
    }
    HttpResponse<String> limited = http.login(simulator, PowerwallSimulator.DEFAULT_PASSWORD);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.body()).isEqualTo(RATE_LIMITED);

    http.clock.advance(Duration.ofMinutes(9));
    assertThat(http.login(simulator, PowerwallSimulator.DEFAULT_PASSWORD).statusCode())
        .isEqualTo(429);
    http.clock.advance(Duration.ofMinutes(1));
    assertThat(http.login(simulator, PowerwallSimulator.DEFAULT_PASSWORD).statusCode())
        .isEqualTo(200);
    assertThat(simulator.loginAttempts()).isEqualTo(8);
    assertThat(simulator.successfulLogins()).isEqualTo(1);
  }

  @Test
  void failuresSpreadBeyondTheWindowDoNotTripTheLimit() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2");

    for (int i = 0; i < 8; i++) {
      assertThat(http.login(simulator, "wrong").statusCode()).isEqualTo(401);
      http.clock.advance(Duration.ofMinutes(2));
    }

    assertThat(http.login(simulator, PowerwallSimulator.DEFAULT_PASSWORD).statusCode())
        .isEqualTo(200);
  }

  @Test
  void dataEndpointsNeedATokenAsCookieOrBearer() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2");

    HttpResponse<String> anonymous = http.get(simulator, "/api/status", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).isEqualTo(TOKEN_EXPIRED);
    assertThat(http.get(simulator, "/api/meters/aggregates", "not-a-token").statusCode())
        .isEqualTo(401);

    String token = http.token(simulator);
    assertThat(http.get(simulator, "/api/status", token).statusCode()).isEqualTo(200);
    HttpResponse<String> bothCookies =
        http.send(
            HttpRequest.newBuilder(PowerwallSimulatorHttp.uri(simulator, "/api/status"))
                .header("Cookie", "AuthCookie=" + token + "; UserRecord=abc")
                .build());
    assertThat(bothCookies.statusCode()).isEqualTo(200);
    HttpResponse<String> bearer =
        http.send(
            HttpRequest.newBuilder(PowerwallSimulatorHttp.uri(simulator, "/api/status"))
                .header("Authorization", "Bearer " + token)
                .build());
    assertThat(bearer.statusCode()).isEqualTo(200);
  }

  @Test
  void tokensExpireAfterTheirSimulatedLifetimeOrOnDemand() throws Exception {
    PowerwallSimulator simulator =
        http.start(
            "powerwall2",
            PowerwallSimulatorSettings.defaults().withTokenLifetime(Duration.ofHours(1)));
    String token = http.token(simulator);

    http.clock.advance(Duration.ofMinutes(59));
    assertThat(http.get(simulator, "/api/system_status/soe", token).statusCode()).isEqualTo(200);
    http.clock.advance(Duration.ofMinutes(1));
    assertThat(http.get(simulator, "/api/system_status/soe", token).statusCode()).isEqualTo(401);

    String fresh = http.token(simulator);
    assertThat(http.get(simulator, "/api/system_status/soe", fresh).statusCode()).isEqualTo(200);
    simulator.expireTokens();
    assertThat(http.get(simulator, "/api/system_status/soe", fresh).statusCode()).isEqualTo(401);
  }

  @Test
  void defaultTokenLifetimeIsOneDay() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2");
    String token = http.token(simulator);

    http.clock.advance(Duration.ofHours(23));
    assertThat(http.get(simulator, "/api/operation", token).statusCode()).isEqualTo(200);
    http.clock.advance(Duration.ofHours(1));
    assertThat(http.get(simulator, "/api/operation", token).statusCode()).isEqualTo(401);
  }

  @Test
  void logoutInvalidatesTheToken() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2");
    String token = http.token(simulator);

    assertThat(http.get(simulator, "/api/logout", token).statusCode()).isEqualTo(204);
    assertThat(http.get(simulator, "/api/status", token).statusCode()).isEqualTo(401);
  }

  @Test
  void plainHttpPortRedirectsEverythingToHttps() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2");
    assertThat(simulator.baseUri().toString()).matches("https://127\\.0\\.0\\.1:\\d+");
    assertThat(simulator.httpUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+");

    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(simulator.httpUri().resolve("/api/status?x=1")).build());

    String target = simulator.baseUri() + "/api/status?x=1";
    assertThat(response.statusCode()).isEqualTo(301);
    assertThat(response.headers().firstValue("Location")).hasValue(target);
    assertThat(response.body()).startsWith("<a href=\"" + target + "\">Moved Permanently</a>.");
    assertThat(simulator.requestCount("/api/status")).isZero();
  }

  @Test
  void httpClientSendingAStockSniNameIsAccepted() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2");
    Http client = Http.trusting(PowerwallSimulatorCertificate.DEFAULT.keyStore(), "powerwall");

    HttpResponse<String> response =
        client.exchange(
            HttpRequest.newBuilder(PowerwallSimulatorHttp.uri(simulator, "/api/login/Basic"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        PowerwallSimulatorHttp.LOGIN_JSON.formatted("x")))
                .build());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void httpClientSendingAnotherSniNameIsRefusedAtTheHandshake() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2");
    Http client = Http.trusting(PowerwallSimulatorCertificate.DEFAULT.keyStore(), "localhost");

    assertThatThrownBy(
            () ->
                client.exchange(
                    HttpRequest.newBuilder(PowerwallSimulatorHttp.uri(simulator, "/api/status"))
                        .build()))
        .isInstanceOf(SSLException.class);
    assertThat(simulator.requestCount("/api/status")).isZero();
  }

  @Test
  void rawSocketShowsTheSniMatcherAcceptsStockNamesAndNoName() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2");

    assertThatThrownBy(() -> handshake(simulator, "localhost")).isInstanceOf(SSLException.class);
    assertThatThrownBy(() -> handshake(simulator, "powerwall.local"))
        .isInstanceOf(SSLException.class);
    handshake(simulator, "teg");
    handshake(simulator, "POWERPACK");
    handshake(simulator, null);
  }

  @Test
  void otherCertificateIsADifferentGatewayThatTheDefaultTrustRejects() throws Exception {
    PowerwallSimulator other =
        http.start(
            "powerwall2",
            PowerwallSimulatorSettings.defaults()
                .withCertificate(PowerwallSimulatorCertificate.OTHER));
    PowerwallSimulator usual = http.start("powerwall2");
    assertThat(other.certificate()).isNotEqualTo(usual.certificate());

    assertThatThrownBy(() -> http.login(other, "x")).isInstanceOf(SSLException.class);
    Http pinned = Http.trusting(PowerwallSimulatorCertificate.OTHER.keyStore(), null);
    HttpResponse<String> response =
        pinned.exchange(
            HttpRequest.newBuilder(PowerwallSimulatorHttp.uri(other, "/api/status")).build());
    assertThat(response.statusCode()).isEqualTo(401);
  }

  private static void handshake(PowerwallSimulator simulator, String sniName) throws Exception {
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    KeyStore store = PowerwallSimulatorCertificate.DEFAULT.keyStore();
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    try (SSLSocket socket =
        (SSLSocket)
            context.getSocketFactory().createSocket("127.0.0.1", simulator.baseUri().getPort())) {
      socket.setSoTimeout(5_000);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setServerNames(sniName == null ? List.of() : List.of(new SNIHostName(sniName)));
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      assertThat(socket.getSession().getPeerCertificates()).isNotEmpty();
    }
  }
}
