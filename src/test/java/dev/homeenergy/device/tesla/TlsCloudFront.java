package dev.homeenergy.device.tesla;

import dev.homeenergy.device.tesla.sim.TeslaSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An HTTPS front for the simulated Tesla cloud, strict as Tesla's hosts are since June 2026: TLS
 * 1.3 only, and HTTP/2 only (no HTTP/1.1, by ALPN or otherwise) or, to test the fallback, HTTP/1.1
 * only. Every request is passed on to a {@link TeslaSimulator} over loopback, so sign-in, refresh
 * and the Fleet API answer as the simulator does; the front records the protocol and TLS version
 * each request arrived with. Its certificate is self-signed, for 127.0.0.1 ({@link #trust()}).
 */
final class TlsCloudFront implements AutoCloseable {
  /** What the front speaks over TLS 1.3. */
  enum Protocols {
    HTTP2_ONLY,
    HTTP1_ONLY
  }

  /** One request as it arrived. */
  record Arrival(String path, String protocol, String tls) {}

  private static final String KEYSTORE = "simulated-cloud.p12";
  private static final String PASSWORD = "simulator";
  private static final String ALIAS = "cloud";
  private static final List<String> REQUEST_HEADERS =
      List.of("Authorization", "Content-Type", "Accept");
  private static final List<String> RESPONSE_HEADERS =
      List.of("Content-Type", "Location", "Retry-After");

  private final URI backend;
  private final HttpClient forward = HttpClient.newBuilder().build();
  private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
  private final Map<String, String> canned = new ConcurrentHashMap<>();
  private final Map<String, Boolean> held = new ConcurrentHashMap<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Server server;
  private final ServerConnector connector;

  private TlsCloudFront(TeslaSimulator cloud, Protocols protocols) {
    this.backend = cloud.baseUri();
    this.server = new Server(new QueuedThreadPool(16, 2));
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStore(keyStore());
    tls.setKeyStorePassword(PASSWORD);
    tls.setIncludeProtocols("TLSv1.3");
    HttpConfiguration http = new HttpConfiguration();
    http.addCustomizer(new SecureRequestCustomizer());
    if (protocols == Protocols.HTTP2_ONLY) {
      ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2");
      alpn.setDefaultProtocol("h2");
      connector =
          new ServerConnector(
              server,
              1,
              1,
              new SslConnectionFactory(tls, alpn.getProtocol()),
              alpn,
              new HTTP2ServerConnectionFactory(http));
    } else {
      HttpConnectionFactory http1 = new HttpConnectionFactory(http);
      connector =
          new ServerConnector(
              server, 1, 1, new SslConnectionFactory(tls, http1.getProtocol()), http1);
    }
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            return TlsCloudFront.this.handle(request, response, callback);
          }
        });
  }

  /** Starts a front on a free loopback port for {@code cloud}. */
  static TlsCloudFront start(TeslaSimulator cloud, Protocols protocols) throws Exception {
    TlsCloudFront front = new TlsCloudFront(cloud, protocols);
    front.server.start();
    return front;
  }

  /** {@code https://127.0.0.1:<port>}: the auth, token and Fleet API base alike. */
  URI baseUri() {
    return URI.create("https://127.0.0.1:" + connector.getLocalPort());
  }

  /** Every request so far, in order of arrival. */
  List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  /** Answers {@code path} with {@code body} (200, JSON) instead of asking the simulator. */
  void answer(String path, String body) {
    canned.put(path, body);
  }

  /** Leaves requests for {@code path} unanswered until the front closes. */
  void hold(String path) {
    held.put(path, true);
  }

  /** A TLS context trusting exactly the front's certificate, with host names checked as usual. */
  static SSLContext trust() {
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry(ALIAS, keyStore().getCertificate(ALIAS));
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the trust of the test certificate", e);
    }
  }

  @Override
  public void close() throws Exception {
    closing.countDown();
    server.stop();
  }

  private boolean handle(Request request, Response response, Callback callback)
      throws IOException, InterruptedException {
    String path = Request.getPathInContext(request);
    arrivals.add(
        new Arrival(path, request.getConnectionMetaData().getProtocol(), tlsProtocol(request)));
    if (held.containsKey(path)) {
      closing.await();
      callback.succeeded();
      return true;
    }
    String cannedBody = canned.get(path);
    if (cannedBody != null) {
      response.getHeaders().put("Content-Type", "application/json");
      Content.Sink.write(response, true, cannedBody, callback);
      return true;
    }
    String body = Content.Source.asString(request, StandardCharsets.UTF_8);
    HttpRequest.Builder passed =
        HttpRequest.newBuilder(backend.resolve(request.getHttpURI().getPathQuery()))
            .method(
                request.getMethod(),
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (String name : REQUEST_HEADERS) {
      String value = request.getHeaders().get(name);
      if (value != null) {
        passed.header(name, value);
      }
    }
    HttpResponse<String> answer =
        forward.send(passed.build(), HttpResponse.BodyHandlers.ofString());
    response.setStatus(answer.statusCode());
    for (String name : RESPONSE_HEADERS) {
      answer.headers().allValues(name).forEach(value -> response.getHeaders().add(name, value));
    }
    Content.Sink.write(response, true, answer.body(), callback);
    return true;
  }

  private static String tlsProtocol(Request request) {
    return request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE)
            instanceof EndPoint.SslSessionData session
        ? session.sslSession().getProtocol()
        : "none";
  }

  private static KeyStore keyStore() {
    try (InputStream in = TlsCloudFront.class.getResourceAsStream(KEYSTORE)) {
      if (in == null) {
        throw new IllegalStateException("missing test keystore " + KEYSTORE);
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD.toCharArray());
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot load test keystore " + KEYSTORE, e);
    }
  }
}
