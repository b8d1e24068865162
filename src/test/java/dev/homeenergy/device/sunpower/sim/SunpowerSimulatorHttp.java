package dev.homeenergy.device.sunpower.sim;

import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.Http;
import dev.homeenergy.testing.MutableClock;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Starts simulators on loopback for a test and talks HTTP to them. */
final class SunpowerSimulatorHttp implements AutoCloseable {
  static final SunpowerSimulatorSettings FAST =
      SunpowerSimulatorSettings.defaults().withPerDeviceLatency(Duration.ZERO);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  final MutableClock clock = MutableClock.at("2025-06-21T20:00:07Z");
  private final List<SunpowerSimulator> started = new ArrayList<>();

  SunpowerSimulator start(String scenario, String... faults) throws IOException {
    return start(scenario, FAST, faults);
  }

  SunpowerSimulator start(String scenario, SunpowerSimulatorSettings settings, String... faults)
      throws IOException {
    SunpowerSimulator simulator =
        SunpowerSimulator.start(
            new SimulatorOptions("127.0.0.1", 0, scenario, clock, Set.of(faults)), settings);
    started.add(simulator);
    return simulator;
  }

  HttpResponse<String> get(SunpowerSimulator simulator, String pathAndQuery, String... headers)
      throws IOException, InterruptedException {
    return Http.plain().exchange(simulator.baseUri().resolve(pathAndQuery), TIMEOUT, headers);
  }

  HttpResponse<String> post(
      SunpowerSimulator simulator, String path, String body, String... headers)
      throws IOException, InterruptedException {
    return Http.plain()
        .exchange(
            Http.request(simulator.baseUri().resolve(path), TIMEOUT, headers)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
  }

  HttpResponse<String> command(SunpowerSimulator simulator, String command)
      throws IOException, InterruptedException {
    return get(simulator, "/cgi-bin/dl_cgi?Command=" + command);
  }

  /** Logs in with {@code scheme} and the password; returns the response. */
  HttpResponse<String> login(SunpowerSimulator simulator, String scheme, String password)
      throws IOException, InterruptedException {
    return get(
        simulator,
        "/auth?login",
        "Authorization",
        scheme + " " + Http.basicCredentials("ssm_owner", password));
  }

  /** Logs in with the right password and returns the session id. */
  String session(SunpowerSimulator simulator) throws IOException, InterruptedException {
    HttpResponse<String> response = login(simulator, "basic", simulator.settings().password());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "login failed: " + response.statusCode() + " " + response.body());
    }
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring("session=".length(), cookie.indexOf(';'));
  }

  HttpResponse<String> vars(SunpowerSimulator simulator, String session, String query)
      throws IOException, InterruptedException {
    return session == null
        ? get(simulator, "/vars?" + query)
        : get(simulator, "/vars?" + query, "Cookie", "session=" + session);
  }

  @Override
  public void close() {
    started.forEach(SunpowerSimulator::close);
  }
}
