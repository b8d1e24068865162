package dev.homeenergy.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * A raw-socket HTTP/1.1 server on 127.0.0.1 between the exporter and a device simulator. With
 * {@link Fault#NONE} it relays every request to the simulator; with another {@link Fault} it
 * misbehaves in that way until switched back. Every answer closes its connection, so a switch takes
 * effect on the exporter's next request. With a TLS context it terminates TLS itself (the Powerwall
 * gateway speaks only HTTPS).
 */
public final class FaultServer implements AutoCloseable {
  /** Size of the body {@link Fault#HUGE_BODY} streams, lazily, unless the client hangs up first. */
  public static final long HUGE_BODY_BYTES = 100L * 1024 * 1024;

  /**
   * Appended to every JSON string by {@link Fault#ODD_TEXT}: quotes, backslash, newline, non-ASCII.
   */
  public static final String ODD_TEXT = " \"q\" \\ \n ü 日本 🔋 {x=\"y\"}";

  /**
   * The length {@link Fault#RESET_MID_BODY} declares: under every endpoint's body cap, so the reset
   * is what the client meets, not the cap.
   */
  private static final int RESET_MID_BODY_DECLARED = 32 * 1024;

  /** Levels of {@link Fault#DEEP_NESTING}: 6 bytes each, far under every endpoint's cap. */
  public static final int DEEP_NESTING_LEVELS = 5_000;

  /** How a request is answered. */
  public enum Fault {
    /** Relayed to the simulator unchanged. */
    NONE,
    /** Nothing listens on the port. */
    REFUSED,
    /** A 200 whose body stops after 1 KiB of the promised 32 KiB, then a TCP reset. */
    RESET_MID_BODY,
    /** The connection is accepted and never answered. */
    SILENT,
    /** The simulator's answer, one byte a second. */
    TRICKLE,
    /** A 200 with an undeclared 100 MiB JSON body, written as fast as the client reads. */
    HUGE_BODY,
    /** The simulator's body labelled {@code text/html}. */
    WRONG_CONTENT_TYPE,
    /** A 200 whose body is an HTML page (a captive portal, a proxy's page). */
    HTML_PAGE,
    /** A 503 whose body is an HTML error page. */
    HTML_ERROR_PAGE,
    /** A 200 with JSON of another shape: an array of unrelated objects. */
    WRONG_SHAPE,
    /** The simulator's JSON with every number written as a string. */
    NUMBERS_AS_STRINGS,
    /** The simulator's JSON with every string replaced by a number. */
    STRINGS_AS_NUMBERS,
    /** The simulator's JSON with every number replaced by a bare NaN, Infinity or -Infinity. */
    NON_FINITE,
    /**
     * The simulator's JSON with {@link #ODD_TEXT} appended to every string that is not a number.
     */
    ODD_TEXT,
    /**
     * A 200 whose declared body is {@code [{},{},…]} just under the 4 MiB body cap: a million empty
     * objects that a tree parser would turn into ~100 MB of nodes.
     */
    NODE_BOMB,
    /** A 200 whose body nests {@value #DEEP_NESTING_LEVELS} objects, under every body cap. */
    DEEP_NESTING;

    /** Whether the fault rewrites the simulator's JSON (and so spares the paths a test exempts). */
    public boolean rewritesJson() {
      return this == NUMBERS_AS_STRINGS
          || this == STRINGS_AS_NUMBERS
          || this == NON_FINITE
          || this == ODD_TEXT;
    }
  }

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "content-length",
          "transfer-encoding",
          "keep-alive",
          "host",
          "expect",
          "upgrade",
          "te");

  private final URI upstream;
  private final SSLContext tls;
  private final Predicate<String> rewriteExempt;
  private final HttpClient relay;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "fault-server");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<Socket, Fault> open = new ConcurrentHashMap<>();
  private final AtomicLong mostHugeBytesSent = new AtomicLong();
  private final AtomicLong faultedRequests = new AtomicLong();
  private final int port;
  private volatile Fault fault = Fault.NONE;
  private volatile ServerSocket listener;
  private volatile boolean closed;

  private FaultServer(URI upstream, SSLContext tls, Predicate<String> rewriteExempt)
      throws IOException {
    this.upstream = upstream;
    this.tls = tls;
    this.rewriteExempt = rewriteExempt;
    this.relay = Http.trustingAny("powerwall").client();
    this.listener = listen(0);
    this.port = listener.getLocalPort();
    threads.execute(() -> acceptLoop(listener));
  }

  /**
   * Starts a server relaying to {@code upstream}.
   *
   * @param tls the server's TLS context, or null for plain HTTP
   * @param rewriteExempt request paths that JSON-rewriting faults pass through unchanged (a login,
   *     whose token must survive)
   */
  public static FaultServer start(URI upstream, SSLContext tls, Predicate<String> rewriteExempt)
      throws IOException {
    return new FaultServer(upstream, tls, rewriteExempt);
  }

  /** {@code http(s)://127.0.0.1:<port>}. */
  public URI baseUri() {
    return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + port);
  }

  /**
   * Switches the fault. Connections the previous fault holds open (silent, trickling, streaming)
   * are dropped; requests being relayed or answered finish as they began.
   */
  public synchronized void set(Fault next) throws IOException {
    Fault previous = fault;
    fault = next;
    if (next == Fault.REFUSED && previous != Fault.REFUSED) {
      listener.close();
    } else if (previous == Fault.REFUSED && next != Fault.REFUSED) {
      listener = listen(port);
      ServerSocket reopened = listener;
      threads.execute(() -> acceptLoop(reopened));
    }
    dropConnections(Set.of(Fault.SILENT, Fault.TRICKLE, Fault.HUGE_BODY));
  }

  /** The most bytes of one {@link Fault#HUGE_BODY} answer the client took before hanging up. */
  public long mostHugeBytesSent() {
    return mostHugeBytesSent.get();
  }

  /** Requests answered with a fault (not relayed unchanged) so far. */
  public long faultedRequests() {
    return faultedRequests.get();
  }

  private ServerSocket listen(int onPort) throws IOException {
    ServerSocket socket =
        tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
    return socket;
  }

  private void acceptLoop(ServerSocket server) {
    while (!closed && !server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return;
      }
      Fault now = fault;
      open.put(socket, now);
      threads.execute(
          () -> {
            try (socket) {
              handle(socket, now);
            } catch (IOException | RuntimeException ignored) {
              // the client hung up or the fault switched; either is expected here
            } finally {
              open.remove(socket);
            }
          });
    }
  }

  private void handle(Socket socket, Fault now) throws IOException {
    if (now == Fault.SILENT) {
      faultedRequests.incrementAndGet();
      while (!closed && fault == Fault.SILENT && !socket.isClosed()) {
        sleep(Duration.ofMillis(20));
      }
      return;
    }
    Request request = Request.read(socket.getInputStream());
    if (request == null) {
      return;
    }
    OutputStream out = socket.getOutputStream();
    if (now == Fault.NONE || (now.rewritesJson() && rewriteExempt.test(request.path()))) {
      Answer answer = relay(request);
      write(out, answer.status(), answer.headers(), answer.body());
      return;
    }
    faultedRequests.incrementAndGet();
    switch (now) {
      case RESET_MID_BODY -> resetMidBody(socket, out);
      case TRICKLE -> trickle(out, relay(request));
      case HUGE_BODY -> hugeBody(out);
      case WRONG_CONTENT_TYPE -> {
        Answer answer = relay(request);
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("content-type"));
        headers.put("Content-Type", "text/html; charset=utf-8");
        write(out, answer.status(), headers, answer.body());
      }
      case HTML_PAGE ->
          write(
              out,
              200,
              Map.of("Content-Type", "text/html"),
              utf8(
                  "<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Welcome</h1>"
                      + "<p>Please sign in to continue.</p></body></html>"));
      case HTML_ERROR_PAGE ->
          write(
              out,
              503,
              Map.of("Content-Type", "text/html"),
              utf8(
                  "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n"
                      + "<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n"));
      case WRONG_SHAPE ->
          write(
              out,
              200,
              Map.of("Content-Type", "application/json"),
              utf8("[{\"unexpected\":true,\"items\":[1,2,3]},\"text\",42,null]"));
      case NODE_BOMB -> write(out, 200, Map.of("Content-Type", "application/json"), NodeBomb.BODY);
      case DEEP_NESTING ->
          write(
              out,
              200,
              Map.of("Content-Type", "application/json"),
              utf8("{\"a\":".repeat(DEEP_NESTING_LEVELS) + "1" + "}".repeat(DEEP_NESTING_LEVELS)));
      case NUMBERS_AS_STRINGS, STRINGS_AS_NUMBERS, NON_FINITE, ODD_TEXT -> {
        Answer answer = relay(request);
        byte[] body =
            answer.status() / 100 == 2 ? JsonRewrites.rewrite(now, answer.body()) : answer.body();
        write(out, answer.status(), answer.headers(), body);
      }
      default -> throw new IllegalStateException("unhandled fault " + now);
    }
  }

  private Answer relay(Request request) throws IOException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(upstream.resolve(request.target()))
            .timeout(Duration.ofSeconds(10))
            .method(
                request.method(),
                request.body().length == 0 && !request.method().equals("POST")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request
        .headers()
        .forEach(
            (name, value) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, value);
              }
            });
    try {
      HttpResponse<byte[]> response =
          relay.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      Map<String, String> headers = new LinkedHashMap<>();
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                  headers.put(name, String.join(", ", values));
                }
              });
      return new Answer(response.statusCode(), headers, response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void write(OutputStream out, int status, Map<String, String> headers, byte[] body)
      throws IOException {
    out.write(head(status, headers, body.length));
    out.write(body);
    out.flush();
  }

  private static byte[] head(int status, Map<String, String> headers, long contentLength) {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Fault\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (contentLength >= 0) {
      head.append("Content-Length: ").append(contentLength).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void resetMidBody(Socket socket, OutputStream out) throws IOException {
    out.write(head(200, Map.of("Content-Type", "application/json"), RESET_MID_BODY_DECLARED));
    byte[] start = new byte[1024];
    java.util.Arrays.fill(start, (byte) ' ');
    start[0] = '{';
    out.write(start);
    out.flush();
    socket.setSoLinger(true, 0);
    socket.close();
  }

  private void trickle(OutputStream out, Answer answer) throws IOException {
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    whole.write(head(answer.status(), answer.headers(), answer.body().length));
    whole.write(answer.body());
    for (byte b : whole.toByteArray()) {
      if (closed || fault != Fault.TRICKLE) {
        return;
      }
      out.write(b);
      out.flush();
      sleep(Duration.ofSeconds(1));
    }
  }

  private void hugeBody(OutputStream out) throws IOException {
    out.write(head(200, Map.of("Content-Type", "application/json"), -1));
    byte[] block = "1234567890,".repeat(744).getBytes(StandardCharsets.US_ASCII);
    out.write('[');
    long written = 1;
    try {
      for (; written < HUGE_BODY_BYTES && !closed; written += block.length) {
        out.write(block);
      }
      out.write("0]".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } finally {
      long sent = written;
      mostHugeBytesSent.accumulateAndGet(sent, Math::max);
    }
  }

  private void dropConnections(Set<Fault> held) {
    open.forEach(
        (socket, servedWith) -> {
          if (held.contains(servedWith)) {
            close(socket);
          }
        });
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
    open.keySet().forEach(FaultServer::close);
    threads.shutdownNow();
  }

  /** The body of {@link Fault#NODE_BOMB}, built at its first use. */
  private static final class NodeBomb {
    static final byte[] BODY = utf8("[" + "{},".repeat((4 * 1024 * 1024 - 1024) / 3) + "{}]");
  }

  private record Answer(int status, Map<String, String> headers, byte[] body) {}

  /** One request as read off the socket. */
  private record Request(String method, String target, Map<String, String> headers, byte[] body) {
    String path() {
      int query = target.indexOf('?');
      return query < 0 ? target : target.substring(0, query);
    }

    static Request read(InputStream in) throws IOException {
      String requestLine = line(in);
      if (requestLine == null || requestLine.isBlank()) {
        return null;
      }
      String[] parts = requestLine.split(" ");
      if (parts.length < 2) {
        throw new SocketException("bad request line: " + requestLine);
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
        int colon = header.indexOf(':');
        if (colon > 0) {
          headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
      }
      int length =
          headers.entrySet().stream()
              .filter(e -> e.getKey().equalsIgnoreCase("content-length"))
              .map(e -> Integer.parseInt(e.getValue()))
              .findFirst()
              .orElse(0);
      return new Request(parts[0], parts[1], headers, in.readNBytes(length));
    }

    private static String line(InputStream in) throws IOException {
      List<Byte> bytes = new ArrayList<>();
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          break;
        }
        if (b != '\r') {
          bytes.add((byte) b);
        }
      }
      if (b < 0 && bytes.isEmpty()) {
        return null;
      }
      byte[] raw = new byte[bytes.size()];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = bytes.get(i);
      }
      return new String(raw, StandardCharsets.ISO_8859_1);
    }
  }
}
