package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeenergy.config.Secret;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawExchange;
import dev.homeenergy.devicehttp.DeviceHttp;
import dev.homeenergy.devicehttp.LoginGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PowerwallLoginTest {
  private static final String BAD_CREDENTIALS =
      "{\"code\":401,\"error\":\"bad credentials\",\"message\":\"Login Error\"}";
  private static final String RATE_LIMITED =
      "{\"code\":429,\"error\":\"Api Limit reached for this endpoint\",\"message\":\"API Limit Reached\"}";

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

  @Test
  void sendsTheCustomerLoginAndTheTokenAsAuthCookie() throws Exception {
    harness.client(gateway.address()).fetch();

    assertThat(gateway.logins()).isEqualTo(1);
    assertThat(gateway.cookiesSeen())
        .isNotEmpty()
        .containsOnly("AuthCookie=" + gateway.currentToken());
  }

  @Test
  void logsInAgainOnceWhenTheTokenIsRejected() throws Exception {
    PowerwallClient client = harness.client(gateway.address());
    client.fetch();
    gateway.expireToken();

    PowerwallResponses responses = client.fetch();

    assertThat(gateway.logins()).isEqualTo(2);
    assertThat(responses.failures()).isEmpty();
    assertThat(gateway.hits("status")).isEqualTo(3);
  }

  @Test
  void aSessionRejectedEvenAfterAFreshLoginFailsThePollWithOneLogin() throws Exception {
    PowerwallClient client = harness.client(gateway.address());
    client.fetch();
    gateway.rejectAllSessions(true);

    PollException failure = harness.failure(client);

    assertThat(failure.reason()).isEqualTo(FailureReason.AUTH);
    assertThat(failure.getMessage()).startsWith("status: HTTP 401");
    assertThat(gateway.logins()).isEqualTo(2);
    assertThat(gateway.hits("system_status/soe")).isEqualTo(1);
  }

  @Test
  void aGatewayThatRefusesEveryEndpointStillFailsThePollAsAuth() throws Exception {
    List<String> endpoints = new ArrayList<>(PowerwallClient.EVERY_POLL);
    endpoints.addAll(PowerwallClient.AFTER_METERS);
    endpoints.add(PowerwallClient.SITE_INFO);
    endpoints.forEach(endpoint -> gateway.answer(endpoint, 403, "{\"error\":\"Forbidden\"}"));
    PowerwallClient client = harness.client(gateway.address());

    for (int poll = 1; poll <= 2; poll++) {
      assertThatThrownBy(client::poll)
          .isInstanceOfSatisfying(
              PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.AUTH))
          .hasMessageContaining("HTTP 403");
    }
    assertThat(gateway.logins()).isEqualTo(2);
  }

  @Test
  void aFirstLoginWhoseSessionIsRejectedIsNotRepeatedInThePoll() throws Exception {
    gateway.rejectAllSessions(true);

    PollException failure = harness.failure(harness.client(gateway.address()));

    assertThat(failure.reason()).isEqualTo(FailureReason.AUTH);
    assertThat(failure.getMessage())
        .startsWith("status: HTTP 401 from 127.0.0.1:")
        .endsWith(
            "the gateway rejected the session from this poll's login; logging in at most once per poll");
    assertThat(gateway.logins()).isEqualTo(1);
  }

  @Test
  void aLoginAnswerBreakingAReadingBoundIsAParseFailureWithoutBackOff() throws Exception {
    gateway.failLogin(200, "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));
    PowerwallClient client = harness.client(gateway.address());

    PollException failure = harness.failure(client);

    assertThat(failure.reason()).isEqualTo(FailureReason.PARSE);
    assertThat(failure.getMessage())
        .isEqualTo(
            "login/Basic: the JSON answer nests deeper than 64 levels, far beyond any real answer;"
                + " it was not read further");
    harness.clock.advance(Duration.ofSeconds(10));
    harness.failure(client);
    assertThat(gateway.logins()).as("no login back-off: the password was not refused").isEqualTo(2);
  }

  @Test
  void aWrongPasswordBacksOffLoginsWithoutTouchingTheNetwork() throws Exception {
    PowerwallClient client =
        harness.client(gateway.address(), Map.of("password", new Secret("wrong-password")));

    PollException first = harness.failure(client);
    assertThat(first.reason()).isEqualTo(FailureReason.AUTH);
    assertThat(first.getMessage())
        .startsWith("login/Basic: HTTP 401 from 127.0.0.1:")
        .contains(" (the gateway refused the customer password");
    int exchanges = harness.raw.size();

    for (int i = 0; i < 11; i++) {
      harness.clock.advance(Duration.ofSeconds(10));
      PollException fast = harness.failure(client);
      assertThat(fast.reason()).isEqualTo(FailureReason.AUTH);
      assertThat(fast.getMessage()).contains("not logging in until 2026-01-01T00:02:00Z");
    }
    assertThat(gateway.logins()).isEqualTo(1);
    assertThat(harness.raw).hasSize(exchanges);
    assertThat(gateway.hits("status")).isZero();

    harness.clock.advance(Duration.ofSeconds(10));
    assertThat(harness.failure(client).reason()).isEqualTo(FailureReason.AUTH);
    assertThat(gateway.logins()).isEqualTo(2);

    harness.clock.advance(new LoginGate(harness.clock).delay(2).minusSeconds(1));
    assertThat(harness.failure(client).getMessage()).contains("not logging in until");
    assertThat(gateway.logins()).isEqualTo(2);
  }

  @Test
  void aSuccessfulLoginEndsTheBackOff() throws Exception {
    PowerwallClient client = harness.client(gateway.address());
    gateway.failLogin(401, BAD_CREDENTIALS);
    harness.failure(client);
    gateway.acceptLogin();
    harness.clock.advance(LoginGate.DEFAULT_FIRST_DELAY);

    client.fetch();
    gateway.expireToken();
    client.fetch();

    assertThat(gateway.logins()).isEqualTo(3);
  }

  @Test
  void aRateLimitedLoginFailsAsRateLimitedAndBacksOff() throws Exception {
    PowerwallClient client = harness.client(gateway.address());
    gateway.failLogin(429, RATE_LIMITED);

    PollException first = harness.failure(client);
    harness.clock.advance(Duration.ofMinutes(1));
    PollException second = harness.failure(client);

    assertThat(first.reason()).isEqualTo(FailureReason.RATE_LIMITED);
    assertThat(second.reason()).isEqualTo(FailureReason.RATE_LIMITED);
    assertThat(second.getMessage()).contains("not logging in until 2026-01-01T00:02:00Z (in 60 s)");
    assertThat(gateway.logins()).isEqualTo(1);
  }

  @Test
  void backOffDoublesUpToHalfAnHour() {
    List<Duration> delays = new ArrayList<>();
    for (int failures = 1; failures <= 7; failures++) {
      delays.add(new LoginGate(harness.clock).delay(failures));
    }

    assertThat(delays)
        .extracting(Duration::toMinutes)
        .containsExactly(2L, 4L, 8L, 16L, 30L, 30L, 30L);
  }

  @Test
  void neitherPasswordNorTokenAppearsInMessagesOrRawRecords() throws Exception {
    PowerwallClient client = harness.client(gateway.address());
    client.fetch();
    List<String> tokens = new ArrayList<>(List.of(gateway.currentToken()));
    gateway.expireToken();
    client.fetch();
    tokens.add(gateway.currentToken());
    gateway.rejectAllSessions(true);
    harness.failure(client);
    gateway.rejectAllSessions(false);
    gateway.failLogin(401, BAD_CREDENTIALS);
    harness.failure(client);
    harness.failure(
        harness.client(gateway.address(), Map.of("password", new Secret("wrong-password"))));

    List<String> visible = harness.visibleText();
    visible.add(client.toString());
    visible.add(
        PowerwallSettings.from(ClientHarness.config(gateway.address(), Map.of())).toString());
    assertThat(visible)
        .isNotEmpty()
        .noneMatch(text -> text.contains(FakeGateway.PASSWORD))
        .noneMatch(text -> text.contains("wrong-password"));
    for (String token : tokens) {
      assertThat(visible).noneMatch(text -> text.contains(token));
    }
    List<RawExchange> logins =
        harness.raw.stream().filter(e -> e.endpoint().equals("login/Basic")).toList();
    assertThat(logins)
        .hasSizeGreaterThanOrEqualTo(4)
        .allSatisfy(
            exchange -> {
              assertThat(exchange.body()).isEqualTo(DeviceHttp.REDACTED);
              assertThat(exchange.url()).endsWith("/api/login/Basic");
            });
  }
}
