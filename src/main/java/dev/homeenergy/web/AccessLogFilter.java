package dev.homeenergy.web;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per request at debug level (at thousands of scrapes a second, info would flood the
 * log): client, method, path, status and duration.
 */
final class AccessLogFilter extends Filter {
  static final String LOGGER_NAME = "access";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

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
      LOG.atDebug()
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
