package dev.homeenergy.device.tesla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawRecorder;
import dev.homeenergy.device.tesla.TlsCloudFront.Arrival;
import dev.homeenergy.device.tesla.TlsCloudFront.Protocols;
import dev.homeenergy.device.tesla.sim.TeslaSimulator;
import dev.homeenergy.device.tesla.sim.TeslaSimulatorSettings;
import dev.homeenergy.devicehttp.BoundedBody;
import dev.homeenergy.devicehttp.DeviceHttp;
import dev.homeenergy.devicehttp.SharedHttp;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Tesla client's transport against a simulated cloud behind an HTTPS front as strict as Tesla's
 * hosts (TLS 1.3 and HTTP/2 only): sign-in, refresh and data calls go over HTTP/2 and TLS 1.3, an
 * HTTP/1.1-only host is still served, and the body cap and deadline hold over HTTP/2.
 */
class TeslaTransportIT {
  private static final String REDIRECT = "https://localhost/callback";
  private static final String SCOPES =
      "openid offline_access vehicle_device_data energy_device_data";

  private final MutableClock clock = MutableClock.at("2026-11-02T03:00:00Z");
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private TeslaSimulator cloud;
  private TlsCloudFront front;

  @TempDir Path dir;

  @AfterEach
  void stop() throws Exception {
    if (front != null) {
      front.close();
    }
    if (cloud != null) {
      cloud.close();
    }
    executor.shutdownNow();
  }

  private void start(TeslaSimulatorSettings settings, Protocols protocols) throws Exception {
    cloud =
        TeslaSimulator.start(
            new SimulatorOptions("127.0.0.1", 0, "daily", clock, Set.of()), settings);
    clock.set(Instant.parse("2026-11-03T01:30:00Z")); // 17:30 site time: both cars drive home
    front = TlsCloudFront.start(cloud, protocols);
  }

  private HttpClient teslaHttp() {
    return TeslaHttp.client(Duration.ofSeconds(5), executor, TlsCloudFront.trust());
  }

  private OAuthClient oauth(HttpClient http) {
    URI base = front.baseUri();
    return new OAuthClient(
        new OAuthClient.Settings(
            base,
            base,
            base,
            cloud.settings().clientId(),
            new Secret(cloud.settings().clientSecret()),
            REDIRECT,
            SCOPES,
            Duration.ofSeconds(5)),
        http,
        clock);
  }

  /** Authorize (the simulator approves at once), paste the redirect, exchange the code. */
  private TeslaTokens signIn(HttpClient http, OAuthClient oauth) throws Exception {
    OAuthClient.AuthorizationRequest request = oauth.authorizationRequest();
    HttpResponse<Void> redirect =
        http.send(
            HttpRequest.newBuilder(request.url()).GET().build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(redirect.statusCode()).isEqualTo(302);
    String pasted = redirect.headers().firstValue("Location").orElseThrow();
    return oauth.exchangeCode(OAuthClient.codeFromRedirect(pasted, request.state()));
  }

  private FleetClient fleet(HttpClient http, AccessTokenSource tokens, Duration timeout) {
    return new FleetClient(
        "tesla",
        front.baseUri(),
        new DeviceHttp(http, clock, RawRecorder.discarding()),
        tokens,
        new FleetBudget(100, clock),
        new TeslaSettings(
            dir.resolve("token.json"),
            List.of("all"),
            List.of(),
            100,
            false,
            VehicleSleepPolicy.Settings.defaults()),
        clock,
        timeout);
  }

  /** Sign-in, a refresh and a poll's data calls, as one user would make them. */
  private void signInRefreshAndPoll() throws Exception {
    HttpClient http = teslaHttp();
    OAuthClient oauth = oauth(http);
    TeslaTokens first = signIn(http, oauth);
    TeslaTokens refreshed = oauth.refresh(first.refresh());
    assertThat(refreshed.access().reveal()).isNotEqualTo(first.access().reveal());
    TokenFile file = TokenFile.at(dir.resolve("token.json"));
    file.write(refreshed);

    FleetClient.Poll poll =
        fleet(http, new TokenManager(file, oauth, clock), Duration.ofSeconds(10)).poll();

    assertThat(poll.responses().failures()).isEmpty();
    assertThat(poll.responses().vehicleData()).containsOnlyKeys(cloud.vins());
    assertThat(cloud.tokenRequests("authorization_code")).isEqualTo(1);
    assertThat(cloud.tokenRequests("refresh_token")).isEqualTo(1);
    assertThat(front.arrivals())
        .extracting(Arrival::path)
        .contains(
            OAuthClient.AUTHORIZE_PATH,
            OAuthClient.TOKEN_PATH,
            "/api/1/vehicles",
            "/api/1/vehicles/" + cloud.vins().get(0) + "/vehicle_data");
  }

  @Test
  void signInRefreshAndDataCallsGoOverHttp2AndTls13() throws Exception {
    start(TeslaSimulatorSettings.defaults(), Protocols.HTTP2_ONLY);

    signInRefreshAndPoll();

    assertThat(front.arrivals())
        .isNotEmpty()
        .allSatisfy(
            arrival -> {
              assertThat(arrival.protocol()).as(arrival.path()).isEqualTo("HTTP/2.0");
              assertThat(arrival.tls()).as(arrival.path()).isEqualTo("TLSv1.3");
            });
  }

  @Test
  void aHostThatSpeaksOnlyHttp11IsStillServed() throws Exception {
    start(TeslaSimulatorSettings.defaults(), Protocols.HTTP1_ONLY);

    signInRefreshAndPoll();

    assertThat(front.arrivals())
        .isNotEmpty()
        .allSatisfy(
            arrival -> {
              assertThat(arrival.protocol()).as(arrival.path()).isEqualTo("HTTP/1.1");
              assertThat(arrival.tls()).as(arrival.path()).isEqualTo("TLSv1.3");
            });
  }

  @Test
  void theFamilysDeviceRefreshesAndPollsOverHttp2() throws Exception {
    start(
        TeslaSimulatorSettings.defaults().withAccessTokenLifetime(Duration.ofMinutes(6)),
        Protocols.HTTP2_ONLY);
    HttpClient http = teslaHttp();
    Path tokenFile = dir.resolve("token.json");
    TokenFile.at(tokenFile).write(signIn(http, oauth(http)));
    DeviceConfig config =
        new DeviceConfig(
            "tesla",
            TeslaFamily.TYPE,
            front.baseUri(),
            Duration.ofMinutes(5),
            Duration.ofSeconds(10),
            Duration.ofHours(1),
            NamingStyle.NATIVE,
            Map.of(
                "client_id", cloud.settings().clientId(),
                "client_secret", new Secret(cloud.settings().clientSecret()),
                "auth_base", front.baseUri().toString(),
                "token_base", front.baseUri().toString(),
                "token_file", tokenFile.toString()));
    clock.advance(Duration.ofMinutes(2));
    int beforePoll = front.arrivals().size();

    try (Device device =
        new TeslaFamily(TlsCloudFront.trust())
            .create(
                config, new SharedHttp(executor).context(clock, RawRecorder.discarding(), dir))) {
      TeslaReading reading = ((TeslaFamily.ScheduledReading) device.poll()).reading();
      assertThat(reading.vehicles()).hasSize(cloud.vins().size());
    }

    List<Arrival> polled = front.arrivals().subList(beforePoll, front.arrivals().size());
    assertThat(polled)
        .extracting(Arrival::path)
        .contains(OAuthClient.TOKEN_PATH, "/api/1/vehicles");
    assertThat(polled).allSatisfy(arrival -> assertThat(arrival.protocol()).isEqualTo("HTTP/2.0"));
    assertThat(cloud.tokenRequests("refresh_token")).isEqualTo(1);
  }

  @Test
  void theFrontRefusesHttp11AndTls12() throws Exception {
    start(TeslaSimulatorSettings.defaults(), Protocols.HTTP2_ONLY);
    HttpRequest status = HttpRequest.newBuilder(front.baseUri().resolve("/status")).GET().build();
    assertThat(teslaHttp().send(status, HttpResponse.BodyHandlers.ofString()).body())
        .isEqualTo("ok");

    HttpClient http11 =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(TlsCloudFront.trust())
            .build();
    assertThatThrownBy(() -> http11.send(status, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);

    SSLParameters tls12 = TlsCloudFront.trust().getDefaultSSLParameters();
    tls12.setProtocols(new String[] {"TLSv1.2"});
    HttpClient oldTls =
        HttpClient.newBuilder().sslContext(TlsCloudFront.trust()).sslParameters(tls12).build();
    assertThatThrownBy(() -> oldTls.send(status, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aBodyOverTheCapIsAbandonedOverHttp2() throws Exception {
    start(TeslaSimulatorSettings.defaults(), Protocols.HTTP2_ONLY);
    HttpClient http = teslaHttp();
    TokenFile file = TokenFile.at(dir.resolve("token.json"));
    file.write(signIn(http, oauth(http)));
    front.answer(
        "/api/1/vehicles",
        "{\"response\":[],\"padding\":\"" + "x".repeat(BoundedBody.DEFAULT_MAX_BYTES) + "\"}");

    FleetClient client =
        fleet(http, new TokenManager(file, oauth(http), clock), Duration.ofSeconds(10));

    assertThatThrownBy(client::poll)
        .isInstanceOfSatisfying(
            PollException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(FailureReason.PARSE);
              assertThat(e.getMessage()).contains("exceeded " + BoundedBody.DEFAULT_MAX_BYTES);
            });
  }

  @Test
  void anUnansweredDataCallEndsAtThePollDeadline() throws Exception {
    start(TeslaSimulatorSettings.defaults(), Protocols.HTTP2_ONLY);
    HttpClient http = teslaHttp();
    TokenFile file = TokenFile.at(dir.resolve("token.json"));
    file.write(signIn(http, oauth(http)));
    front.hold("/api/1/vehicles");
    FleetClient client =
        fleet(http, new TokenManager(file, oauth(http), clock), Duration.ofSeconds(1));

    long started = System.nanoTime();
    assertThatThrownBy(client::poll)
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }
}
