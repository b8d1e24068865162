package dev.homeenergy.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay to one upstream port whose connections a test can cut at once, as a crash or
 * a pulled cable would: neither side gets a goodbye.
 */
public final class TcpRelay implements AutoCloseable {
  private final ServerSocket server;
  private final int upstreamPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  private TcpRelay(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "tcp-relay");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static TcpRelay to(int upstreamPort) throws IOException {
    return new TcpRelay(upstreamPort);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Resets every relayed connection; new ones are still accepted. */
  public void cut() {
    for (Socket socket : open) {
      try {
        socket.setSoLinger(true, 0);
        socket.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
    open.clear();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        open.add(client);
        open.add(upstream);
        pipe(client, upstream);
        pipe(upstream, client);
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void pipe(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException ignored) {
                // the other side closed or was cut
              }
              try {
                to.close();
              } catch (IOException ignored) {
                // already closed
              }
            },
            "tcp-relay-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    cut();
  }
}
