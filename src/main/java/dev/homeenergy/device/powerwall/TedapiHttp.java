package dev.homeenergy.device.powerwall;

import dev.homeenergy.config.Secret;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawExchange;
import dev.homeenergy.core.RawRecorder;
import dev.homeenergy.devicehttp.BodyCaps;
import dev.homeenergy.devicehttp.Deadline;
import dev.homeenergy.devicehttp.DeviceHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Sends TEDAPI requests to the gateway with HTTP Basic auth (user {@value #USER}, the gateway
 * password) through {@link DeviceHttp}, which caps, classifies and records them as it does every
 * device's, and inflates the bodies that start with gzip's magic bytes (the gateway compresses from
 * firmware 25.42 without saying so in a header). The password goes only into the {@code
 * Authorization} header: failure messages and raw records carry the status and the address, never
 * the header.
 */
final class TedapiHttp {
  static final String USER = "Tesla_Energy_Device";

  /**
   * Ten times the largest TEDAPI answer seen (about 50 KB), on the wire and inflated alike; below
   * BoundedBody's ceiling.
   */
  static final BodyCaps BODY_CAPS = BodyCaps.of(512 * 1024);

  private final DeviceHttp http;
  private final URI address;
  private final String authorization;
  private final Clock clock;
  private final RawRecorder raw;

  TedapiHttp(HttpClient client, URI address, Secret password, Clock clock, RawRecorder raw) {
    this.http = new DeviceHttp(client, clock, raw, BODY_CAPS);
    this.address = address;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((USER + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
    this.clock = clock;
    this.raw = raw;
  }

  DeviceHttp.BinaryAnswer get(String query, String path, Deadline deadline) throws PollException {
    return http.sendBinary(endpoint(query), request(query, path).GET(), deadline);
  }

  DeviceHttp.BinaryAnswer post(String query, String path, byte[] body, Deadline deadline)
      throws PollException {
    return http.sendBinary(
        endpoint(query),
        request(query, path)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/octet-stream"),
        deadline);
  }

  /**
   * Records what an answer meant (its JSON or a summary) in place of its binary body, for {@code
   * /devices/NAME/raw}, with how long the exchange took.
   */
  void record(String query, String path, String meaning, Duration took) {
    raw.record(
        new RawExchange(
            endpoint(query),
            address.resolve(path).toString(),
            200,
            clock.instant().minus(took),
            took,
            meaning,
            null));
  }

  private static String endpoint(String query) {
    return "tedapi/" + query;
  }

  private HttpRequest.Builder request(String query, String path) throws PollException {
    return HttpRequest.newBuilder(GatewayAddress.resolved(address, endpoint(query)).resolve(path))
        .header("Authorization", authorization);
  }
}
