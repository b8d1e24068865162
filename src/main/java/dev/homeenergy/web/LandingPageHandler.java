package dev.homeenergy.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.homeenergy.core.BuildInfo;
import dev.homeenergy.core.Highlights;
import dev.homeenergy.core.PowerWords;
import dev.homeenergy.polling.DeviceStatus;
import dev.homeenergy.polling.SnapshotStore;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /}: the house at a glance (solar, load, battery, grid, car charging), flags for a grid
 * outage and for devices that need attention, the cars, and every device's health. Any other path
 * that reaches this context is a 404. The markup and style come from the {@code landing*.html}
 * resources, read once when the server starts; the page has no scripts, loads nothing else and fits
 * a phone. Times are shown in the server's zone.
 */
final class LandingPageHandler implements HttpHandler {
  /** Below this, a battery or grid flow is shown as idle: meters read a few watts at rest. */
  static final double IDLE_WATTS = PowerWords.IDLE_WATTS;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss z", Locale.ROOT);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

  private final SnapshotStore store;
  private final BuildInfo build;
  private final String telemetryPath;
  private final Clock clock;
  private final ZoneId zone;
  private final Map<String, String> familyNames;
  private final Templates templates = Templates.load();

  /**
   * @param zone the zone times are shown in (the server's)
   * @param familyNames each device type's family name, e.g. {@code powerwall} → "Tesla Powerwall"
   */
  LandingPageHandler(
      SnapshotStore store,
      BuildInfo build,
      String telemetryPath,
      Clock clock,
      ZoneId zone,
      Map<String, String> familyNames) {
    this.store = store;
    this.build = build;
    this.telemetryPath = telemetryPath;
    this.clock = clock;
    this.zone = zone;
    this.familyNames = Map.copyOf(familyNames);
  }

  /** The page's markup and style, from resources beside this class; read when the server starts. */
  private record Templates(
      HtmlTemplate page,
      HtmlTemplate alert,
      HtmlTemplate tile,
      HtmlTemplate noTiles,
      HtmlTemplate cars,
      HtmlTemplate car,
      HtmlTemplate device,
      HtmlTemplate flag,
      HtmlTemplate lastError,
      HtmlTemplate noDevices) {
    static Templates load() {
      return new Templates(
          load("landing.html"),
          load("landing-alert.html"),
          load("landing-tile.html"),
          load("landing-no-tiles.html"),
          load("landing-cars.html"),
          load("landing-car.html"),
          load("landing-device.html"),
          load("landing-flag.html"),
          load("landing-last-error.html"),
          load("landing-no-devices.html"));
    }

    private static HtmlTemplate load(String name) {
      return HtmlTemplate.load("/dev/homeenergy/web/" + name);
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
    List<DeviceStatus> statuses = store.all();
    HomeSummary summary = HomeSummary.of(statuses, now);
    List<HtmlTemplate.Html> devices = new ArrayList<>();
    for (DeviceStatus status : statuses) {
      devices.add(device(status, now));
    }
    return templates
        .page()
        .render(
            Map.of(
                "updated", when(now, now),
                "zone", zone.getId(),
                "alerts", alerts(summary),
                "tiles", tiles(summary),
                "cars", cars(summary),
                "devices",
                    devices.isEmpty()
                        ? templates.noDevices().render(Map.of())
                        : HtmlTemplate.Html.join(devices),
                "version", Objects.toString(build.version(), ""),
                "revision", Objects.toString(build.revision(), ""),
                "javaVersion", Objects.toString(build.javaVersion(), ""),
                "metrics", telemetryPath))
        .toString();
  }

  private HtmlTemplate.Html alerts(HomeSummary summary) {
    List<HtmlTemplate.Html> alerts = new ArrayList<>();
    if (!summary.islanded().isEmpty()) {
      alerts.add(
          alert(
              "bad",
              "Grid outage",
              "The house is off the grid (islanded) and runs on its battery and solar, as "
                  + String.join(", ", summary.islanded())
                  + " reports."));
    }
    for (HomeSummary.Notice notice : summary.warnings()) {
      alerts.add(alert("warn", notice.device() + " needs attention", notice.text()));
    }
    return HtmlTemplate.Html.join(alerts);
  }

  private HtmlTemplate.Html alert(String level, String title, String text) {
    return templates.alert().render(Map.of("level", level, "title", title, "text", text));
  }

  private HtmlTemplate.Html tiles(HomeSummary summary) {
    if (!summary.anyTile()) {
      return templates.noTiles().render(Map.of());
    }
    List<HtmlTemplate.Html> tiles = new ArrayList<>();
    if (summary.solar() != null) {
      tiles.add(tile("", "Solar now", power(summary.solar().amount()), from(summary.solar())));
    }
    if (summary.load() != null) {
      tiles.add(tile("", "Home load", power(summary.load().amount()), from(summary.load())));
    }
    if (summary.batteryPercent() != null || summary.batteryWatts() != null) {
      tiles.add(battery(summary.batteryPercent(), summary.batteryWatts()));
    }
    if (!summary.islanded().isEmpty()) {
      tiles.add(
          tile("bad", "Grid", "Outage", "off the grid · " + String.join(", ", summary.islanded())));
    } else if (summary.grid() != null) {
      double watts = summary.grid().amount();
      String direction = PowerWords.gridDirection(watts);
      tiles.add(tile("", "Grid", power(Math.abs(watts)), direction + " · " + from(summary.grid())));
    }
    if (summary.charging() != null) {
      double watts = summary.charging().amount();
      String state = watts < IDLE_WATTS ? "not charging · " : "";
      tiles.add(tile("", "Car charging", power(watts), state + from(summary.charging())));
    }
    return HtmlTemplate.Html.join(tiles);
  }

  private HtmlTemplate.Html battery(HomeSummary.Value percent, HomeSummary.Value watts) {
    String direction = "";
    if (watts != null) {
      double w = watts.amount();
      direction = PowerWords.battery(w);
    }
    if (percent == null) {
      return tile("", "Battery", direction, from(watts));
    }
    String detail = direction.isEmpty() ? from(percent) : direction + " · " + from(percent);
    return tile("", "Battery", String.format(Locale.ROOT, "%.0f %%", percent.amount()), detail);
  }

  private HtmlTemplate.Html tile(String level, String label, String value, String detail) {
    return templates
        .tile()
        .render(Map.of("level", level, "label", label, "value", value, "detail", detail));
  }

  private static String from(HomeSummary.Value value) {
    return String.join(", ", value.devices());
  }

  private HtmlTemplate.Html cars(HomeSummary summary) {
    if (summary.cars().isEmpty()) {
      return HtmlTemplate.Html.join(List.of());
    }
    List<HtmlTemplate.Html> cars = new ArrayList<>();
    for (HomeSummary.DeviceCar deviceCar : summary.cars()) {
      Highlights.Car car = deviceCar.car();
      String wake = car.wakefulness().name().toLowerCase(Locale.ROOT);
      cars.add(
          templates
              .car()
              .render(
                  Map.of(
                      "name",
                      car.name(),
                      "wakeClass",
                      wake,
                      "wake",
                      wake,
                      "battery",
                      car.batteryPercent() == null
                          ? notRead(car)
                          : String.format(Locale.ROOT, "%.0f %%", car.batteryPercent()),
                      "range",
                      car.rangeKm() == null
                          ? notRead(car)
                          : String.format(
                              Locale.ROOT,
                              "%.0f km (%.0f mi)",
                              car.rangeKm(),
                              car.rangeKm() / 1.609344),
                      "charging",
                      charging(car),
                      "device",
                      deviceCar.device())));
    }
    return templates.cars().render(Map.of("cars", HtmlTemplate.Html.join(cars)));
  }

  private static String notRead(Highlights.Car car) {
    return car.wakefulness() == Highlights.Wakefulness.AWAKE
        ? "—"
        : "not read while " + car.wakefulness().name().toLowerCase(Locale.ROOT);
  }

  private static String charging(Highlights.Car car) {
    if (car.chargingState() == null) {
      return notRead(car);
    }
    if (car.chargingWatts() != null && car.chargingWatts() > 0) {
      return car.chargingState() + ", " + power(car.chargingWatts());
    }
    return car.chargingState();
  }

  private HtmlTemplate.Html device(DeviceStatus status, Instant now) {
    String name = status.config().name();
    List<String> warnings = status.fresh(now) ? status.highlights().warnings() : List.of();
    List<HtmlTemplate.Html> flags = new ArrayList<>();
    warnings.forEach(text -> flags.add(templates.flag().render(Map.of("text", text))));
    String type = status.config().type();
    return templates
        .device()
        .render(
            Map.of(
                "rawLink", "/devices/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/raw",
                "name", name,
                "family", familyNames.getOrDefault(type, type),
                "upClass", upClass(status, warnings),
                "up", upText(status, warnings),
                "flags", HtmlTemplate.Html.join(flags),
                "address", status.config().address().toString(),
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
                                    when(status.lastErrorAt(), now)))));
  }

  private static String upClass(DeviceStatus status, List<String> warnings) {
    if (!status.polledOnce()) {
      return "pending";
    }
    if (!status.up()) {
      return "down";
    }
    return warnings.isEmpty() ? "up" : "attention";
  }

  private static String upText(DeviceStatus status, List<String> warnings) {
    if (!status.polledOnce()) {
      return "not polled yet";
    }
    if (!status.up()) {
      return "down";
    }
    return warnings.isEmpty() ? "up" : "up, needs attention";
  }

  /** Watts as a person reads them: {@code 640 W}, {@code 4.12 kW}. */
  static String power(double watts) {
    return PowerWords.power(watts);
  }

  /** A local time with its zone, and how long ago; the date only when it is not today. */
  private String when(Instant at, Instant now) {
    if (at == null) {
      return "never";
    }
    ZonedDateTime local = at.atZone(zone);
    boolean today = local.toLocalDate().equals(now.atZone(zone).toLocalDate());
    String time = (today ? TIME : DATE_TIME).format(local);
    if (at.equals(now)) {
      return time;
    }
    return time + " (" + ago(Duration.between(at, now)) + ")";
  }

  private static String ago(Duration elapsed) {
    long seconds = Math.max(0, elapsed.getSeconds());
    if (seconds < 120) {
      return seconds + " s ago";
    }
    if (seconds < 2 * 3600) {
      return seconds / 60 + " min ago";
    }
    if (seconds < 2 * 86_400) {
      return seconds / 3600 + " h ago";
    }
    return seconds / 86_400 + " d ago";
  }
}
