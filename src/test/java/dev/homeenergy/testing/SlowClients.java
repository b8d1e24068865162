package dev.homeenergy.testing;

import dev.homeenergy.devicehttp.SelfSignedTrust;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Connections that hold a web server the way a slow or hostile client does: a request head that
 * never ends, a TLS record header and then nothing, pipelined requests whose answers are never
 * read, or nothing at all. Each remembers when the server closed it, so a test (or the bench) can
 * tell how long the server let it hang on.
 */
public final class SlowClients implements AutoCloseable {
  /** How a connection holds the server. */
  public enum Kind {
    /** A request line and part of the headers, never finished. */
    PARTIAL_HEAD,
    /** The 5 bytes of a TLS handshake record header, then nothing (for an HTTPS server). */
    TLS_RECORD_HEADER,
    /** Requests written back to back for ever, their answers never read. */
    PIPELINED_UNREAD,
    /** Connected, sends nothing. */
    IDLE
  }

  private static final byte[] TLS_HEADER = {0x16, 0x03, 0x01, 0x02, 0x00};

  /** One held connection. */
  public static final class Held {
    private final Kind kind;
    private final Socket socket;
    private final Socket raw;
    private final long openedNanos = System.nanoTime();
    private final AtomicLong closedNanos = new AtomicLong();

    private Held(Kind kind, Socket socket, Socket raw) {
      this.kind = kind;
      this.socket = socket;
      this.raw = raw;
    }

    public Kind kind() {
      return kind;
    }

    /** How long after opening the server closed it; empty while it is open. */
    public Optional<Duration> closedAfter() {
      long closed = closedNanos.get();
      return closed == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(closed - openedNanos));
    }

    private void markClosed() {
      closedNanos.compareAndSet(0, System.nanoTime());
    }
  }

  private final List<Held> held = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  private SlowClients() {}

  /**
   * Opens {@code counts} connections of each kind to {@code address}, over TLS (trusting any
   * certificate) when {@code tls}, except for the raw TLS record header and idle kinds. Pipelined
   * requests carry {@code authorization} when it is not null.
   */
  public static SlowClients open(
      InetSocketAddress address, Map<Kind, Integer> counts, boolean tls, String authorization)
      throws IOException {
    SlowClients clients = new SlowClients();
    try {
      for (Map.Entry<Kind, Integer> entry : counts.entrySet()) {
        for (int i = 0; i < entry.getValue(); i++) {
          clients.openOne(address, entry.getKey(), tls, authorization);
        }
      }
    } catch (IOException | RuntimeException e) {
      clients.close();
      throw e;
    }
    return clients;
  }

  private void openOne(InetSocketAddress address, Kind kind, boolean tls, String authorization)
      throws IOException {
    Socket plain = new Socket();
    plain.setReceiveBufferSize(4096);
    plain.connect(address, 5_000);
    Socket socket = plain;
    if (tls && (kind == Kind.PARTIAL_HEAD || kind == Kind.PIPELINED_UNREAD)) {
      SSLContext context = SelfSignedTrust.context(SelfSignedTrust.trustingAny());
      SSLSocket ssl =
          (SSLSocket)
              context
                  .getSocketFactory()
                  .createSocket(plain, address.getHostString(), address.getPort(), true);
      ssl.setSoTimeout(10_000);
      ssl.startHandshake();
      ssl.setSoTimeout(0);
      socket = ssl;
    }
    Held connection = new Held(kind, socket, plain);
    held.add(connection);
    OutputStream out = socket.getOutputStream();
    switch (kind) {
      case PARTIAL_HEAD -> {
        out.write(ascii("GET /metrics HTTP/1.1\r\nHost: exporter\r\nX-Slow: "));
        out.flush();
        watchForClose(connection);
      }
      case TLS_RECORD_HEADER -> {
        out.write(TLS_HEADER);
        out.flush();
        watchForClose(connection);
      }
      case PIPELINED_UNREAD -> writeForever(connection, authorization);
      case IDLE -> watchForClose(connection);
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads (and drops) whatever the server sends until it closes the connection. */
  private void watchForClose(Held connection) {
    start(
        "slow-reader",
        () -> {
          try (InputStream in = connection.socket.getInputStream()) {
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
              // the server's answer, if any, is not what this client waits for
            }
          } catch (IOException closed) {
            // reset by the server, or closed here
          }
          connection.markClosed();
        });
  }

  private void writeForever(Held connection, String authorization) {
    String auth = authorization == null ? "" : "Authorization: " + authorization + "\r\n";
    byte[] request = ascii("GET /metrics HTTP/1.1\r\nHost: exporter\r\n" + auth + "\r\n");
    start(
        "slow-writer",
        () -> {
          try {
            OutputStream out = connection.socket.getOutputStream();
            while (!connection.socket.isClosed()) {
              out.write(request);
            }
          } catch (IOException closed) {
            // the server gave up on this client, or it was closed here
          }
          connection.markClosed();
        });
  }

  private void start(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  /** Every connection held. */
  public List<Held> held() {
    return List.copyOf(held);
  }

  /** The connections of one kind. */
  public List<Held> held(Kind kind) {
    return held.stream().filter(h -> h.kind == kind).toList();
  }

  @Override
  public void close() {
    for (Held connection : held) {
      try {
        // the raw socket: closing a TLS socket waits for a writer blocked on it
        connection.raw.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    for (Thread thread : threads) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
