package dev.homeenergy.device.tesla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeenergy.config.Secret;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthClientTest {
  private final MutableClock clock = MutableClock.at("2026-11-25T00:00:00Z");
  private final HttpClient http = HttpClient.newHttpClient();
  private OAuthFakeServer server;
  private OAuthClient client;

  @BeforeEach
  void start() throws IOException {
    server = new OAuthFakeServer();
    client = new OAuthClient(server.settings(), http, clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void authorizeUrlCarriesTheAppAndARandomState() {
    OAuthClient.AuthorizationRequest first = client.authorizationRequest();
    OAuthClient.AuthorizationRequest second = client.authorizationRequest();

    URI url = first.url();
    assertThat(url.getScheme() + "://" + url.getHost() + url.getPath())
        .isEqualTo("https://auth.example/oauth2/v3/authorize");
    Map<String, String> query = OAuthClient.parseQuery(url.getRawQuery());
    assertThat(query)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", "client-id-1")
        .containsEntry("redirect_uri", "https://app.example/callback")
        .containsEntry("scope", "openid offline_access vehicle_device_data")
        .containsEntry("state", first.state());
    assertThat(first.state()).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(second.state());
    assertThat(url.toString()).doesNotContain(OAuthFakeServer.CLIENT_SECRET);
  }

  @Test
  void pastedRedirectYieldsTheCode() {
    Secret code =
        OAuthClient.codeFromRedirect(
            " https://app.example/callback?locale=en-US&code=NA_abc%2Fdef&state=s-1&issuer=x\n",
            "s-1");
    assertThat(code.reveal()).isEqualTo("NA_abc/def");
  }

  @Test
  void pastedRedirectOfAnotherSignInIsRefused() {
    assertThatThrownBy(
            () ->
                OAuthClient.codeFromRedirect(
                    "https://app.example/callback?code=NA_secretcode&state=other", "s-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("state does not match")
        .hasMessageNotContaining("NA_secretcode");
  }

  @Test
  void pastedRedirectWithAnErrorSaysSo() {
    assertThatThrownBy(
            () ->
                OAuthClient.codeFromRedirect(
                    "https://app.example/callback?error=access_denied&error_description=User+cancelled&state=s-1",
                    "s-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Tesla refused the sign-in: access_denied (User cancelled)");
    assertThatThrownBy(() -> OAuthClient.codeFromRedirect("https://app.example/callback", "s-1"))
        .hasMessageContaining("paste the whole address");
  }

  @Test
  void codeExchangePostsTheDocumentedForm() throws PollException {
    TeslaTokens tokens = client.exchangeCode(new Secret("NA_code-1"));

    assertThat(tokens.access().reveal()).isEqualTo("access-1");
    assertThat(tokens.refresh().reveal()).isEqualTo("refresh-1");
    assertThat(tokens.expiresAt()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
    assertThat(tokens.createdAt()).isEqualTo(clock.instant());
    OAuthFakeServer.Received request = server.received().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/oauth2/v3/token");
    assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
    assertThat(request.form())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "grant_type", "authorization_code",
                "client_id", "client-id-1",
                "client_secret", OAuthFakeServer.CLIENT_SECRET,
                "code", "NA_code-1",
                "audience", server.base().toString(),
                "redirect_uri", "https://app.example/callback"));
  }

  @Test
  void refreshRotatesTheRefreshToken() throws PollException {
    server.acceptRefreshToken("refresh-0");

    TeslaTokens tokens = client.refresh(new Secret("refresh-0"));

    assertThat(tokens.refresh().reveal()).isEqualTo("refresh-1");
    assertThat(server.received().get(0).form())
        .containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", "refresh-0")
        .containsEntry("client_id", "client-id-1");
  }

  @Test
  void rejectedRefreshTokenAsksToSignInAgainWithoutShowingSecrets() {
    PollException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            PollException.class, () -> client.refresh(new Secret("refresh-unknown")));

    assertThat(e.reason()).isEqualTo(FailureReason.AUTH);
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.getMessage())
        .contains("invalid_grant")
        .contains("home-energy-exporter tesla login")
        .doesNotContain("refresh-unknown")
        .doesNotContain(OAuthFakeServer.CLIENT_SECRET);
  }

  @Test
  void unauthorizedAnswerIsAnAuthFailure() {
    server.failTokenRequests(401, "");
    assertThatThrownBy(() -> client.refresh(new Secret("refresh-0")))
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.AUTH))
        .hasMessageContaining("sign in again");
  }

  @Test
  void serverErrorIsAnHttpStatusFailure() {
    server.failTokenRequests(503, "{\"error\":\"unavailable\"}");
    assertThatThrownBy(() -> client.refresh(new Secret("refresh-0")))
        .isInstanceOfSatisfying(
            PollException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(FailureReason.HTTP_STATUS);
              assertThat(e.httpStatus()).isEqualTo(503);
            });
  }

  @Test
  void closedPortIsAConnectFailure() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    OAuthClient.Settings s = server.settings();
    OAuthClient unreachable =
        new OAuthClient(
            new OAuthClient.Settings(
                s.authBase(),
                URI.create("http://127.0.0.1:" + port),
                s.apiBase(),
                s.clientId(),
                s.clientSecret(),
                s.redirectUri(),
                s.scopes(),
                s.timeout()),
            http,
            clock);

    assertThatThrownBy(() -> unreachable.refresh(new Secret("refresh-0")))
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.CONNECT))
        .hasMessageNotContaining("refresh-0");
  }

  @Test
  void silentEndpointIsATimeout() {
    server.holdRefreshes();
    server.acceptRefreshToken("refresh-0");
    OAuthClient.Settings s = server.settings();
    OAuthClient impatient =
        new OAuthClient(
            new OAuthClient.Settings(
                s.authBase(),
                s.tokenBase(),
                s.apiBase(),
                s.clientId(),
                s.clientSecret(),
                s.redirectUri(),
                s.scopes(),
                Duration.ofMillis(300)),
            http,
            clock);

    assertThatThrownBy(() -> impatient.refresh(new Secret("refresh-0")))
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT));
  }

  @Test
  void partnerTokenUsesClientCredentials() throws PollException {
    Secret token = client.partnerToken("openid vehicle_device_data");

    assertThat(token.reveal()).isEqualTo("partner-1");
    assertThat(server.received().get(0).form())
        .containsEntry("grant_type", "client_credentials")
        .containsEntry("scope", "openid vehicle_device_data")
        .containsEntry("client_secret", OAuthFakeServer.CLIENT_SECRET)
        .containsEntry("audience", server.base().toString());
  }

  @Test
  void settingsNeverPrintTheClientSecret() {
    assertThat(server.settings().toString()).doesNotContain(OAuthFakeServer.CLIENT_SECRET);
  }
}
