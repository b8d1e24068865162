package dev.homeenergy.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The HTTP(S) server under a simulated device: binds the JDK server, runs it on a small daemon
 * thread pool, counts every request per path, holds exchanges while the unit is offline, and turns
 * a failing {@link Handler} into a 500 {@code simulator error: ...}. The family only routes and
 * answers; {@link #close()} releases pending exchanges and stops everything.
 */
public final class SimulatorServer implements AutoCloseable {
  private static final int HTTP_THREADS = 4;
  private static final int BACKLOG = 32;

  /** A family's routing: answers one exchange through {@code exchanges} (now, later or never). */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange exchange, SimulatorExchanges exchanges) throws IOException;
  }

  private final String bindHost;
  private final BooleanSupplier offline;
  private final ExecutorService executor;
  private final SimulatorExchanges exchanges;
  private final RequestCounter requests = new RequestCounter();
  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
  private final URI baseUri;
  private final int port;

  private volatile boolean closed;

  private SimulatorServer(
      HttpServer server,
      String scheme,
      String family,
      String bindHost,
      BooleanSupplier offline,
      Duration maxHold,
      Handler handler) {
    this.bindHost = bindHost;
    this.offline = offline;
    this.port = server.getAddress().getPort();
    String threadPrefix = family + "-sim-" + port;
    AtomicInteger threadNumber = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            HTTP_THREADS,
            r -> {
              Thread thread =
                  new Thread(r, threadPrefix + "-http-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.exchanges = new SimulatorExchanges(offline, maxHold, threadPrefix + "-timer");
    this.baseUri = uri(scheme, port);
    mount(server, handler, true);
  }

  /**
   * Starts a plain-HTTP server on {@code bindHost:port} (port 0 picks a free port).
   *
   * @param family thread-name prefix, e.g. {@code wallconnector}
   * @param offline whether the unit is off the network now: requests are then held, never answered
   * @param maxHold real time after which a held exchange is closed anyway
   * @throws IOException if the address cannot be bound
   */
  public static SimulatorServer http(
      String family,
      String bindHost,
      int port,
      BooleanSupplier offline,
      Duration maxHold,
      Handler handler)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(bindHost, port), BACKLOG);
    return new SimulatorServer(server, "http", family, bindHost, offline, maxHold, handler);
  }

  /** Like {@link #http}, but serving HTTPS as {@code tls} configures it. */
  public static SimulatorServer https(
      String family,
      String bindHost,
      int port,
      HttpsConfigurator tls,
      BooleanSupplier offline,
      Duration maxHold,
      Handler handler)
      throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress(bindHost, port), BACKLOG);
    server.setHttpsConfigurator(tls);
    return new SimulatorServer(server, "https", family, bindHost, offline, maxHold, handler);
  }

  /**
   * Starts an extra plain-HTTP listener on a free port of the same host, sharing this server's
   * threads, offline holding and closing; its requests are not counted in {@link #requests()}.
   *
   * @return its base URI, e.g. {@code http://127.0.0.1:41235}
   * @throws IOException if no port can be bound
   */
  public URI listenPlain(Handler handler) throws IOException {
    if (closed) {
      throw new IllegalStateException("simulator server closed");
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(bindHost, 0), BACKLOG);
    mount(server, handler, false);
    return uri("http", server.getAddress().getPort());
  }

  /** E.g. {@code http://127.0.0.1:41234}; loopback when bound to the wildcard address. */
  public URI baseUri() {
    return baseUri;
  }

  public int port() {
    return port;
  }

  /** Where the handler's answers wait; {@link SimulatorExchanges#pendingCount()} for tests. */
  public SimulatorExchanges exchanges() {
    return exchanges;
  }

  /** Requests received on the main port per path, answered or not. */
  public RequestCounter requests() {
    return requests;
  }

  @Override
  public void close() {
    closed = true;
    exchanges.close();
    for (HttpServer server : servers) {
      server.stop(0);
    }
    executor.shutdownNow();
  }

  private void mount(HttpServer server, Handler handler, boolean counted) {
    server.setExecutor(executor);
    server.createContext("/", exchange -> serve(exchange, handler, counted));
    servers.add(server);
    server.start();
  }

  private void serve(HttpExchange exchange, Handler handler, boolean counted) {
    if (counted) {
      requests.count(exchange.getRequestURI().getPath());
    }
    try {
      if (closed) {
        exchange.close();
        return;
      }
      if (offline.getAsBoolean()) {
        exchanges.hold(exchange);
        return;
      }
      handler.handle(exchange, exchanges);
    } catch (IOException | RuntimeException e) {
      exchanges.send(exchange, SimulatorResponse.text(500, "simulator error: " + e));
    } catch (Error e) {
      exchanges.send(exchange, SimulatorResponse.text(500, "simulator defect: " + e));
      throw e;
    }
  }

  private URI uri(String scheme, int boundPort) {
    return URI.create(scheme + "://" + hostForUri(bindHost) + ":" + boundPort);
  }

  /** The address clients use: loopback when bound to the wildcard address. */
  private static String hostForUri(String bindHost) {
    if (bindHost.equals("0.0.0.0") || bindHost.equals("::") || bindHost.isEmpty()) {
      return "127.0.0.1";
    }
    return bindHost.contains(":") ? "[" + bindHost + "]" : bindHost;
  }
}
