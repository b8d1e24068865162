package dev.homeenergy.web.security;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * The request side of the web configuration, in front of one context: adds the configured headers,
 * answers 429 when the client address's rate limit is spent and, when the context is protected, 401
 * to requests without valid basic-auth credentials (429 when too many credential checks are already
 * running). Credentials are checked before the rate limit so that valid ones draw from the
 * authenticated bucket, which unauthenticated requests from the same address cannot spend. Health
 * endpoints are mounted unprotected unless the configuration asks otherwise; headers and the
 * per-address rate limit apply to them all the same.
 */
final class SecurityFilter extends Filter {
  private final ReloadingSettings settings;
  private final BasicAuth basicAuth;
  private final boolean protect;
  private final RateLimiter limiter;

  SecurityFilter(
      ReloadingSettings settings, BasicAuth basicAuth, boolean protect, RateLimiter limiter) {
    this.settings = settings;
    this.basicAuth = basicAuth;
    this.protect = protect;
    this.limiter = limiter;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    WebSecurityConfig config = settings.now().config();
    config.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    InetAddress client = exchange.getRemoteAddress().getAddress();
    boolean checksAuth = protect && config.authenticates();
    BasicAuth.Verdict verdict =
        checksAuth
            ? basicAuth.verify(
                exchange.getRequestHeaders().getFirst("Authorization"), config.basicAuthUsers())
            : BasicAuth.Verdict.DENIED;
    boolean authenticated = verdict == BasicAuth.Verdict.ALLOWED;
    if (!limiter.allow(config.rateLimit(), client, authenticated)) {
      refuse(exchange, 429, "Too Many Requests\n");
      return;
    }
    if (checksAuth && verdict == BasicAuth.Verdict.BUSY) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      refuse(exchange, 429, "Too Many Requests\n");
      return;
    }
    if (checksAuth && !authenticated) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Basic");
      refuse(exchange, 401, "Unauthorized\n");
      return;
    }
    chain.doFilter(exchange);
  }

  @Override
  public String description() {
    return "web config: headers, rate limit" + (protect ? ", basic auth" : "");
  }

  /** Answers a refused request with a short plain-text body (HEAD gets the headers only). */
  private static void refuse(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
