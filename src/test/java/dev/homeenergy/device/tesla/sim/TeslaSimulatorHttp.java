package dev.homeenergy.device.tesla.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.Http;
import dev.homeenergy.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Test helper: starts Tesla simulators on loopback with a {@link MutableClock} and speaks their
 * API.
 */
final class TeslaSimulatorHttp implements AutoCloseable {
  static final String USER_SCOPES =
      "openid offline_access user_data vehicle_device_data vehicle_location energy_device_data";

  /** 12:00 UTC: every car is parked (the daily scenario drives 07:30–08:40 and 17:00–18:20). */
  final MutableClock clock = MutableClock.at("2026-06-21T12:00:00Z");

  final ObjectMapper mapper = new ObjectMapper();
  private final List<TeslaSimulator> started = new ArrayList<>();

  TeslaSimulator start(String scenario, TeslaSimulatorSettings settings, String... faults)
      throws IOException {
    TeslaSimulator simulator =
        TeslaSimulator.start(
            new SimulatorOptions("127.0.0.1", 0, scenario, clock, Set.of(faults)), settings);
    started.add(simulator);
    return simulator;
  }

  HttpResponse<String> get(URI uri, String token) {
    return Http.get(uri, "Authorization", "Bearer " + token);
  }

  HttpResponse<String> post(URI uri, String token, String json) {
    return Http.send(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  HttpResponse<String> postForm(URI uri, String... nameValues) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < nameValues.length; i += 2) {
      form.append(form.length() == 0 ? "" : "&")
          .append(encode(nameValues[i]))
          .append('=')
          .append(encode(nameValues[i + 1]));
    }
    return Http.send(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build());
  }

  /** A user token (with refresh token) through the authorize → code → token flow. */
  JsonNode userTokens(TeslaSimulator simulator, String scopes) {
    String code = authorizeCode(simulator, scopes, "s1");
    HttpResponse<String> response =
        postForm(
            simulator.tokenUri(),
            "grant_type",
            "authorization_code",
            "client_id",
            TeslaSimulatorSettings.DEFAULT_CLIENT_ID,
            "client_secret",
            TeslaSimulatorSettings.DEFAULT_CLIENT_SECRET,
            "code",
            code,
            "redirect_uri",
            "http://localhost/cb",
            "audience",
            "https://fleet-api.prd.na.vn.cloud.tesla.com");
    return json(response);
  }

  String userToken(TeslaSimulator simulator) {
    return userTokens(simulator, USER_SCOPES).get("access_token").asText();
  }

  String partnerToken(TeslaSimulator simulator) {
    return json(postForm(
            simulator.tokenUri(),
            "grant_type",
            "client_credentials",
            "client_id",
            TeslaSimulatorSettings.DEFAULT_CLIENT_ID,
            "client_secret",
            TeslaSimulatorSettings.DEFAULT_CLIENT_SECRET,
            "scope",
            "openid vehicle_device_data",
            "audience",
            "https://fleet-api.prd.na.vn.cloud.tesla.com"))
        .get("access_token")
        .asText();
  }

  /** The {@code code} of the authorize redirect. */
  String authorizeCode(TeslaSimulator simulator, String scopes, String state) {
    HttpResponse<String> response =
        Http.get(
            URI.create(
                simulator.authorizeUri()
                    + "?response_type=code&client_id="
                    + TeslaSimulatorSettings.DEFAULT_CLIENT_ID
                    + "&redirect_uri="
                    + encode("http://localhost/cb")
                    + "&scope="
                    + encode(scopes)
                    + "&state="
                    + state));
    String location = response.headers().firstValue("Location").orElseThrow();
    String query = URI.create(location).getRawQuery();
    for (String pair : query.split("&")) {
      if (pair.startsWith("code=")) {
        return java.net.URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no code in " + location);
  }

  URI api(TeslaSimulator simulator, String path) {
    return simulator.baseUri().resolve(path);
  }

  JsonNode json(HttpResponse<String> response) {
    try {
      return mapper.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    started.forEach(TeslaSimulator::close);
  }
}
