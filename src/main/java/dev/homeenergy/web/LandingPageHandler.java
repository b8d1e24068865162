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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /}: what the exporter is, a link to the metrics, and every device's health at a glance.
 * Any other path that reaches this context is a 404. The markup and style come from the {@code
 * landing*.html} resources, read once when the server starts; the page has no scripts and loads
 * nothing else.
 */
final class LandingPageHandler implements HttpHandler {
  private final SnapshotStore store;
  private final BuildInfo build;
  private final String telemetryPath;
  private final Clock clock;
  private final Templates templates = Templates.load();

  LandingPageHandler(SnapshotStore store, BuildInfo build, String telemetryPath, Clock clock) {
    this.store = store;
    this.build = build;
    this.telemetryPath = telemetryPath;
    this.clock = clock;
  }

  /** The page's markup and style, from resources beside this class; read when the server starts. */
  private record Templates(
      HtmlTemplate page, HtmlTemplate deviceRow, HtmlTemplate lastError, HtmlTemplate noDevices) {
    static Templates load() {
      return new Templates(
          HtmlTemplate.load("/dev/homeenergy/web/landing.html"),
          HtmlTemplate.load("/dev/homeenergy/web/landing-device-row.html"),
          HtmlTemplate.load("/dev/homeenergy/web/landing-last-error.html"),
          HtmlTemplate.load("/dev/homeenergy/web/landing-no-devices.html"));
    }
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
    List<HtmlTemplate.Html> rows = new ArrayList<>();
    for (DeviceStatus status : store.all()) {
      String name = status.config().name();
      rows.add(
          templates
              .deviceRow()
              .render(
                  Map.of(
                      "rawLink",
                          "/devices/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/raw",
                      "name", name,
                      "type", status.config().type(),
                      "address", status.config().address().toString(),
                      "upClass", upClass(status),
                      "up", upText(status),
                      "lastSuccess", when(status.lastSuccess(), now),
                      "summary", status.summary() == null ? "—" : status.summary(),
                      "lastError",
                          status.lastError() == null
                              ? "—"
                              : templates
                                  .lastError()
                                  .render(
                                      Map.of(
                                          "error",
                                          status.lastError(),
                                          "at",
                                          when(status.lastErrorAt(), now))))));
    }
    return templates
        .page()
        .render(
            Map.of(
                "version", Objects.toString(build.version(), ""),
                "revision", Objects.toString(build.revision(), ""),
                "javaVersion", Objects.toString(build.javaVersion(), ""),
                "metrics", telemetryPath,
                "rows",
                    rows.isEmpty()
                        ? templates.noDevices().render(Map.of())
                        : HtmlTemplate.Html.join(rows)))
        .toString();
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
