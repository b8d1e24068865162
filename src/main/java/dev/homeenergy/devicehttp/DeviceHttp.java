package dev.homeenergy.devicehttp;

import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawExchange;
import dev.homeenergy.core.RawRecorder;
import java.io.EOFException;
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
 * Device-side HTTP requests (JSON or other text, and binary bodies) with a hard deadline, failure
 * classification and raw-exchange recording, shared by every family that speaks HTTP. A request
 * that has not fully answered by the deadline is cancelled and counted as a timeout; nothing here
 * ever retries (retrying an offline device multiplies sockets; the poller backs off instead).
 * Bodies are read up to their endpoint's cap ({@link BodyCaps}, which the family sizes to its real
 * bodies; {@link BoundedBody#DEFAULT_MAX_BYTES} unless it does); a longer body is abandoned as soon
 * as it passes the cap and counted as {@code parse}.
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
    Attempt attempt = start(endpoint, request);
    BoundedBody bounded = new BoundedBody(caps.forEndpoint(endpoint));
    HttpResponse<String> response =
        exchange(attempt, request, deadline, bounded, bounded.handler());
    String body = response.body();
    String recorded = redactBodies ? REDACTED : body;
    requireSuccess(attempt, response, recorded, redactBodies ? "" : excerpt(body));
    record(attempt, response.statusCode(), recorded, null);
    return new Answer(body, response.headers());
  }

  /** A binary answer: its body, inflated when it came as gzip, and how long the exchange took. */
  public record BinaryAnswer(byte[] body, Duration took) {}

  /**
   * Sends a request whose answer is binary (protobuf, say) and returns the body of a 2xx answer,
   * classifying failures as {@link #get} does. A body that starts with gzip's magic bytes is
   * inflated, whatever its headers say, and held to the endpoint's cap once inflated too. Bodies
   * are never text: messages carry no excerpt, and the raw log shows the body's size, so a family
   * records what the body meant itself.
   *
   * @param endpoint short endpoint name for the raw log and error messages
   * @throws PollException timeout, connect, http_status, auth, rate_limited, or parse for a body
   *     over the cap (on the wire or inflated) or gzip that does not inflate
   */
  public BinaryAnswer sendBinary(String endpoint, HttpRequest.Builder request, Deadline deadline)
      throws PollException {
    Attempt attempt = start(endpoint, request);
    BoundedBody bounded = new BoundedBody(caps.forEndpoint(endpoint));
    HttpResponse<byte[]> response =
        exchange(attempt, request, deadline, bounded, bounded.bytesHandler());
    requireSuccess(attempt, response, null, "");
    int status = response.statusCode();
    byte[] received = response.body();
    byte[] body;
    try {
      body = GzipBody.inflateIfGzip(received, bounded.maxBytes());
    } catch (BoundedBody.TooLarge e) {
      throw fail(attempt, status, null, tooLarge(attempt, bounded.maxBytes(), " once inflated"));
    } catch (IOException e) {
      throw fail(
          attempt,
          status,
          null,
          new PollException(
              FailureReason.PARSE,
              endpoint
                  + ": the gzip answer from "
                  + FailureWords.address(attempt.uri())
                  + (e instanceof EOFException ? " is cut short" : " is corrupt")));
    }
    String size =
        body.length + " bytes" + (body == received ? "" : ", " + received.length + " as gzip");
    record(attempt, status, "[binary body of " + size + "]", null);
    return new BinaryAnswer(body, attempt.took());
  }

  /** One exchange under way: what it is called, where it goes, and when it started. */
  private record Attempt(String endpoint, URI uri, Instant at, long startedNanos) {
    Duration took() {
      return since(startedNanos);
    }
  }

  private Attempt start(String endpoint, HttpRequest.Builder request) {
    return new Attempt(endpoint, request.build().uri(), clock.instant(), System.nanoTime());
  }

  /** The answer, once its whole body is in; every failure on the way is classified and recorded. */
  private <T> HttpResponse<T> exchange(
      Attempt attempt,
      HttpRequest.Builder request,
      Deadline deadline,
      BoundedBody bounded,
      HttpResponse.BodyHandler<T> handler)
      throws PollException {
    String endpoint = attempt.endpoint();
    URI uri = attempt.uri();
    Duration remaining = deadline.remaining();
    if (remaining.isZero()) {
      throw fail(
          attempt,
          0,
          null,
          new PollException(FailureReason.TIMEOUT, endpoint + ": no time left in the poll"));
    }
    CompletableFuture<HttpResponse<T>> future =
        client.sendAsync(request.timeout(remaining).build(), handler);
    try {
      return future.get(remaining.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw fail(
          attempt,
          0,
          null,
          new PollException(
              FailureReason.TIMEOUT, endpoint + ": " + FailureWords.noAnswer(uri, remaining)));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw fail(
          attempt, 0, null, new PollException(FailureReason.TIMEOUT, endpoint + ": interrupted"));
    } catch (ExecutionException e) {
      throw fail(
          attempt,
          0,
          null,
          bounded.exceeded()
              ? tooLarge(attempt, bounded.maxBytes(), "")
              : classify(endpoint, uri, remaining, e.getCause()));
    }
  }

  private static PollException tooLarge(Attempt attempt, int maxBytes, String how) {
    return new PollException(
        FailureReason.PARSE,
        attempt.endpoint()
            + ": the answer from "
            + FailureWords.address(attempt.uri())
            + " exceeded "
            + maxBytes
            + " bytes"
            + how);
  }

  /**
   * Throws, recorded with {@code recorded} as its body, unless the answer is a 2xx; {@code excerpt}
   * is what the message quotes of the body.
   */
  private void requireSuccess(
      Attempt attempt, HttpResponse<?> response, String recorded, String excerpt)
      throws PollException {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return;
    }
    FailureReason reason =
        switch (status) {
          case 401, 403 -> FailureReason.AUTH;
          case 429 -> FailureReason.RATE_LIMITED;
          default -> FailureReason.HTTP_STATUS;
        };
    Duration retryAfter = retryAfter(response, clock.instant());
    throw fail(
        attempt,
        status,
        recorded,
        new PollException(
            reason,
            attempt.endpoint()
                + ": HTTP "
                + status
                + " from "
                + FailureWords.address(attempt.uri())
                + excerpt
                + (retryAfter == null ? "" : " (retry after " + retryAfter.toSeconds() + " s)"),
            status,
            retryAfter));
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

  /**
   * Records what a family knows about a device without a request, such as the endpoints it no
   * longer asks for: status 0 and no duration, as no exchange took place.
   */
  public void recordNote(String endpoint, URI uri, String body) {
    raw.record(
        new RawExchange(endpoint, uri.toString(), 0, clock.instant(), Duration.ZERO, body, null));
  }

  private PollException fail(Attempt attempt, int status, String body, PollException e) {
    record(attempt, status, body, e.getMessage());
    return e;
  }

  private void record(Attempt attempt, int status, String body, String error) {
    raw.record(
        new RawExchange(
            attempt.endpoint(),
            attempt.uri().toString(),
            status,
            attempt.at(),
            attempt.took(),
            body,
            error));
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
