package dev.homeenergy.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * {@code /-/reload}, as Prometheus answers it: {@code POST} (or {@code PUT}) re-reads the config
 * when the lifecycle API is enabled ({@code --web.enable-lifecycle}) and answers 200, or 500 with
 * the config's problems; without the flag 403; any other method 405.
 */
final class ReloadHandler implements HttpHandler {
  static final String PATH = "/-/reload";
  private static final String TEXT = "text/plain; charset=utf-8";

  private final ConfigReload reload;

  /**
   * @param reload what a reload runs; null when the lifecycle API is not enabled
   */
  ReloadHandler(ConfigReload reload) {
    this.reload = reload;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (!exchange.getRequestURI().getPath().equals(PATH)) {
      Responses.notFound(exchange);
    } else if (!method.equals("POST") && !method.equals("PUT")) {
      exchange.getResponseHeaders().set("Allow", "POST, PUT");
      Responses.send(exchange, 405, TEXT, "Only POST or PUT requests allowed.\n");
    } else if (reload == null) {
      Responses.send(
          exchange,
          403,
          TEXT,
          "Lifecycle API is not enabled: start the exporter with --web.enable-lifecycle.\n");
    } else {
      exchange.getRequestBody().close();
      ConfigReload.Result result = reload.reload(method + " " + PATH);
      String lines = String.join("\n", result.lines()) + "\n";
      if (result.applied()) {
        Responses.send(exchange, 200, TEXT, lines);
      } else {
        Responses.send(exchange, 500, TEXT, "failed to reload config:\n" + lines);
      }
    }
  }
}
