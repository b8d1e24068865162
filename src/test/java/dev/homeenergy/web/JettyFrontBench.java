package dev.homeenergy.web;

import dev.homeenergy.Main;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * bench/slowclients, design (b): the exporter as usual (its arguments follow the first) plus a
 * Jetty 12 server on the port given first, set up as the exporter would use it (one acceptor, one
 * selector, a small thread pool, a 10 s idle timeout, 8 KiB request heads), serving the exporter's
 * /metrics bytes (fetched from the exporter itself every 15 s). Its figures, less the exporter's
 * alone, are what moving the web layer to Jetty would cost; its slow-client figures are Jetty's.
 * Not a test.
 */
public final class JettyFrontBench {
  private JettyFrontBench() {}

  public static void main(String[] args) throws Exception {
    int jettyPort = Integer.parseInt(args[0]);
    String[] exporterArgs = Arrays.copyOfRange(args, 1, args.length);
    Thread exporter = new Thread(() -> Main.main(exporterArgs), "exporter");
    exporter.start();
    URI source = URI.create(System.getProperty("bench.source", "http://127.0.0.1:19400/metrics"));
    AtomicReference<byte[]> body = new AtomicReference<>(new byte[0]);
    HttpClient client = HttpClient.newHttpClient();

    QueuedThreadPool threads = new QueuedThreadPool(16, 2, 60_000);
    threads.setName("jetty");
    threads.setReservedThreads(0);
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(8192);
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(jettyPort);
    connector.setIdleTimeout(10_000);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4");
            response.write(true, ByteBuffer.wrap(body.get()), callback);
            return true;
          }
        });
    server.start();
    while (exporter.isAlive()) {
      try {
        HttpResponse<byte[]> answer =
            client.send(
                HttpRequest.newBuilder(source).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() == 200) {
          body.set(answer.body());
        }
      } catch (java.io.IOException e) {
        // the exporter is not up yet
      }
      Thread.sleep(body.get().length == 0 ? 200 : 15_000);
    }
    server.stop();
  }
}
