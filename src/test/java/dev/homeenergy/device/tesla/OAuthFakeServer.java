package dev.homeenergy.device.tesla;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback Tesla token endpoint and partner-registration endpoint. Refresh tokens are single-use,
 * as Tesla's are: a reused one answers 400 invalid_grant.
 */
final class OAuthFakeServer implements AutoCloseable {
  static final String CLIENT_SECRET = "client-secret-s3cr3t";

  /** One request the server received. */
  record Received(
      String method, String path, String authorization, String contentType, String body) {
    Map<String, String> form() {
      return OAuthClient.parseQuery(body);
    }
  }

  private final HttpServer server;
  private final java.util.concurrent.ExecutorService executor =
      java.util.concurrent.Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Set<String> validRefreshTokens = ConcurrentHashMap.newKeySet();
  private final AtomicInteger issued = new AtomicInteger();
  private volatile int tokenStatus;
  private volatile String tokenErrorBody = "";
  private volatile long expiresIn = 28800;
  private volatile CountDownLatch refreshGate = new CountDownLatch(0);
  private final CountDownLatch refreshArrived = new CountDownLatch(1);
  private volatile int registerStatus = 200;
  private volatile String registerBody = "{}";

  OAuthFakeServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(OAuthClient.TOKEN_PATH, this::token);
    server.createContext(PartnerRegistration.REGISTER_PATH, this::register);
    server.setExecutor(executor);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  OAuthClient.Settings settings() {
    return new OAuthClient.Settings(
        URI.create("https://auth.example"),
        base(),
        base(),
        "client-id-1",
        new dev.homeenergy.config.Secret(CLIENT_SECRET),
        "https://app.example/callback",
        "openid offline_access vehicle_device_data",
        java.time.Duration.ofSeconds(5));
  }

  void acceptRefreshToken(String token) {
    validRefreshTokens.add(token);
  }

  void failTokenRequests(int status, String body) {
    tokenStatus = status;
    tokenErrorBody = body;
  }

  void expiresIn(long seconds) {
    expiresIn = seconds;
  }

  /** Holds refresh answers until {@link CountDownLatch#countDown()} on the returned latch. */
  CountDownLatch holdRefreshes() {
    CountDownLatch gate = new CountDownLatch(1);
    refreshGate = gate;
    return gate;
  }

  void awaitRefreshArrived() throws InterruptedException {
    refreshArrived.await();
  }

  void answerRegistration(int status, String body) {
    registerStatus = status;
    registerBody = body;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  long count(String grantType) {
    return received.stream().filter(r -> grantType.equals(r.form().get("grant_type"))).count();
  }

  private void token(HttpExchange exchange) throws IOException {
    Received request = record(exchange);
    Map<String, String> form = request.form();
    if (tokenStatus != 0) {
      respond(exchange, tokenStatus, tokenErrorBody);
      return;
    }
    String grant = form.getOrDefault("grant_type", "");
    if (grant.equals("refresh_token")) {
      refreshArrived.countDown();
      try {
        refreshGate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!validRefreshTokens.remove(form.getOrDefault("refresh_token", ""))) {
        respond(
            exchange,
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token reused\"}");
        return;
      }
    }
    int n = issued.incrementAndGet();
    String refresh = "refresh-" + n;
    validRefreshTokens.add(refresh);
    String body =
        grant.equals("client_credentials")
            ? "{\"access_token\":\"partner-"
                + n
                + "\",\"expires_in\":28800,\"token_type\":\"Bearer\"}"
            : "{\"access_token\":\"access-"
                + n
                + "\",\"refresh_token\":\""
                + refresh
                + "\",\"id_token\":\"id\","
                + "\"expires_in\":"
                + expiresIn
                + ",\"token_type\":\"Bearer\"}";
    respond(exchange, 200, body);
  }

  private void register(HttpExchange exchange) throws IOException {
    record(exchange);
    respond(exchange, registerStatus, registerBody);
  }

  private Received record(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Received request =
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            body);
    received.add(request);
    return request;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
