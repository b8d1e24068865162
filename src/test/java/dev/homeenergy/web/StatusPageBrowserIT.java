package dev.homeenergy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.homeenergy.app.Demo;
import dev.homeenergy.app.Exporter;
import dev.homeenergy.app.Families;
import dev.homeenergy.app.Family;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.simulator.ScaledClock;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.ExternalTool;
import dev.homeenergy.testing.Http;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the status page of the running demo, plus two gateways in trouble (one islanded, one with
 * its sitemaster stopped), in a real headless Chromium (Debian {@code chromium}) at a desktop and a
 * phone width, and checks what a person sees: the summary, the flags, the cars, every device with
 * its family name, and no horizontal scrolling on the phone. The screenshots are kept as {@code
 * target/status-page-desktop.png} and {@code target/status-page-phone.png}.
 */
class StatusPageBrowserIT {
  private static final int DESKTOP = 1280;
  private static final int PHONE = 390;

  /**
   * A test-only page that frames the status page at a given width and writes, after loading, how
   * wide the framed document is and which of its elements reach past its right edge. It is served
   * from the same origin as the status page (a relay in front of the exporter), so it may look into
   * the frame; the status page itself stays free of scripts.
   */
  private static final String MEASURE =
      """
      <!DOCTYPE html><html><body style="margin:0">
      <iframe id="page" src="/" style="width:%dpx;height:12000px;border:0"></iframe>
      <script>
      window.addEventListener('load', function () {
        var doc = document.getElementById('page').contentDocument;
        var width = doc.documentElement.clientWidth;
        var wide = [];
        doc.querySelectorAll('body *').forEach(function (e) {
          var r = e.getBoundingClientRect();
          if (r.right > width + 0.5 || r.left < -0.5) {
            wide.push(e.tagName.toLowerCase() + '.' + e.className + ' right=' + Math.round(r.right));
          }
        });
        var out = document.createElement('pre');
        out.id = 'measured';
        out.textContent = 'scrollWidth=' + doc.documentElement.scrollWidth
            + ' clientWidth=' + width + ' elements=' + doc.querySelectorAll('body *').length
            + '\\n' + wide.join('\\n');
        document.body.appendChild(out);
      });
      </script></body></html>
      """;

  private static final Pattern MEASURED =
      Pattern.compile("scrollWidth=(\\d+) clientWidth=(\\d+) elements=(\\d+)\\n?([^<]*)</pre>");

  private record BrowserRun(String stdout, List<String> consoleLines) {}

  private record Measured(int scrollWidth, int clientWidth, int elements, String overflowing) {}

  private static BrowserRun chromium(
      Path chromium, Path profile, int width, int height, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--enable-logging=stderr",
                "--v=0",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
    Path err = Files.createTempFile(profile.getParent(), "chromium", ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish within 90 s: " + Files.readString(err));
    }
    assertThat(process.exitValue())
        .as("chromium exit status; stderr: %s", Files.readString(err))
        .isZero();
    List<String> console =
        Files.readAllLines(err, StandardCharsets.UTF_8).stream()
            .filter(line -> line.contains(":CONSOLE"))
            .toList();
    return new BrowserRun(Files.readString(out), console);
  }

  @Test
  void aPersonSeesTheHouseTheFlagsTheCarsAndEveryDeviceAtDesktopAndPhoneWidths(@TempDir Path dir)
      throws Exception {
    Path chromium = ExternalTool.require("chromium", "chromium");
    Families families = Families.all();
    Family powerwall = families.byType("powerwall").orElseThrow();
    try (Demo demo =
            Demo.start(
                families,
                new WebConfig("127.0.0.1:0", "/metrics"),
                LogConfig.defaults(),
                Clock.systemUTC());
        Simulator outage = gateway(powerwall, "grid-outage");
        Simulator stopped = gateway(powerwall, "sitemaster-stopped")) {
      List<DeviceConfig> devices = new ArrayList<>(demo.config().devices());
      DeviceConfig homeBattery =
          devices.stream().filter(d -> d.name().equals("home-battery")).findFirst().orElseThrow();
      devices.add(like(homeBattery, "outage-gateway", outage.baseUri()));
      devices.add(like(homeBattery, "stopped-gateway", stopped.baseUri()));
      ExporterConfig config =
          new ExporterConfig(
              demo.config().web(), demo.config().log(), devices, demo.config().stateDirectory());
      try (Exporter exporter = Exporter.start(config, families.devices(), Clock.systemUTC());
          Relay relay = Relay.start(URI.create("http://127.0.0.1:" + exporter.port() + "/"))) {
        URI page = URI.create("http://127.0.0.1:" + exporter.port() + "/");
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    Http.get(page.resolve("/-/ready")).statusCode() == 200
                        && Http.get(page).body().contains("Grid outage")
                        && Http.get(page).body().contains("Solar now"));

        BrowserRun dom =
            chromium(
                chromium, dir.resolve("profile"), DESKTOP, 1000, "--dump-dom", page.toString());
        String html = dom.stdout();
        assertThat(dom.consoleLines()).as("console messages").isEmpty();
        assertThat(html)
            .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .doesNotContain("<script")
            .doesNotContain("@import")
            .doesNotContainPattern("(src|href)=\"(https?:)?//")
            .doesNotContain("url(")
            .contains("times in " + ZoneId.systemDefault().getId())
            .containsPattern("<div class=\"label\">Solar now</div><div class=\"value\">\\d")
            .containsPattern("<div class=\"label\">Home load</div><div class=\"value\">\\d")
            .containsPattern("<div class=\"label\">Battery</div><div class=\"value\">\\d+ %</div>")
            .contains("<div class=\"label\">Grid</div><div class=\"value\">Outage</div>")
            .containsPattern("<div class=\"label\">Car charging</div><div class=\"value\">\\d")
            .contains("<strong>Grid outage</strong>")
            .contains("off the grid (islanded)")
            .contains("<strong>stopped-gateway needs attention</strong>Sitemaster stopped")
            .contains("<h2>Cars</h2>")
            .containsPattern("Simulated Car 1</span><span class=\"badge (awake|asleep)\">")
            .containsPattern("<dt>Range</dt><dd>\\d+ km \\(\\d+ mi\\)</dd>");
        for (DeviceConfig device : devices) {
          String card = card(html, device.name());
          DeviceFamily family = families.byType(device.type()).orElseThrow().device();
          assertThat(card)
              .as("card of %s", device.name())
              .contains("<div class=\"family\">" + Responses.html(family.displayName()) + "</div>")
              .containsPattern("class=\"badge (up|down|attention)\"");
        }
        for (String steady : List.of("garage", "home-battery", "roof", "barn-roof", "cars")) {
          assertThat(card(html, steady))
              .as("card of %s", steady)
              .contains(">up<")
              .containsPattern(
                  "<dt>Last success</dt><dd>\\d\\d:\\d\\d:\\d\\d \\S+ \\(\\d+ s ago\\)");
        }
        assertThat(card(html, "stopped-gateway"))
            .contains("<span class=\"badge attention\">up, needs attention</span>")
            .contains("<p class=\"flag\">Sitemaster stopped");

        for (int width : List.of(DESKTOP, PHONE)) {
          Measured measured = measure(chromium, dir.resolve("profile"), relay, width);
          assertThat(measured.elements()).as("elements seen in the frame").isGreaterThan(100);
          assertThat(measured.clientWidth()).as("frame width").isEqualTo(width);
          assertThat(measured.scrollWidth())
              .as(
                  "document width at %d px; reaching past the edge: %s",
                  width, measured.overflowing())
              .isLessThanOrEqualTo(width);
          assertThat(measured.overflowing()).as("elements past the edge at %d px", width).isEmpty();
        }

        Path desktop = screenshot(chromium, dir, page, "status-page-desktop.png", DESKTOP, 1500);
        Path phone = screenshot(chromium, dir, page, "status-page-phone.png", PHONE, 3600);
        for (Path png : List.of(desktop, phone)) {
          assertRightMarginIsBackground(png);
        }
      }
    }
  }

  private static Simulator gateway(Family powerwall, String scenario) throws IOException {
    return powerwall
        .simulator()
        .start(
            new SimulatorOptions(
                "127.0.0.1", 0, scenario, new ScaledClock(Clock.systemUTC(), 60), Set.of()));
  }

  private static DeviceConfig like(DeviceConfig model, String name, URI address) {
    return new DeviceConfig(
        name,
        model.type(),
        address,
        model.interval(),
        model.timeout(),
        model.staleAfter(),
        model.naming(),
        model.extra());
  }

  private static Measured measure(Path chromium, Path profile, Relay relay, int width)
      throws Exception {
    String html =
        chromium(
                chromium,
                profile,
                width + 40,
                1000,
                "--dump-dom",
                relay.base().resolve("/measure?width=" + width).toString())
            .stdout();
    Matcher m = MEASURED.matcher(html);
    assertThat(m.find()).as("measurement in %s", html).isTrue();
    return new Measured(
        Integer.parseInt(m.group(1)),
        Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)),
        m.group(4).strip());
  }

  private static Path screenshot(
      Path chromium, Path dir, URI page, String name, int width, int height) throws Exception {
    Path png = Path.of("target", name).toAbsolutePath();
    Files.deleteIfExists(png);
    chromium(
        chromium, dir.resolve("profile"), width, height, "--screenshot=" + png, page.toString());
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("%s is a PNG", png).isNotNull();
    assertThat(image.getWidth()).as("%s width", png).isEqualTo(width);
    return png;
  }

  /**
   * The page keeps a margin on the right, so the last columns of the screenshot are background from
   * top to bottom; anything reaching past the window's edge (a table, a long address, a card) is
   * cut off there and shows up in those columns.
   */
  private static void assertRightMarginIsBackground(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    int background = image.getRGB(image.getWidth() - 1, 0);
    int columns = 6;
    int cardsSeen = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = image.getWidth() - columns; x < image.getWidth(); x++) {
        assertThat(Integer.toHexString(image.getRGB(x, y)))
            .as("%s pixel (%d, %d), right margin", png.getFileName(), x, y)
            .isEqualTo(Integer.toHexString(background));
      }
      int inside = image.getRGB(image.getWidth() / 2, y);
      if (inside != background) {
        cardsSeen++;
      }
    }
    assertThat(cardsSeen).as("%s rows with content", png.getFileName()).isGreaterThan(200);
  }

  private static String card(String html, String device) {
    int at = html.indexOf(">" + device + "</a>");
    assertThat(at).as("device %s listed", device).isNotNegative();
    int start = html.lastIndexOf("<article", at);
    int end = html.indexOf("</article>", at);
    return html.substring(start, end);
  }

  /**
   * A loopback server relaying {@code /} to the exporter and serving the measuring page, so both
   * share one origin.
   */
  private record Relay(HttpServer server, URI base) implements AutoCloseable {
    static Relay start(URI exporter) throws IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
      server.createContext(
          "/",
          exchange -> {
            byte[] body;
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/measure")) {
              int width =
                  Integer.parseInt(exchange.getRequestURI().getQuery().replace("width=", ""));
              body = MEASURE.formatted(width).getBytes(StandardCharsets.UTF_8);
            } else if (path.equals("/")) {
              body = Http.getBytes(exporter).body();
            } else {
              exchange.sendResponseHeaders(404, -1);
              exchange.close();
              return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
      return new Relay(server, URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
