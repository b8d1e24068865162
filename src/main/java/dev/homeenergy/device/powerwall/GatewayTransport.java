package dev.homeenergy.device.powerwall;

import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.DeviceHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * Sends requests to the gateway's {@code /api/} and retries transport failures (refused, reset,
 * timed out, TLS) within the poll's retry window; HTTP error statuses are never retried.
 *
 * <p>A host name in the address is resolved at every request and the request goes to the IP
 * address, so the gateway sees its own SNI name ({@link GatewayAddress}). Raw-log URLs therefore
 * show the IP address.
 */
final class GatewayTransport {
  private final DeviceHttp http;
  private final URI address;

  GatewayTransport(DeviceHttp http, URI address) {
    this.http = http;
    this.address = address;
  }

  /** GETs {@code /api/<path>} with the session cookie and returns the 2xx body. */
  String get(String endpoint, String path, String token, GatewayPoll poll) throws PollException {
    return send(
        endpoint,
        path,
        poll,
        false,
        uri ->
            HttpRequest.newBuilder(uri)
                .GET()
                .header("Accept", "application/json")
                .header("Cookie", "AuthCookie=" + token));
  }

  /** POSTs a JSON body whose request and answer are secret; the raw log shows them redacted. */
  String postSecret(String endpoint, String path, String json, GatewayPoll poll)
      throws PollException {
    return send(
        endpoint,
        path,
        poll,
        true,
        uri ->
            HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json"));
  }

  /**
   * Records what the client knows about the gateway without asking it (the endpoints it no longer
   * asks for) under {@code endpoint} in the raw view.
   */
  void note(String endpoint, String json) {
    http.recordNote(endpoint, address.resolve("/api/"), json);
  }

  private interface RequestFor {
    HttpRequest.Builder build(URI uri);
  }

  private String send(
      String endpoint, String path, GatewayPoll poll, boolean secret, RequestFor request)
      throws PollException {
    while (true) {
      long started = System.nanoTime();
      try {
        URI uri = GatewayAddress.resolved(address, endpoint).resolve("/api/" + path);
        return http.send(endpoint, request.build(uri), poll.attemptDeadline(), secret);
      } catch (PollException e) {
        if (e.reason() != FailureReason.CONNECT && e.reason() != FailureReason.TIMEOUT) {
          throw e;
        }
        poll.awaitRetry(e, started);
      }
    }
  }
}
