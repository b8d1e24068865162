package dev.homeenergy.device.powerwall;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy that resets the first connections it is told to (a gateway dropping off
 * Wi-Fi) and forwards the rest to the target port.
 */
final class SwitchableProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final AtomicInteger toReset;
  private final AtomicInteger reset = new AtomicInteger();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  SwitchableProxy(int targetPort, int connectionsToReset) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    this.toReset = new AtomicInteger(connectionsToReset);
    Thread acceptor = new Thread(this::acceptLoop, "proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI address() {
    return URI.create("https://127.0.0.1:" + server.getLocalPort());
  }

  int resetConnections() {
    return reset.get();
  }

  /** Breaks every open connection and resets the next {@code connections} ones. */
  void cut(int connections) {
    toReset.set(connections);
    open.forEach(SwitchableProxy::abort);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (toReset.getAndDecrement() > 0) {
          reset.incrementAndGet();
          abort(client);
          continue;
        }
        Socket target = new Socket();
        target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
        open.add(client);
        open.add(target);
        pipe(client, target);
        pipe(target, client);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // the other direction closes both sockets
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "proxy-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  private static void abort(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException e) {
      // closed already; closing below is enough
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
