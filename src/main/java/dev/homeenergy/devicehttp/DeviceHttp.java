package dev.homeenergy.devicehttp;

import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawExchange;
import dev.homeenergy.core.RawRecorder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Device-side HTTP GET with a hard deadline, failure classification and raw-exchange recording,
 * shared by every family that speaks HTTP. A request that has not fully answered by the deadline is
 * cancelled and counted as a timeout; nothing here ever retries (retrying an offline device
 * multiplies sockets; the poller backs off instead). Bodies are read up to their endpoint's cap
 * ({@link BodyCaps}, which the family sizes to its real bodies; {@link
 * BoundedBody#DEFAULT_MAX_BYTES} unless it does); a longer body is abandoned as soon as it passes
 * the cap and counted as {@code parse}.
 */
public final class DeviceHttp {
  /** What the raw log shows instead of a body that carries secrets. */
  public static final String REDACTED = "<redacted>";

  private static final int MAX_ERROR_BODY_CHARS = 200;

  private final HttpClient client;
  private final Clock clock;
  private final RawRecorder raw;
  private final BodyCaps caps;

  public DeviceHttp(HttpClient client, Clock clock, RawRecorder raw) {
    this(client, clock, raw, BoundedBody.DEFAULT_MAX_BYTES);
  }

  /** A device HTTP whose bodies may be up to {@code maxBodyBytes} long. */
  public DeviceHttp(HttpClient client, Clock clock, RawRecorder raw, int maxBodyBytes) {
    this(client, clock, raw, BodyCaps.of(maxBodyBytes));
  }

  /** A device HTTP whose bodies may be as long as {@code caps} allows their endpoint. */
  public DeviceHttp(HttpClient client, Clock clock, RawRecorder raw, BodyCaps caps) {
    this.client = client;
    this.clock = clock;
    this.raw = raw;
    this.caps = caps;
  }

  /** A client for plain-HTTP LAN devices: no redirects, HTTP/1.1, the given connect timeout. */
  public static HttpClient plainClient(Duration connectTimeout) {
    return plainClient(connectTimeout, null);
  }

  /**
   * As {@link #plainClient(Duration)}, running on {@code executor} (null: the client's own
   * threads).
   */
  public static HttpClient plainClient(
      Duration connectTimeout, java.util.concurrent.Executor executor) {
    return sharing(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout),
            executor)
        .build();
  }

  /** The builder, set to run on {@code executor} unless it is null. */
  public static HttpClient.Builder sharing(
      HttpClient.Builder builder, java.util.concurrent.Executor executor) {
    return executor == null ? builder : builder.executor(executor);
  }

  /**
   * GETs {@code uri} and returns the body of a 2xx answer.
   *
   * @param endpoint short endpoint name for the raw log and error messages
   * @throws PollException timeout, connect, http_status, auth, rate_limited, or parse for a body
   *     over the cap
   */
  public String get(String endpoint, URI uri, Deadline deadline) throws PollException {
    return send(
        endpoint,
        HttpRequest.newBuilder(uri).GET().header("Accept", "application/json"),
        deadline,
        false);
  }

  /**
   * Sends a request (any method and headers; its timeout is set here) and returns the body of a 2xx
   * answer, classifying failures as {@link #get} does.
   *
   * @param endpoint short endpoint name for the raw log and error messages
   * @param redactBodies true when the exchange carries secrets (a login): the raw log shows {@value
   *     #REDACTED} instead of the body and messages carry no body excerpt
   * @throws PollException timeout, connect, http_status, auth, rate_limited, or parse for a body
   *     over the cap
   */
  public String send(
      String endpoint, HttpRequest.Builder request, Deadline deadline, boolean redactBodies)
      throws PollException {
    return sendWithHeaders(endpoint, request, deadline, redactBodies).body();
  }

  /**
   * A 2xx answer's body and headers, for a device that needs a header of it (a login's {@code
   * Set-Cookie}: the clients are shared, so no device keeps a cookie store in one).
   */
  public record Answer(String body, HttpHeaders headers) {}

  /** As {@link #send}, returning the headers of the answer with its body. */
  public Answer sendWithHeaders(
      String endpoint, HttpRequest.Builder request, Deadline deadline, boolean redactBodies)
      throws PollException {
    Instant at = clock.instant();
    long started = System.nanoTime();
    Duration remaining = deadline.remaining();
    URI uri = request.build().uri();
    if (remaining.isZero()) {
      throw fail(
          endpoint,
          uri,
          at,
          started,
          0,
          null,
          new PollException(FailureReason.TIMEOUT, endpoint + ": no time left in the poll"));
    }
    int maxBodyBytes = caps.forEndpoint(endpoint);
    BoundedBody bounded = new BoundedBody(maxBodyBytes);
    CompletableFuture<HttpResponse<String>> future =
        client.sendAsync(request.timeout(remaining).build(), bounded.handler());
    HttpResponse<String> response;
    try {
      response = future.get(remaining.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw fail(
          endpoint,
          uri,
          at,
          started,
          0,
          null,
          new PollException(
              FailureReason.TIMEOUT, endpoint + ": " + FailureWords.noAnswer(uri, remaining)));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw fail(
          endpoint,
          uri,
          at,
          started,
          0,
          null,
          new PollException(FailureReason.TIMEOUT, endpoint + ": interrupted"));
    } catch (ExecutionException e) {
      throw fail(
          endpoint,
          uri,
          at,
          started,
          0,
          null,
          bounded.exceeded()
              ? new PollException(
                  FailureReason.PARSE,
                  endpoint
                      + ": the answer from "
                      + FailureWords.address(uri)
                      + " exceeded "
                      + maxBodyBytes
                      + " bytes")
              : classify(endpoint, uri, remaining, e.getCause()));
    }
    int status = response.statusCode();
    String body = response.body();
    String recorded = redactBodies ? REDACTED : body;
    if (status / 100 != 2) {
      FailureReason reason =
          switch (status) {
            case 401, 403 -> FailureReason.AUTH;
            case 429 -> FailureReason.RATE_LIMITED;
            default -> FailureReason.HTTP_STATUS;
          };
      Duration retryAfter = retryAfter(response, clock.instant());
      throw fail(
          endpoint,
          uri,
          at,
          started,
          status,
          recorded,
          new PollException(
              reason,
              endpoint
                  + ": HTTP "
                  + status
                  + " from "
                  + FailureWords.address(uri)
                  + (redactBodies ? "" : excerpt(body))
                  + (retryAfter == null ? "" : " (retry after " + retryAfter.toSeconds() + " s)"),
              status,
              retryAfter));
    }
    raw.record(
        new RawExchange(endpoint, uri.toString(), status, at, since(started), recorded, null));
    return new Answer(body, response.headers());
  }

  /**
   * The {@code Retry-After} of an answer, in seconds or as an HTTP date; null when absent or
   * unreadable.
   */
  static Duration retryAfter(HttpResponse<?> response, Instant now) {
    java.util.Optional<String> header = response.headers().firstValue("Retry-After");
    if (header.isEmpty()) {
      return null;
    }
    String value = header.get().strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant until =
            java.time.ZonedDateTime.parse(
                    value, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant();
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
      } catch (java.time.format.DateTimeParseException notADate) {
        return null;
      }
    }
  }

  /** Records a body that arrived but could not be used, e.g. because it did not parse. */
  public void recordParseFailure(String endpoint, URI uri, String body, String error) {
    raw.record(
        new RawExchange(
            endpoint, uri.toString(), 200, clock.instant(), Duration.ZERO, body, error));
  }

  private PollException fail(
      String endpoint,
      URI uri,
      Instant at,
      long started,
      int status,
      String body,
      PollException e) {
    raw.record(
        new RawExchange(
            endpoint, uri.toString(), status, at, since(started), body, e.getMessage()));
    return e;
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  private static PollException classify(
      String endpoint, URI uri, Duration remaining, Throwable cause) {
    if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
      return new PollException(
          FailureReason.TIMEOUT, endpoint + ": " + FailureWords.noAnswer(uri, remaining));
    }
    String words = endpoint + ": " + FailureWords.connection(uri, cause);
    if (cause instanceof HttpTimeoutException) {
      return new PollException(FailureReason.TIMEOUT, words);
    }
    if (cause instanceof IOException || cause instanceof UnresolvedAddressException) {
      return new PollException(FailureReason.CONNECT, words);
    }
    return new PollException(FailureReason.INTERNAL, words, cause);
  }

  private static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String flat = body.strip().replaceAll("\\s+", " ");
    return ": "
        + (flat.length() > MAX_ERROR_BODY_CHARS
            ? flat.substring(0, MAX_ERROR_BODY_CHARS) + "…"
            : flat);
  }
}
