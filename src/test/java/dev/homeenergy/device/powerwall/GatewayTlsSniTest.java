package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayTlsSniTest {

  private static String get(URI uri) {
    HttpClient client = GatewayTls.httpClient(GatewayTls.context(null), Duration.ofSeconds(5));
    try {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(uri.resolve("/api/status")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      return "HTTP " + response.statusCode();
    } catch (Exception e) {
      return e.toString();
    }
  }

  @Test
  void hostname() throws Exception {
    try (FakeGateway gateway = FakeGateway.start()) {
      System.out.println("localhost: " + get(gateway.address("localhost")) + " sni=" + gateway.sniSeen());
    }
  }

  @Test
  void ip() throws Exception {
    try (FakeGateway gateway = FakeGateway.start()) {
      System.out.println("127.0.0.1: " + get(gateway.address()) + " sni=" + gateway.sniSeen());
    }
  }
}
