package dev.homeenergy.device.sunpower;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.Deadline;
import dev.homeenergy.devicehttp.DeviceHttp;
import dev.homeenergy.devicehttp.DeviceJson;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Sends the requests of one PVS through {@link DeviceHttp} (deadline, failure classification, raw
 * log). The login's answer is recorded redacted; the session travels only in request headers, which
 * the raw log never shows.
 */
final class PvsTransport {
  static final String LOGIN_ENDPOINT = "auth";
  static final String LOGIN_PATH = "/auth?login";
  static final String LOGIN_USER = "ssm_owner";
  private static final ObjectMapper JSON = DeviceJson.mapper();

  private final DeviceHttp http;
  private final String base;

  PvsTransport(DeviceHttp http, URI base) {
    this.http = http;
    String text = base.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * The base URI requests go to: the address, switched from {@code http} to {@code https} when
   * {@code useTls} is set, port 80 then becoming 443 (any other port is kept).
   */
  static URI baseUri(URI address, boolean useTls) {
    if (!useTls || !"http".equals(address.getScheme())) {
      return address;
    }
    int port = address.getPort() == 80 || address.getPort() < 0 ? 443 : address.getPort();
    try {
      return new URI("https", null, address.getHost(), port, address.getPath(), null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "cannot switch " + address + " to https: " + e.getMessage(), e);
    }
  }

  URI uri(String pathAndQuery) {
    return URI.create(base + pathAndQuery);
  }

  /** GETs an open (unauthenticated) path and returns the 2xx body. */
  String get(String endpoint, String pathAndQuery, Deadline deadline) throws PollException {
    return http.get(endpoint, uri(pathAndQuery), deadline);
  }

  /** GETs a path with {@code Cookie: session=<id>} and returns the 2xx body. */
  String getWithSession(String endpoint, String pathAndQuery, String session, Deadline deadline)
      throws PollException {
    return http.send(
        endpoint,
        HttpRequest.newBuilder(uri(pathAndQuery))
            .GET()
            .header("Accept", "application/json")
            .header("Cookie", SessionCookie.SESSION + "=" + session),
        deadline,
        false);
  }

  /**
   * Logs in as {@value #LOGIN_USER} and returns the session id from the {@code Set-Cookie} header,
   * else from the body's {@code session}, or null when the answer holds neither.
   */
  String login(Secret password, Deadline deadline) throws PollException {
    String credentials =
        Base64.getEncoder()
            .encodeToString(
                (LOGIN_USER + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
    DeviceHttp.Answer answer =
        http.sendWithHeaders(
            LOGIN_ENDPOINT,
            HttpRequest.newBuilder(uri(LOGIN_PATH))
                .GET()
                .header("Accept", "application/json")
                .header("Authorization", "basic " + credentials),
            deadline,
            true);
    String fromCookie = SessionCookie.in(answer.headers());
    return fromCookie != null ? fromCookie : sessionIn(answer.body());
  }

  /** Records a 2xx body that could not be used. */
  void recordUnusable(String endpoint, String pathAndQuery, String body, String error) {
    http.recordParseFailure(endpoint, uri(pathAndQuery), body, error);
  }

  private static String sessionIn(String body) {
    try {
      JsonNode session = JSON.readTree(body).path(SessionCookie.SESSION);
      return session.isTextual() && !session.asText().isBlank() ? session.asText() : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
