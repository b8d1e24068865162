package dev.homeenergy.web;

import com.sun.net.httpserver.HttpHandler;
import dev.homeenergy.polling.DeviceStatus;
import dev.homeenergy.polling.SnapshotStore;
import java.util.stream.Collectors;

/** {@code /-/healthy} (the process serves) and {@code /-/ready} (every device polled once). */
final class HealthHandlers {
  private HealthHandlers() {}

  static HttpHandler healthy() {
    return exchange -> {
      if (!exchange.getRequestURI().getPath().equals("/-/healthy")) {
        Responses.notFound(exchange);
      } else if (Responses.allowGetOrHead(exchange)) {
        Responses.send(exchange, 200, "text/plain; charset=utf-8", "Healthy\n");
      }
    };
  }

  static HttpHandler ready(SnapshotStore store) {
    return exchange -> {
      if (!exchange.getRequestURI().getPath().equals("/-/ready")) {
        Responses.notFound(exchange);
      } else if (Responses.allowGetOrHead(exchange)) {
        if (store.allPolledOnce()) {
          Responses.send(exchange, 200, "text/plain; charset=utf-8", "Ready\n");
        } else {
          String waiting =
              store.all().stream()
                  .filter(s -> !s.polledOnce())
                  .map(DeviceStatus::config)
                  .map(c -> c.name())
                  .collect(Collectors.joining(", "));
          Responses.send(
              exchange,
              503,
              "text/plain; charset=utf-8",
              "Not ready: waiting for the first poll of " + waiting + "\n");
        }
      }
    };
  }
}
