package dev.homeenergy.web;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Logs one line per request: client, method, path, status and duration. At debug level by default
 * (at thousands of scrapes a second, info would flood the log); a drop-in whose original logged
 * every request asks for info.
 */
final class AccessLogFilter extends Filter {
  static final String LOGGER_NAME = "access";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

  private final Level level;

  AccessLogFilter(boolean atInfo) {
    this.level = atInfo ? Level.INFO : Level.DEBUG;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    long started = System.nanoTime();
    try {
      chain.doFilter(exchange);
    } finally {
      long micros = (System.nanoTime() - started) / 1000;
      String client =
          exchange.getRemoteAddress() == null
              ? "-"
              : exchange.getRemoteAddress().getAddress().getHostAddress();
      String path = exchange.getRequestURI().getRawPath();
      int status = exchange.getResponseCode();
      LOG.atLevel(level)
          .addKeyValue("client", client)
          .addKeyValue("method", exchange.getRequestMethod())
          .addKeyValue("path", path)
          .addKeyValue("status", status)
          .addKeyValue("duration_seconds", micros / 1e6)
          .log(
              "{} {} {} {} {}ms",
              client,
              exchange.getRequestMethod(),
              path,
              status,
              micros / 1000.0);
    }
  }

  @Override
  public String description() {
    return "access log";
  }
}
