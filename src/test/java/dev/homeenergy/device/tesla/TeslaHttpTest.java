package dev.homeenergy.device.tesla;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeslaHttpTest {
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final Map<String, List<String>> upgrades = new ConcurrentHashMap<>();
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          upgrades.put(
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders().getOrDefault("Upgrade", List.of()));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Test
  void theClientPrefersHttp2FollowsNoRedirectsAndRunsOnTheGivenThreads() {
    HttpClient client = TeslaHttp.client(Duration.ofSeconds(3), executor);

    assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
    assertThat(client.connectTimeout()).contains(Duration.ofSeconds(3));
    assertThat(client.executor()).containsSame(executor);
  }

  @Test
  void http2IsAskedForOverTlsAndHttp11InPlainHttp() {
    assertThat(TeslaHttp.version(URI.create("https://fleet-api.prd.na.vn.cloud.tesla.com/x")))
        .isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(TeslaHttp.version(URI.create("HTTPS://auth.tesla.com")))
        .isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(TeslaHttp.version(URI.create("http://127.0.0.1:8080/api/1/vehicles")))
        .isEqualTo(HttpClient.Version.HTTP_1_1);
  }

  @Test
  void aPlainHttpBaseGetsNoH2cUpgradeAttempt() throws Exception {
    HttpClient client = TeslaHttp.client(Duration.ofSeconds(3), executor);
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

    URI asked = base.resolve("/asked");
    client.send(
        HttpRequest.newBuilder(asked).version(TeslaHttp.version(asked)).build(),
        HttpResponse.BodyHandlers.discarding());
    URI unasked = base.resolve("/unasked");
    client.send(HttpRequest.newBuilder(unasked).build(), HttpResponse.BodyHandlers.discarding());

    assertThat(upgrades.get("/asked")).isEmpty();
    assertThat(upgrades.get("/unasked")).as("the client's own preference").contains("h2c");
  }
}
