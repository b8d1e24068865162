package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawExchange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PowerwallClientTest {
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
  void readsEveryEndpointInOrderAndEachAggregatesCategory() throws Exception {
    PowerwallResponses responses = harness.client(gateway.address()).fetch();

    assertThat(responses.failures()).isEmpty();
    assertThat(responses.bodies())
        .containsOnlyKeys(
            "status",
            "system_status/soe",
            "operation",
            "sitemaster",
            "troubleshooting/problems",
            "system_status",
            "system_status/grid_status",
            "meters/aggregates",
            "meters/site",
            "meters/battery",
            "networks",
            "powerwalls",
            "site_info");
    assertThat(responses.bodies().get("system_status/soe")).isEqualTo("{\"percentage\":42.4}");
    List<String> order = harness.raw.stream().map(RawExchange::endpoint).toList();
    assertThat(order)
        .containsExactly(
            "login/Basic",
            "status",
            "system_status/soe",
            "operation",
            "sitemaster",
            "troubleshooting/problems",
            "system_status",
            "system_status/grid_status",
            "meters/aggregates",
            "meters/site",
            "meters/battery",
            "networks",
            "powerwalls",
            "site_info");
    assertThat(gateway.hits("config/completed")).isZero();
    assertThat(gateway.cookiesSeen()).containsOnly("AuthCookie=" + gateway.currentToken());
  }

  @Test
  void logsInOnceAndReusesTheToken() throws Exception {
    PowerwallClient client = harness.client(gateway.address());

    for (int i = 0; i < 3; i++) {
      client.poll();
      harness.clock.advance(Duration.ofSeconds(30));
    }

    assertThat(gateway.logins()).isEqualTo(1);
    assertThat(gateway.hits("status")).isEqualTo(3);
    assertThat(gateway.hits("meters/site")).isEqualTo(3);
  }

  @Test
  void readsSiteInfoHourlyAndReusesItsBodyInBetween() throws Exception {
    PowerwallClient client = harness.client(gateway.address());
    client.fetch();
    gateway.answer("site_info", "{\"site_name\":\"Renamed\"}");
    harness.clock.advance(Duration.ofMinutes(59));

    PowerwallResponses cached = client.fetch();
    harness.clock.advance(Duration.ofMinutes(1));
    PowerwallResponses refreshed = client.fetch();

    assertThat(cached.bodies().get("site_info")).isEqualTo("{\"site_name\":\"Home\"}");
    assertThat(refreshed.bodies().get("site_info")).isEqualTo("{\"site_name\":\"Renamed\"}");
    assertThat(gateway.hits("site_info")).isEqualTo(2);
  }

  @Test
  void aFailedSiteInfoRefreshKeepsTheLastGoodBodyUntilTheNextHour() throws Exception {
    PowerwallClient client = harness.client(gateway.address());
    client.fetch();
    gateway.answer("site_info", 502, "");
    harness.clock.advance(PowerwallClient.SITE_INFO_MAX_AGE);

    PowerwallResponses failed = client.fetch();
    harness.clock.advance(Duration.ofMinutes(1));
    PowerwallResponses next = client.fetch();

    assertThat(failed.failures())
        .extracting(EndpointFailure::endpoint)
        .containsExactly("site_info");
    assertThat(failed.bodies().get("site_info")).isEqualTo("{\"site_name\":\"Home\"}");
    assertThat(next.failures()).isEmpty();
    assertThat(next.bodies().get("site_info")).isEqualTo("{\"site_name\":\"Home\"}");
    assertThat(gateway.hits("site_info")).isEqualTo(2);
  }

  @Test
  void aMissingEndpointIsRememberedAbsentUncountedAndAskedAgainOnlyHourly() throws Exception {
    gateway.answer("powerwalls", 404, "404 page not found\n");
    PowerwallClient client = harness.client(gateway.address());

    PowerwallReading first = client.poll();
    harness.clock.advance(Duration.ofMinutes(30));
    PowerwallReading later = client.poll();

    assertThat(first.endpointFailures()).isEmpty();
    assertThat(later.endpointFailures()).isEmpty();
    assertThat(later.absentEndpoints()).containsExactly("powerwalls");
    assertThat(later.summary())
        .hasValueSatisfying(
            line -> assertThat(line).endsWith("1 /api endpoint absent on this firmware (see raw)"));
    assertThat(gateway.hits("powerwalls")).isEqualTo(1);
    assertThat(gateway.hits("networks")).isEqualTo(2);
    assertThat(gateway.hits("site_info")).isEqualTo(1);
    RawExchange note = latest("absent");
    assertThat(note.status()).isZero();
    assertThat(note.body())
        .contains("\"powerwalls\"", "\"next_probe\":\"2026-01-01T01:00:00Z\"")
        .contains("21.44 223a56cd");

    harness.clock.advance(AbsentEndpoints.REPROBE.minus(Duration.ofMinutes(30)));
    client.poll();
    assertThat(gateway.hits("powerwalls")).as("re-probed after an hour").isEqualTo(2);

    gateway.answer("powerwalls", "{\"powerwalls\":[]}");
    harness.clock.advance(AbsentEndpoints.REPROBE);
    PowerwallReading back = client.poll();
    assertThat(back.powerwalls()).isNotNull();
    assertThat(back.absentEndpoints()).isEmpty();
    assertThat(latest("absent").body()).contains("\"endpoints\":{}");
  }

  @Test
  void aFirmwareChangeAsksForEveryAbsentEndpointAtTheNextPoll() throws Exception {
    gateway.answer("powerwalls", 404, "404 page not found\n");
    PowerwallClient client = harness.client(gateway.address());
    client.poll();
    harness.clock.advance(Duration.ofSeconds(30));
    client.poll();
    assertThat(gateway.hits("powerwalls")).isEqualTo(1);

    gateway.answer("status", "{\"din\":\"1232100-00-E--TG0001\",\"version\":\"25.10.1 0a1b2c3d\"}");
    gateway.answer("powerwalls", "{\"powerwalls\":[]}");
    harness.clock.advance(Duration.ofSeconds(30));
    client.poll();
    harness.clock.advance(Duration.ofSeconds(30));
    PowerwallReading upgraded = client.poll();

    assertThat(gateway.hits("powerwalls")).isEqualTo(2);
    assertThat(upgraded.powerwalls()).isNotNull();
    assertThat(upgraded.absentEndpoints()).isEmpty();
  }

  @Test
  void otherStatusesAreStillEndpointFailuresEveryPoll() throws Exception {
    gateway.answer("powerwalls", 500, "");
    PowerwallClient client = harness.client(gateway.address());

    client.poll();
    harness.clock.advance(Duration.ofSeconds(30));
    PowerwallReading reading = client.poll();

    assertThat(reading.endpointFailures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.endpoint()).isEqualTo("powerwalls");
              assertThat(failure.reason()).isEqualTo(FailureReason.HTTP_STATUS);
              assertThat(failure.message()).contains("HTTP 500");
            });
    assertThat(reading.absentEndpoints()).isEmpty();
    assertThat(gateway.hits("powerwalls")).isEqualTo(2);
  }

  @Test
  void anAddressThatAnswers404ToEverythingKeepsFailingThePollAndIsAskedAgain() throws Exception {
    for (String endpoint :
        List.of(
            "status",
            "system_status/soe",
            "operation",
            "sitemaster",
            "troubleshooting/problems",
            "system_status",
            "system_status/grid_status",
            "meters/aggregates",
            "networks",
            "powerwalls",
            "site_info")) {
      gateway.answer(endpoint, 404, "404 page not found\n");
    }
    PowerwallClient client = harness.client(gateway.address());

    PollException first = pollFailure(client);
    harness.clock.advance(Duration.ofSeconds(30));
    PollException second = pollFailure(client);

    assertThat(first.reason()).isEqualTo(FailureReason.HTTP_STATUS);
    assertThat(first.getMessage()).contains("404");
    assertThat(second.reason()).isEqualTo(FailureReason.HTTP_STATUS);
    assertThat(gateway.hits("status")).isEqualTo(2);
  }

  private RawExchange latest(String endpoint) {
    List<RawExchange> matching =
        harness.raw.stream().filter(e -> e.endpoint().equals(endpoint)).toList();
    assertThat(matching).as("raw records of " + endpoint).isNotEmpty();
    return matching.get(matching.size() - 1);
  }

  @Test
  void aStoppedSitemasterSkipsTheMetersAndKeepsTheRest() throws Exception {
    gateway.answer("meters/aggregates", 502, "");
    gateway.answer("system_status/soe", 502, "");

    PowerwallResponses responses = harness.client(gateway.address()).fetch();

    assertThat(responses.failures())
        .extracting(EndpointFailure::endpoint)
        .containsExactly("system_status/soe", "meters/aggregates");
    assertThat(responses.bodies())
        .containsKeys("status", "networks", "powerwalls")
        .doesNotContainKey("meters/site");
    assertThat(gateway.hits("meters/site")).isZero();
  }

  private static PollException pollFailure(PowerwallClient client) {
    try {
      client.poll();
    } catch (PollException e) {
      return e;
    }
    throw new AssertionError("expected the poll to fail");
  }

  /** Found by the fault suite: every endpoint failing still showed the gateway up, with nothing. */
  @Test
  void whenOnlyTheCachedSiteInfoIsUsableThePollFails() throws Exception {
    PowerwallClient client = harness.client(gateway.address());
    client.poll();
    for (String endpoint : PowerwallClient.EVERY_POLL) {
      gateway.answer(
          endpoint, 503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
    }
    gateway.answer("networks", 503, "");
    gateway.answer("powerwalls", 503, "");

    PollException down = pollFailure(client);
    assertThat(down.reason()).isEqualTo(FailureReason.HTTP_STATUS);
    assertThat(down.getMessage())
        .startsWith("no endpoint gave usable data; first: status: HTTP 503");

    for (String endpoint : PowerwallClient.EVERY_POLL) {
      gateway.answer(endpoint, "<html><body>Sign in</body></html>");
    }
    gateway.answer("networks", "<html></html>");
    assertThat(pollFailure(client).reason()).isEqualTo(FailureReason.PARSE);

    gateway.answer(
        "operation", "{\"real_mode\":\"self_consumption\",\"backup_reserve_percent\":24}");
    assertThat(client.poll().endpointFailures())
        .extracting(EndpointFailure::endpoint)
        .doesNotContain("operation");
  }

  @Test
  void aRateLimitedReadFailsThePoll() throws Exception {
    gateway.answer(
        "operation",
        429,
        "{\"code\":429,\"error\":\"Api Limit reached for this endpoint\",\"message\":\"API Limit Reached\"}");

    PollException failure = harness.failure(harness.client(gateway.address()));

    assertThat(failure.reason()).isEqualTo(FailureReason.RATE_LIMITED);
    assertThat(failure.getMessage()).startsWith("operation: HTTP 429");
    assertThat(gateway.hits("sitemaster")).isZero();
  }

  @Test
  void pollDeadlineAddsTheRetryTimeout() {
    DeviceConfig withRetry =
        ClientHarness.config(gateway.address(), Map.of("retry_timeout", Duration.ofSeconds(60)));
    DeviceConfig without = ClientHarness.config(gateway.address(), Map.of());

    assertThat(PowerwallClient.pollDeadline(withRetry)).isEqualTo(Duration.ofSeconds(65));
    assertThat(PowerwallClient.pollDeadline(without)).isEqualTo(Duration.ofSeconds(5));
  }
}
