package dev.homeenergy.device.powerwall;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;

/**
 * A tiny HTTPS gateway for client tests: the simulator keystore, an SNI matcher that aborts the
 * handshake like the real gateway, a login endpoint and canned answers per API path.
 */
final class FakeGateway implements AutoCloseable {
  static final String GATEWAY_KEYSTORE = "simulator-gateway.p12";
  static final String OTHER_KEYSTORE = "simulator-other-gateway.p12";
  static final String PASSWORD = "s3cret-Pa55word";
  static final Set<String> ACCEPTED_SNI = Set.of("powerwall", "teg", "powerpack");

  record Answer(int status, String body) {}

  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final List<String> sniSeen = new CopyOnWriteArrayList<>();
  private final List<String> cookiesSeen = new CopyOnWriteArrayList<>();
  private final AtomicInteger tokenCounter = new AtomicInteger();
  private final Map<String, Runnable> onceBefore = new ConcurrentHashMap<>();
  private final HttpsServer server;
  private volatile Answer loginAnswer;
  private volatile String validToken;
  private volatile boolean rejectAllSessions;

  private FakeGateway(HttpsServer server) {
    this.server = server;
    defaultAnswers();
  }

  static FakeGateway start() throws IOException {
    return start(GATEWAY_KEYSTORE, 0);
  }

  static FakeGateway start(String keystore, int port) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    FakeGateway gateway = new FakeGateway(server);
    SSLContext context = serverContext(keystore);
    server.setHttpsConfigurator(
        new HttpsConfigurator(context) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters parameters = context.getDefaultSSLParameters();
            parameters.setSNIMatchers(List.of(gateway.sniMatcher()));
            params.setSSLParameters(parameters);
          }
        });
    server.createContext("/", gateway::handle);
    server.start();
    return gateway;
  }

  static KeyStore keystore(String name) {
    try (InputStream in = PowerwallSimulator.class.getResourceAsStream(name)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, "simulator".toCharArray());
      return store;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static X509Certificate certificate(String keystore) {
    try {
      return (X509Certificate) keystore(keystore).getCertificate("gateway");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static SSLContext serverContext(String keystore) {
    try {
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keystore(keystore), "simulator".toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private SNIMatcher sniMatcher() {
    return new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
      @Override
      public boolean matches(SNIServerName name) {
        String host = name instanceof SNIHostName h ? h.getAsciiName() : name.toString();
        sniSeen.add(host);
        return ACCEPTED_SNI.contains(host);
      }
    };
  }

  private void defaultAnswers() {
    answer("status", "{\"din\":\"1232100-00-E--TG0001\",\"version\":\"21.44 223a56cd\"}");
    answer("system_status/soe", "{\"percentage\":42.4}");
    answer("operation", "{\"real_mode\":\"self_consumption\",\"backup_reserve_percent\":24}");
    answer("sitemaster", "{\"status\":\"StatusUp\",\"running\":true,\"connected_to_tesla\":true}");
    answer("troubleshooting/problems", "{\"problems\":[]}");
    answer("system_status", "{\"nominal_full_pack_energy\":13500}");
    answer("system_status/grid_status", "{\"grid_status\":\"SystemGridConnected\"}");
    answer(
        "meters/aggregates",
        "{\"site\":{\"instant_power\":10},\"battery\":{\"instant_power\":-5}}");
    answer("meters/site", "[{\"id\":0,\"type\":\"neurio_tcp\"}]");
    answer("meters/battery", "[]");
    answer("networks", "[{\"network_name\":\"wifi\",\"enabled\":true}]");
    answer("powerwalls", "{\"powerwalls\":[]}");
    answer("site_info", "{\"site_name\":\"Home\"}");
  }

  void answer(String endpoint, String body) {
    answers.put(endpoint, new Answer(200, body));
  }

  void answer(String endpoint, int status, String body) {
    answers.put(endpoint, new Answer(status, body));
  }

  /** Runs {@code action} when {@code endpoint} is next requested, before answering it. */
  void onceBefore(String endpoint, Runnable action) {
    onceBefore.put(endpoint, action);
  }

  /** Makes login answer this instead of issuing a token. */
  void failLogin(int status, String body) {
    loginAnswer = new Answer(status, body);
  }

  void acceptLogin() {
    loginAnswer = null;
  }

  /** Accepts this token as if it had been issued by a login. */
  void acceptToken(String token) {
    validToken = token;
  }

  /** Forgets the issued token, as a gateway reboot or expiry does. */
  void expireToken() {
    validToken = null;
  }

  /** Answers every read 401, even with a freshly issued token. */
  void rejectAllSessions(boolean reject) {
    rejectAllSessions = reject;
  }

  String currentToken() {
    return validToken;
  }

  int hits(String endpoint) {
    AtomicInteger count = hits.get(endpoint);
    return count == null ? 0 : count.get();
  }

  int logins() {
    return hits("login/Basic");
  }

  List<String> sniSeen() {
    return sniSeen;
  }

  List<String> cookiesSeen() {
    return cookiesSeen;
  }

  int port() {
    return server.getAddress().getPort();
  }

  URI address() {
    return URI.create("https://127.0.0.1:" + port());
  }

  URI address(String host) {
    return URI.create("https://" + host + ":" + port());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String endpoint = path.startsWith("/api/") ? path.substring("/api/".length()) : path;
    hits.computeIfAbsent(endpoint, e -> new AtomicInteger()).incrementAndGet();
    String requestBody =
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Runnable action = onceBefore.remove(endpoint);
    if (action != null) {
      action.run();
    }
    if (endpoint.equals("login/Basic")) {
      login(exchange, requestBody);
      return;
    }
    String cookie = exchange.getRequestHeaders().getFirst("Cookie");
    cookiesSeen.add(String.valueOf(cookie));
    String token = validToken;
    if (rejectAllSessions
        || token == null
        || cookie == null
        || !cookie.equals("AuthCookie=" + token)) {
      send(
          exchange,
          new Answer(
              401, "{\"code\":401,\"error\":\"token invalid\",\"message\":\"Login Error\"}"));
      return;
    }
    send(exchange, answers.getOrDefault(endpoint, new Answer(404, "404 page not found\n")));
  }

  private void login(HttpExchange exchange, String body) throws IOException {
    Answer failure = loginAnswer;
    if (failure != null) {
      send(exchange, failure);
      return;
    }
    boolean valid =
        exchange.getRequestMethod().equals("POST")
            && body.contains("\"username\":\"customer\"")
            && body.contains("\"password\":\"" + PASSWORD + "\"")
            && body.contains("\"force_sm_off\":false");
    if (!valid) {
      send(
          exchange,
          new Answer(
              401, "{\"code\":401,\"error\":\"bad credentials\",\"message\":\"Login Error\"}"));
      return;
    }
    String token = "T0ken-" + tokenCounter.incrementAndGet() + "-qwerty==";
    validToken = token;
    exchange.getResponseHeaders().add("Set-Cookie", "AuthCookie=" + token);
    send(
        exchange,
        new Answer(
            200,
            "{\"email\":\"\",\"roles\":[\"Home_Owner\"],\"token\":\""
                + token
                + "\",\"provider\":\"Basic\"}"));
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
