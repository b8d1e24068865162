package dev.homeenergy.device.sunpower;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulatorCertificate;
import dev.homeenergy.testing.Http;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A tiny PVS for client tests: the legacy {@code dl_cgi?Command=} API, or the 2025 firmware's 403
 * there plus {@code supervisor/info}, {@code /auth?login} and {@code /vars}. Requests are counted
 * per key: the Command name, {@code supervisor/info}, {@code auth}, or the vars prefix.
 */
final class FakePvs implements AutoCloseable {
  static final String SERIAL = "ZT2142850005490f02c";
  static final String SERIAL_PASSWORD = "0F02C";
  static final String LOCKED_BODY =
      "{ \"status\":403, \"error\" : \"Unauthorized\", \"path\":\"\" }";
  static final String UNAUTHORIZED =
      "{\"status\": 401, \"description\" : \"Unauthorized\", \"errorcode\" : \"0x0000\"}";
  static final String NO_MATCH =
      "{\"status\": 400, \"description\" : \"Bad request\", \"errorcode\" : \"0x0000\"}";
  static final String DEVICE_LIST =
      "{\"devices\":[{\"DEVICE_TYPE\":\"PVS\",\"SERIAL\":\""
          + SERIAL
          + "\",\"STATE\":\"working\"}],\"result\":\"succeed\"}";
  static final String GET_COMM = "{\"result\":\"succeed\",\"networkstatus\":{\"interfaces\":[]}}";
  static final String GRID_PROFILE =
      "{\"result\":\"succeed\",\"active_id\":\"abc\",\"status\":\"success\"}";
  static final String MIME_ERROR =
      "{\"result\":\"error\",\"msg\":\"Could not connect to mime.\",\"success\":false}";

  record Answer(int status, String body) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> blocked = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final List<String> cookiesSeen = new CopyOnWriteArrayList<>();
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();
  private final List<String> issued = new CopyOnWriteArrayList<>();
  private volatile boolean locked;
  private volatile String password = SERIAL_PASSWORD;
  private volatile boolean sessionCookie = true;
  private volatile boolean rejectAllSessions;
  private volatile boolean varsServed = true;

  private FakePvs(HttpServer server) {
    this.server = server;
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    answer("DeviceList", DEVICE_LIST);
    answer("Get_Comm", GET_COMM);
    answer("GridProfileGet", GRID_PROFILE);
    answer(
        "supervisor/info",
        "{\"result\":\"succeed\",\"supervisor\":{\"SWVER\":\"2025.09, Build 61845\","
            + "\"SERIAL\":\""
            + SERIAL
            + "\",\"MODEL\":\"PVS6\",\"BUILD\":61845}}");
    answer(
        "/sys/info/",
        "{ \"/sys/info/serialnum\":\""
            + SERIAL
            + "\",\"/sys/info/sw_rev\":\"2025.09.04.61845\"}\n");
    answer("/sys/livedata/", "{ \"/sys/livedata/pv_p\":\"0.015622\"}\n");
    answer("/sys/devices/inverter/", "{ \"/sys/devices/inverter/0/p3phsumKw\":\"0.230300\"}\n");
    answer("/sys/devices/meter/", "{ \"/sys/devices/meter/0/p3phsumKw\":\"1.200000\"}\n");
    server.start();
  }

  static FakePvs legacy() throws IOException {
    return new FakePvs(HttpServer.create(loopback(), 0));
  }

  static FakePvs locked() throws IOException {
    FakePvs pvs = legacy();
    pvs.locked = true;
    return pvs;
  }

  /** A locked PVS over HTTPS with the simulator's self-signed certificate. */
  static FakePvs lockedOverTls() throws IOException {
    HttpsServer server = HttpsServer.create(loopback(), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
    FakePvs pvs = new FakePvs(server);
    pvs.locked = true;
    return pvs;
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  private static SSLContext serverContext() {
    try {
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(
          PowerwallSimulatorCertificate.DEFAULT.keyStore(),
          PowerwallSimulatorCertificate.PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code http://127.0.0.1:<port>}, also for the TLS server (the client switches with use_tls).
   */
  URI address() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  void answer(String key, String body) {
    answers.put(key, new Answer(200, body));
  }

  void answer(String key, int status, String body) {
    answers.put(key, new Answer(status, body));
  }

  /** Makes a vars prefix match nothing (400). */
  void noMatch(String prefix) {
    answers.remove(prefix);
  }

  /** Holds requests for {@code key} unanswered until the server closes. */
  void block(String key) {
    blocked.put(key, new CountDownLatch(1));
  }

  void password(String newPassword) {
    password = newPassword;
  }

  /** Sends the session only in the login body, not as a cookie. */
  void sessionInBodyOnly() {
    sessionCookie = false;
  }

  /** Forgets every issued session, as an expiry after five minutes does. */
  void expireSessions() {
    sessions.clear();
  }

  void rejectAllSessions(boolean reject) {
    rejectAllSessions = reject;
  }

  /** Answers 404 on /vars, as a firmware without the varserver would. */
  void withoutVars() {
    varsServed = false;
  }

  int hits(String key) {
    AtomicInteger count = hits.get(key);
    return count == null ? 0 : count.get();
  }

  int logins() {
    return hits("auth");
  }

  List<String> requests() {
    return requests;
  }

  List<String> authorizations() {
    return authorizations;
  }

  List<String> cookiesSeen() {
    return cookiesSeen;
  }

  Set<String> sessions() {
    return sessions;
  }

  /** Every session ever issued, expired ones included. */
  List<String> issuedSessions() {
    return issued;
  }

  static String basic(String password) {
    return "basic " + Http.basicCredentials("ssm_owner", password);
  }

  @Override
  public void close() {
    blocked.values().forEach(CountDownLatch::countDown);
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
      requests.add(uri.getRawPath() + (query.isEmpty() ? "" : "?" + query));
      String cookie = exchange.getRequestHeaders().getFirst("Cookie");
      if (cookie != null) {
        cookiesSeen.add(cookie);
      }
      String key = key(uri.getRawPath(), query);
      hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      CountDownLatch latch = blocked.get(key);
      if (latch != null) {
        latch.await(30, TimeUnit.SECONDS);
      }
      Answer answer = answer(key, uri.getRawPath(), exchange);
      if (key.equals("auth") && answer.status() == 200 && sessionCookie) {
        String session = bodySession(answer.body());
        exchange
            .getResponseHeaders()
            .add("Set-Cookie", "session=" + session + "; Secure; HttpOnly");
      }
      send(exchange, answer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String key(String path, String query) {
    if (path.equals("/cgi-bin/dl_cgi") && query.startsWith("Command=")) {
      return query.substring("Command=".length());
    }
    if (path.equals("/cgi-bin/dl_cgi/supervisor/info")) {
      return "supervisor/info";
    }
    if (path.equals("/auth")) {
      return "auth";
    }
    if (path.equals("/vars")) {
      for (String part : query.split("&")) {
        if (part.startsWith("match=")) {
          return part.substring("match=".length());
        }
      }
    }
    return path + "?" + query;
  }

  private Answer answer(String key, String path, HttpExchange exchange) {
    if (locked && path.equals("/cgi-bin/dl_cgi")) {
      return new Answer(403, LOCKED_BODY);
    }
    if (key.equals("auth")) {
      return login(exchange);
    }
    if (path.equals("/vars")) {
      if (!varsServed) {
        return new Answer(404, "Not Found");
      }
      String cookie = exchange.getRequestHeaders().getFirst("Cookie");
      String session =
          cookie != null && cookie.startsWith("session=")
              ? cookie.substring("session=".length())
              : null;
      if (rejectAllSessions || session == null || !sessions.contains(session)) {
        return new Answer(401, UNAUTHORIZED);
      }
      Answer answer = answers.get(key);
      return answer != null ? answer : new Answer(400, NO_MATCH);
    }
    Answer answer = answers.get(key);
    return answer != null ? answer : new Answer(404, "Not Found");
  }

  private Answer login(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    authorizations.add(String.valueOf(authorization));
    if (authorization == null || !authorization.equalsIgnoreCase(basic(password))) {
      return new Answer(401, "{\"status\": 401, \"description\" : \"Unauthorized\"}");
    }
    String session =
        UUID.randomUUID().toString().replace("-", "")
            + UUID.randomUUID().toString().replace("-", "");
    sessions.add(session);
    issued.add(session);
    return new Answer(200, "{\"session\": \"" + session + "\" }");
  }

  private static String bodySession(String body) {
    int start = body.indexOf(": \"") + 3;
    return body.substring(start, body.indexOf('"', start));
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
