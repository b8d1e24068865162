package dev.homeenergy.device.powerwall;

import dev.homeenergy.config.Secret;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawExchange;
import dev.homeenergy.core.RawRecorder;
import dev.homeenergy.devicehttp.Deadline;
import dev.homeenergy.devicehttp.FailureWords;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * Sends one TEDAPI request at a time to the gateway with HTTP Basic auth (user {@value #USER}, the
 * gateway password) and returns the body, gunzipped when it starts with gzip's magic bytes (the
 * gateway compresses from firmware 25.42 without saying so in a header). The password goes only
 * into the {@code Authorization} header: failure messages and raw records carry the status and the
 * address, never the header. Bodies are capped like every device body.
 */
final class TedapiHttp {
  static final String USER = "Tesla_Energy_Device";

  /**
   * Ten times the largest TEDAPI answer seen (about 50 KB), gunzipped; below BoundedBody's ceiling.
   */
  static final int MAX_BYTES = 512 * 1024;

  private final HttpClient client;
  private final URI address;
  private final String authorization;
  private final Clock clock;
  private final RawRecorder raw;

  TedapiHttp(HttpClient client, URI address, Secret password, Clock clock, RawRecorder raw) {
    this.client = client;
    this.address = address;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((USER + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
    this.clock = clock;
    this.raw = raw;
  }

  /** An answer: its status and (decompressed) body, and how long the request took. */
  record Answer(byte[] body, Duration took) {}

  Answer get(String query, String path, Deadline deadline) throws PollException {
    return send(query, path, null, deadline);
  }

  Answer post(String query, String path, byte[] body, Deadline deadline) throws PollException {
    return send(query, path, body, deadline);
  }

  /** Records what an answer meant (its JSON or a summary), for {@code /devices/NAME/raw}. */
  void record(String query, String path, int status, Duration took, String body, String error) {
    raw.record(
        new RawExchange(
            "tedapi/" + query,
            address.resolve(path).toString(),
            status,
            clock.instant().minus(took),
            took,
            body,
            error));
  }

  private Answer send(String query, String path, byte[] body, Deadline deadline)
      throws PollException {
    String endpoint = "tedapi/" + query;
    URI uri = resolve(endpoint).resolve(path);
    Duration remaining = deadline.remaining();
    Instant at = clock.instant();
    long started = System.nanoTime();
    if (remaining.isZero()) {
      throw fail(endpoint, uri, at, started, 0, timeout(endpoint, uri, remaining));
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(remaining).header("Authorization", authorization);
    if (body == null) {
      request.GET();
    } else {
      request
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .header("Content-Type", "application/octet-stream");
    }
    CompletableFuture<HttpResponse<InputStream>> future =
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    HttpResponse<InputStream> response;
    byte[] bytes;
    try {
      response = future.get(remaining.toNanos(), TimeUnit.NANOSECONDS);
      try (InputStream in = response.body()) {
        bytes = readCapped(in);
      }
    } catch (TimeoutException e) {
      future.cancel(true);
      throw fail(endpoint, uri, at, started, 0, timeout(endpoint, uri, remaining));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw fail(
          endpoint,
          uri,
          at,
          started,
          0,
          new PollException(FailureReason.TIMEOUT, endpoint + ": interrupted"));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      FailureReason reason =
          cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)
              ? FailureReason.TIMEOUT
              : FailureReason.CONNECT;
      throw fail(
          endpoint,
          uri,
          at,
          started,
          0,
          new PollException(reason, endpoint + ": " + FailureWords.connection(uri, cause)));
    } catch (IOException e) {
      throw fail(
          endpoint,
          uri,
          at,
          started,
          0,
          new PollException(FailureReason.PARSE, endpoint + ": " + e.getMessage()));
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      FailureReason reason =
          switch (status) {
            case 401, 403 -> FailureReason.AUTH;
            case 429 -> FailureReason.RATE_LIMITED;
            default -> FailureReason.HTTP_STATUS;
          };
      throw fail(
          endpoint,
          uri,
          at,
          started,
          status,
          new PollException(
              reason,
              endpoint + ": HTTP " + status + " from " + FailureWords.address(uri),
              status));
    }
    try {
      return new Answer(gunzipIfCompressed(bytes), since(started));
    } catch (IOException e) {
      throw fail(
          endpoint,
          uri,
          at,
          started,
          status,
          new PollException(
              FailureReason.PARSE,
              endpoint + ": the gzip body does not inflate: " + e.getMessage()));
    }
  }

  /**
   * Inflates a body that starts with gzip's magic bytes {@code 1f 8b}; others are returned as is.
   */
  static byte[] gunzipIfCompressed(byte[] body) throws IOException {
    if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
      return body;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return readCapped(in);
    }
  }

  private static byte[] readCapped(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      if (out.size() + n > MAX_BYTES) {
        throw new IOException("the answer exceeded " + MAX_BYTES + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static PollException timeout(String endpoint, URI uri, Duration remaining) {
    return new PollException(
        FailureReason.TIMEOUT, endpoint + ": " + FailureWords.noAnswer(uri, remaining));
  }

  private PollException fail(
      String endpoint, URI uri, Instant at, long started, int status, PollException e) {
    raw.record(
        new RawExchange(
            endpoint, uri.toString(), status, at, since(started), null, e.getMessage()));
    return e;
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /** The address with its host resolved, so the TLS server name stays the gateway's own. */
  private URI resolve(String endpoint) throws PollException {
    String host = address.getHost();
    try {
      String ip = InetAddress.getByName(host).getHostAddress();
      return new URI(
          "https", null, ip, address.getPort() < 0 ? 443 : address.getPort(), "/", null, null);
    } catch (UnknownHostException e) {
      throw new PollException(FailureReason.CONNECT, endpoint + ": cannot resolve " + host);
    } catch (URISyntaxException e) {
      throw new PollException(FailureReason.INTERNAL, endpoint + ": " + e.getMessage(), e);
    }
  }
}
