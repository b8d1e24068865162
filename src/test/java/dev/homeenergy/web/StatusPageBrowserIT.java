package dev.homeenergy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.app.Demo;
import dev.homeenergy.app.Exporter;
import dev.homeenergy.app.Families;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.testing.ExternalTool;
import dev.homeenergy.testing.Http;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the status page of the running demo in a real headless Chromium (Debian {@code chromium})
 * and checks what a person sees; the screenshot is kept as {@code target/status-page.png}.
 */
class StatusPageBrowserIT {

  private record BrowserRun(String stdout, List<String> consoleLines) {}

  private static BrowserRun chromium(Path chromium, Path profile, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--enable-logging=stderr",
                "--v=0",
                "--user-data-dir=" + profile,
                "--window-size=1400,1000"));
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
  void aPersonSeesEveryDemoDeviceUpWithItsLiveValues(@TempDir Path dir) throws Exception {
    Path chromium = ExternalTool.require("chromium", "chromium");
    try (Demo demo =
            Demo.start(
                Families.all(),
                new WebConfig("127.0.0.1:0", "/metrics"),
                LogConfig.defaults(),
                Clock.systemUTC());
        Exporter exporter =
            Exporter.start(demo.config(), Families.all().devices(), Clock.systemUTC())) {
      URI page = URI.create("http://127.0.0.1:" + exporter.port() + "/");
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> Http.get(page.resolve("/-/ready")).statusCode() == 200);

      BrowserRun dom = chromium(chromium, dir.resolve("profile"), "--dump-dom", page.toString());

      assertThat(dom.consoleLines()).as("console messages").isEmpty();
      assertThat(dom.stdout())
          .contains("<th>Live values</th>")
          .doesNotContain("<script")
          .doesNotContain("@import")
          .doesNotContainPattern("(src|href)=\"https?://")
          .doesNotContain("url(");
      for (DeviceConfig device : demo.config().devices()) {
        assertThat(row(dom.stdout(), device.name()))
            .as("row of %s", device.name())
            .containsPattern(">(up|down)<");
      }
      for (String steady : List.of("garage", "home-battery", "roof", "barn-roof", "cars")) {
        assertThat(row(dom.stdout(), steady))
            .as("row of %s", steady)
            .contains(">up<")
            .contains(" ago");
      }
      assertThat(row(dom.stdout(), "garage")).containsPattern("vehicle|charging");
      assertThat(dom.stdout())
          .containsPattern("charge \\d+\\.\\d %, site -?\\d+\\.\\d\\d kW")
          .containsPattern("solar \\d+\\.\\d\\d kW, \\d+ inverters?, \\d+ meters?")
          .contains("Fleet API: $");

      Path screenshot = Path.of("target", "status-page.png").toAbsolutePath();
      Files.deleteIfExists(screenshot);
      chromium(
          chromium,
          dir.resolve("profile"),
          "--screenshot=" + screenshot,
          "--hide-scrollbars",
          page.toString());
      assertThat(screenshot).exists();
      assertThat(Files.size(screenshot)).isGreaterThan(10_000);
      byte[] header = new byte[8];
      try (var in = Files.newInputStream(screenshot)) {
        assertThat(in.read(header)).isEqualTo(8);
      }
      assertThat(header).startsWith(0x89, 'P', 'N', 'G');
    }
  }

  private static String row(String html, String device) throws IOException {
    int at = html.indexOf(">" + device + "</a>");
    assertThat(at).as("device %s listed", device).isNotNegative();
    int start = html.lastIndexOf("<tr>", at);
    int end = html.indexOf("</tr>", at);
    return html.substring(start, end);
  }
}
