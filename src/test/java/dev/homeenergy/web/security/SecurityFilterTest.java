package dev.homeenergy.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityFilterTest {
  private static final String PASSWORD = "scrape-pw";

  @TempDir Path dir;

  private SecurityFilter filter(boolean protect) throws Exception {
    String hash = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(4, PASSWORD.toCharArray());
    Path file = dir.resolve("web.yml");
    Files.writeString(
        file,
        "basic_auth_users:\n  prometheus: " + hash + "\nrate_limit:\n  interval: 1h\n  burst: 3\n");
    return new SecurityFilter(
        ReloadingSettings.load(file), new BasicAuth(), protect, new RateLimiter());
  }

  private static int status(Filter filter, String from, String authorization) throws Exception {
    FakeExchange exchange = new FakeExchange(from, authorization);
    filter.doFilter(exchange, new Filter.Chain(List.of(), e -> e.sendResponseHeaders(200, -1)));
    return exchange.status;
  }

  private static String basic(String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(("prometheus:" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anUnauthenticatedFloodFromTheScrapersAddressDoesNotTurnItsScrapesInto429() throws Exception {
    SecurityFilter metrics = filter(true);
    for (int i = 0; i < 20; i++) {
      status(metrics, "192.0.2.1", i % 2 == 0 ? null : basic("wrong"));
    }
    assertThat(status(metrics, "192.0.2.1", null)).isEqualTo(429);
    assertThat(status(metrics, "192.0.2.1", basic(PASSWORD))).isEqualTo(200);
  }

  @Test
  void unprotectedHealthIsStillLimitedPerAddress() throws Exception {
    SecurityFilter health = filter(false);
    for (int i = 0; i < 3; i++) {
      assertThat(status(health, "192.0.2.7", null)).isEqualTo(200);
    }
    assertThat(status(health, "192.0.2.7", null)).isEqualTo(429);
    assertThat(status(health, "192.0.2.8", null)).isEqualTo(200);
  }

  @Test
  void wrongCredentialsStill401UntilTheAddressIsLimited() throws Exception {
    SecurityFilter metrics = filter(true);
    assertThat(status(metrics, "192.0.2.9", basic("wrong"))).isEqualTo(401);
    assertThat(status(metrics, "192.0.2.9", null)).isEqualTo(401);
    assertThat(status(metrics, "192.0.2.9", null)).isEqualTo(401);
    assertThat(status(metrics, "192.0.2.9", basic("wrong"))).isEqualTo(429);
  }

  /** Just enough of an exchange for the filter: a peer address, headers and the status sent. */
  private static final class FakeExchange extends HttpExchange {
    private final InetSocketAddress remote;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status = -1;

    FakeExchange(String from, String authorization) {
      remote = new InetSocketAddress(from, 40000);
      if (authorization != null) {
        requestHeaders.set("Authorization", authorization);
      }
    }

    @Override
    public Headers getRequestHeaders() {
      return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
      return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
      return URI.create("/metrics");
    }

    @Override
    public String getRequestMethod() {
      return "GET";
    }

    @Override
    public HttpContext getHttpContext() {
      return null;
    }

    @Override
    public void close() {}

    @Override
    public InputStream getRequestBody() {
      return new ByteArrayInputStream(new byte[0]);
    }

    @Override
    public OutputStream getResponseBody() {
      return body;
    }

    @Override
    public void sendResponseHeaders(int code, long length) {
      status = code;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
      return remote;
    }

    @Override
    public int getResponseCode() {
      return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
      return new InetSocketAddress("127.0.0.1", 9000);
    }

    @Override
    public String getProtocol() {
      return "HTTP/1.1";
    }

    @Override
    public Object getAttribute(String name) {
      return null;
    }

    @Override
    public void setAttribute(String name, Object value) {}

    @Override
    public void setStreams(InputStream in, OutputStream out) {}

    @Override
    public HttpPrincipal getPrincipal() {
      return null;
    }
  }
}
