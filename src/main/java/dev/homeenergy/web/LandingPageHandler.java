package dev.homeenergy.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.homeenergy.core.BuildInfo;
import dev.homeenergy.polling.DeviceStatus;
import dev.homeenergy.polling.SnapshotStore;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code /}: what the exporter is, a link to the metrics, and every device's health at a glance.
 * Any other path that reaches this context is a 404.
 */
final class LandingPageHandler implements HttpHandler {
  private final SnapshotStore store;
  private final BuildInfo build;
  private final String telemetryPath;
  private final Clock clock;

  LandingPageHandler(SnapshotStore store, BuildInfo build, String telemetryPath, Clock clock) {
    this.store = store;
    this.build = build;
    this.telemetryPath = telemetryPath;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals("/")) {
      Responses.notFound(exchange);
      return;
    }
    if (Responses.allowGetOrHead(exchange)) {
      Responses.send(exchange, 200, "text/html; charset=utf-8", render());
    }
  }

  String render() {
    Instant now = clock.instant();
    StringBuilder rows = new StringBuilder();
    for (DeviceStatus status : store.all()) {
      String name = status.config().name();
      String rawLink = "/devices/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/raw";
      rows.append("<tr>")
          .append("<td><a href=\"").append(Responses.html(rawLink)).append("\">")
          .append(Responses.html(name)).append("</a></td>")
          .append("<td>").append(Responses.html(status.config().type())).append("</td>")
          .append("<td>").append(Responses.html(status.config().address().toString())).append("</td>")
          .append("<td class=\"").append(upClass(status)).append("\">").append(upText(status)).append("</td>")
          .append("<td>").append(when(status.lastSuccess(), now)).append("</td>")
          .append("<td>").append(status.summary() == null ? "—" : Responses.html(status.summary())).append("</td>")
          .append("<td>").append(status.lastError() == null ? "—"
              : Responses.html(status.lastError()) + " <small>(" + when(status.lastErrorAt(), now) + ")</small>")
          .append("</td></tr>\n");
    }
    String telemetry = Responses.html(telemetryPath);
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="15"><title>home-energy-exporter</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:2em;max-width:72em;color:#222}
        table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}
        .up{color:#070;font-weight:bold}.down{color:#b00;font-weight:bold}.pending{color:#777}
        </style></head><body>
        <h1>home-energy-exporter</h1>
        <p>Version %s (revision %s), Java %s.</p>
        <p><a href="%s">Metrics</a> · <a href="/-/healthy">Health</a> · <a href="/-/ready">Readiness</a> · <a href="/sd">Targets (http_sd)</a></p>
        <h2>Devices</h2>
        <table><thead><tr><th>Name</th><th>Type</th><th>Address</th><th>Up</th><th>Last success</th><th>Live values</th><th>Last error</th></tr></thead>
        <tbody>
        %s</tbody></table>
        <p>Click a device name for its last raw responses. One device's metrics alone: <code>/probe?target=NAME</code>.</p>
        </body></html>
        """.formatted(Responses.html(build.version()), Responses.html(build.revision()),
            Responses.html(build.javaVersion()), telemetry,
            rows.length() == 0 ? "<tr><td colspan=\"7\">No devices configured.</td></tr>\n" : rows);
  }

  private static String upClass(DeviceStatus status) {
    return !status.polledOnce() ? "pending" : status.up() ? "up" : "down";
  }

  private static String upText(DeviceStatus status) {
    return !status.polledOnce() ? "not polled yet" : status.up() ? "up" : "down";
  }

  private static String when(Instant at, Instant now) {
    if (at == null) {
      return "never";
    }
    long seconds = Math.max(0, Duration.between(at, now).getSeconds());
    return at.truncatedTo(ChronoUnit.SECONDS) + " (" + seconds + " s ago)";
  }
}
