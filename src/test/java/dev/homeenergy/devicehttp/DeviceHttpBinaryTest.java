package dev.homeenergy.devicehttp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawExchange;
import dev.homeenergy.testing.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Binary bodies through {@link DeviceHttp#sendBinary}: posted as given, inflated when they are
 * gzip, held to the endpoint's cap on the wire and once inflated, failing and recorded as text
 * bodies do.
 */
class DeviceHttpBinaryTest {
  private static final int CAP = 128 * 1024;

  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicReference<byte[]> answer = new AtomicReference<>(new byte[0]);
  private final AtomicReference<String> received = new AtomicReference<>();
  private final List<RawExchange> recorded = new CopyOnWriteArrayList<>();
  private final AtomicBoolean stall = new AtomicBoolean();
  private final CountDownLatch released = new CountDownLatch(1);
  private HttpServer server;
  private URI uri;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] posted = exchange.getRequestBody().readAllBytes();
          received.set(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Content-Type")
                  + " "
                  + new String(posted, StandardCharsets.UTF_8));
          byte[] body = answer.get();
          exchange.sendResponseHeaders(status.get(), body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            if (stall.get()) {
              out.write(body, 0, 1);
              out.flush();
              released.await(30, TimeUnit.SECONDS);
            }
            out.write(body);
          } catch (IOException clientHungUp) {
            exchange.close();
          } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
          }
        });
    server.start();
    uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tedapi/v1");
  }

  @AfterEach
  void stop() {
    released.countDown();
    server.stop(0);
  }

  private DeviceHttp.BinaryAnswer post(String body) throws PollException {
    return post(body, Duration.ofSeconds(10));
  }

  private DeviceHttp.BinaryAnswer post(String body, Duration deadline) throws PollException {
    DeviceHttp http =
        new DeviceHttp(
            DeviceHttp.plainClient(Duration.ofSeconds(5)),
            MutableClock.at("2026-11-24T12:00:00Z"),
            recorded::add,
            BodyCaps.of(1024).with("tedapi/", CAP));
    return http.sendBinary(
        "tedapi/status",
        HttpRequest.newBuilder(uri)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/octet-stream"),
        Deadline.after(deadline));
  }

  private PollException failure() {
    try {
      post("query");
    } catch (PollException e) {
      return e;
    }
    throw new AssertionError("expected the answer to be refused");
  }

  private RawExchange last() {
    assertThat(recorded).isNotEmpty();
    return recorded.get(recorded.size() - 1);
  }

  private static byte[] repeated(int length) {
    byte[] body = new byte[length];
    Arrays.fill(body, (byte) 'x');
    return body;
  }

  @Test
  void aPostedQueryGetsItsGzipAnswerInflatedAndRecordedBySize() throws Exception {
    byte[] protobuf = {0x0a, 0x39, 0x00, (byte) 0xff, 0x1f};
    answer.set(GzipBodyTest.gzip(protobuf));

    DeviceHttp.BinaryAnswer got = post("signed query");

    assertThat(got.body()).isEqualTo(protobuf);
    assertThat(got.took()).isPositive();
    assertThat(received.get()).isEqualTo("POST application/octet-stream signed query");
    assertThat(last().endpoint()).isEqualTo("tedapi/status");
    assertThat(last().status()).isEqualTo(200);
    assertThat(last().error()).isNull();
    assertThat(last().body())
        .isEqualTo("[binary body of 5 bytes, " + answer.get().length + " as gzip]");
  }

  @Test
  void aBinaryAnswerWithoutGzipsMagicBytesIsReturnedAsIs() throws Exception {
    byte[] protobuf = {0x0a, 0x39, 0x1f, (byte) 0x8b};
    answer.set(protobuf);

    assertThat(post("q").body()).isEqualTo(protobuf);
    assertThat(last().body()).isEqualTo("[binary body of 4 bytes]");
  }

  @Test
  void anAnswerOverTheEndpointsCapOnTheWireIsRefusedBeforeInflating() throws Exception {
    byte[] noise = new byte[2 * CAP];
    new Random(7).nextBytes(noise);
    answer.set(GzipBodyTest.gzip(noise));

    PollException failure = failure();

    assertThat(failure.reason()).isEqualTo(FailureReason.PARSE);
    assertThat(failure.getMessage())
        .startsWith("tedapi/status: the answer from 127.0.0.1:")
        .endsWith(" exceeded " + CAP + " bytes");
    assertThat(last().error()).isEqualTo(failure.getMessage());
  }

  @Test
  void aGzipAnswerOverTheCapOnceInflatedIsRefusedAndOneAtTheCapIsRead() throws Exception {
    answer.set(GzipBodyTest.gzip(repeated(CAP)));
    assertThat(post("q").body()).hasSize(CAP);

    answer.set(GzipBodyTest.gzip(repeated(CAP + 1)));
    PollException failure = failure();

    assertThat(failure.reason()).isEqualTo(FailureReason.PARSE);
    assertThat(failure.getMessage())
        .startsWith("tedapi/status: the answer from 127.0.0.1:")
        .endsWith(" exceeded " + CAP + " bytes once inflated");
    assertThat(last().status()).isEqualTo(200);
    assertThat(last().error()).isEqualTo(failure.getMessage());
  }

  @Test
  void aGzipBombIsRefusedAsParse() throws Exception {
    answer.set(GzipBodyTest.bomb(64L * 1024 * 1024));
    assertThat(answer.get().length).as("the bomb itself fits the cap").isLessThan(CAP);

    PollException failure = failure();

    assertThat(failure.reason()).isEqualTo(FailureReason.PARSE);
    assertThat(failure.getMessage()).endsWith(" exceeded " + CAP + " bytes once inflated");
  }

  @Test
  void aCutShortOrCorruptGzipAnswerIsRefusedAsParse() throws Exception {
    byte[] whole = GzipBodyTest.gzip(repeated(10_000));
    answer.set(Arrays.copyOf(whole, whole.length / 2));
    PollException cut = failure();
    assertThat(cut.reason()).isEqualTo(FailureReason.PARSE);
    assertThat(cut.getMessage())
        .startsWith("tedapi/status: the gzip answer from 127.0.0.1:")
        .endsWith(" is cut short");

    answer.set(new byte[] {0x1f, (byte) 0x8b, 0x07, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3});
    PollException corrupt = failure();
    assertThat(corrupt.reason()).isEqualTo(FailureReason.PARSE);
    assertThat(corrupt.getMessage()).endsWith(" is corrupt");
    assertThat(last().error()).isEqualTo(corrupt.getMessage());
  }

  @Test
  void aBodyThatStopsHalfwayTimesOutAtTheDeadline() {
    answer.set(new byte[] {0x0a, 0x39, 0x00});
    stall.set(true);
    long started = System.nanoTime();

    PollException failure = null;
    try {
      post("q", Duration.ofSeconds(1));
    } catch (PollException e) {
      failure = e;
    }

    assertThat(failure).isNotNull();
    assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("the deadline holds while the body is still coming")
        .isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void aRefusalIsClassifiedAsForTextBodiesWithoutQuotingTheBody() {
    status.set(403);
    answer.set("Forbidden: key=abc".getBytes(StandardCharsets.UTF_8));

    PollException failure = failure();

    assertThat(failure.reason()).isEqualTo(FailureReason.AUTH);
    assertThat(failure.httpStatus()).isEqualTo(403);
    assertThat(failure.getMessage()).matches("tedapi/status: HTTP 403 from 127\\.0\\.0\\.1:\\d+");
    assertThat(last().status()).isEqualTo(403);
    assertThat(last().body()).isNull();
  }
}
