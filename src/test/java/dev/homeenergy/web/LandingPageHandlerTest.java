package dev.homeenergy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.core.BuildInfo;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.Highlights;
import dev.homeenergy.core.Samples;
import dev.homeenergy.polling.SnapshotStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The status page rendered from a fixed store, clock and zone: the summary tiles, flags and cars
 * from the devices' highlights, family names, local times, every dynamic value escaped, nothing
 * external.
 */
class LandingPageHandlerTest {
  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00.5Z");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String HOSTILE = "<script>alert(\"x\")</script>&'";
  private static final Map<String, String> FAMILIES =
      Map.of("gateway", "Tesla Powerwall", "charger", "Wall Connector", "fleet", "Tesla cars");

  private static DeviceConfig device(String name, String type) {
    return new DeviceConfig(
        name,
        type,
        URI.create("http://192.0.2.1:80/?q=a&r='s'"),
        Duration.ofSeconds(10),
        Duration.ofSeconds(5),
        Duration.ofMinutes(5),
        NamingStyle.NATIVE,
        Map.of());
  }

  private static String render(SnapshotStore store, String telemetryPath) {
    return new LandingPageHandler(
            store,
            new BuildInfo("1.2.3<b>", "abc\"def", "17'0"),
            telemetryPath,
            Clock.fixed(NOW, ZoneOffset.UTC),
            BERLIN,
            FAMILIES)
        .render();
  }

  private static void succeeded(
      SnapshotStore store, String name, long secondsAgo, Highlights highlights) {
    store.update(
        name,
        status ->
            status.succeeded(
                NOW.minusSeconds(secondsAgo),
                Duration.ofMillis(3),
                Samples.empty(),
                List.of(),
                null,
                highlights));
  }

  @Test
  void everyDynamicValueIsEscapedAndThePageLoadsNothingExternal() {
    SnapshotStore store =
        new SnapshotStore(
            List.of(
                device("pending one", "fake"), device("up&up", "fake"), device(HOSTILE, HOSTILE)));
    store.update(
        "up&up",
        status ->
            status.succeeded(
                NOW.minusSeconds(42),
                Duration.ofMillis(3),
                Samples.empty(),
                List.of(),
                "solar <1.00> kW & \"more\"",
                Highlights.builder().warning("<b>stopped</b>").build()));
    store.update(
        HOSTILE,
        status ->
            status.failed(NOW.minusSeconds(7), Duration.ofMillis(3), FailureReason.PARSE, HOSTILE));

    String page = render(store, "/metrics?<x>");

    assertThat(page)
        .startsWith("<!DOCTYPE html>\n")
        .endsWith("</main></body></html>\n")
        .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .doesNotContain("<script")
        .doesNotContain("'s'")
        .doesNotContain("<b>")
        .doesNotContain("<1.00>")
        .doesNotContain("{{")
        .doesNotContain("}}")
        .doesNotContainPattern("(src|href)=\"(https?:)?//")
        .doesNotContain("url(")
        .doesNotContain("@import")
        .contains(
            "<p>home-energy-exporter 1.2.3&lt;b&gt; (revision abc&quot;def), Java 17&#39;0.</p>")
        .contains("<a href=\"/metrics?&lt;x&gt;\">Metrics</a>")
        .contains("Updated 13:00:00 CET · refreshes every 15 s · times in Europe/Berlin")
        .contains("<a class=\"name\" href=\"/devices/pending+one/raw\">pending one</a>")
        .contains("<span class=\"badge pending\">not polled yet</span>")
        .contains("<dt>Last success</dt><dd>never</dd>")
        .contains("<a class=\"name\" href=\"/devices/up%26up/raw\">up&amp;up</a>")
        .contains("<span class=\"badge attention\">up, needs attention</span>")
        .contains("<p class=\"flag\">&lt;b&gt;stopped&lt;/b&gt;</p>")
        .contains("<strong>up&amp;up needs attention</strong>&lt;b&gt;stopped&lt;/b&gt;")
        .contains("<dt>Last success</dt><dd>12:59:18 CET (42 s ago)</dd>")
        .contains("<dd>solar &lt;1.00&gt; kW &amp; &quot;more&quot;</dd>")
        .contains(
            "<div class=\"family\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</div>")
        .contains("<span class=\"badge down\">down</span>")
        .contains(
            "<dt>Last error</dt><dd>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;"
                + " <small>(12:59:53 CET (7 s ago))</small></dd>")
        .contains("<dd>http://192.0.2.1:80/?q=a&amp;r=&#39;s&#39;</dd>")
        .contains("No configured device reports live power values yet.");
  }

  @Test
  void withoutDevicesThePageSaysSo() {
    assertThat(render(new SnapshotStore(List.of()), "/metrics"))
        .contains("<p class=\"device\">No devices configured.</p>")
        .doesNotContain("<h2>Cars</h2>")
        .contains("<style>\n:root{color-scheme:light dark;");
  }

  @Test
  void theSummaryShowsTilesFlagsCarsAndFamilyNames() {
    SnapshotStore store =
        new SnapshotStore(
            List.of(
                device("home", "gateway"),
                device("stopped", "gateway"),
                device("garage", "charger"),
                device("cars", "fleet")));
    succeeded(
        store,
        "home",
        3,
        Highlights.builder()
            .solarWatts(4120.0)
            .loadWatts(640.0)
            .batteryPercent(76.4)
            .batteryWatts(-1200.0)
            .gridWatts(-2300.0)
            .islanded(false)
            .build());
    succeeded(
        store,
        "stopped",
        4,
        Highlights.builder().warning("Sitemaster stopped: no live values.").build());
    succeeded(store, "garage", 5, Highlights.builder().chargingWatts(7400.0).build());
    succeeded(
        store,
        "cars",
        6,
        Highlights.builder()
            .car(
                new Highlights.Car(
                    "Red", 80.0, 400.0, "Charging", 7200.0, Highlights.Wakefulness.AWAKE))
            .car(new Highlights.Car("Blue", null, null, null, null, Highlights.Wakefulness.ASLEEP))
            .build());

    String page = render(store, "/metrics");

    assertThat(page)
        .contains(
            "<div class=\"tile \"><div class=\"label\">Solar now</div>"
                + "<div class=\"value\">4.12 kW</div><div class=\"detail\">home</div></div>")
        .contains("<div class=\"label\">Home load</div><div class=\"value\">640 W</div>")
        .contains(
            "<div class=\"label\">Battery</div><div class=\"value\">76 %</div>"
                + "<div class=\"detail\">charging 1.20 kW · home</div>")
        .contains(
            "<div class=\"label\">Grid</div><div class=\"value\">2.30 kW</div>"
                + "<div class=\"detail\">exporting · home</div>")
        .contains(
            "<div class=\"label\">Car charging</div><div class=\"value\">7.40 kW</div>"
                + "<div class=\"detail\">garage</div>")
        .doesNotContain("Grid outage")
        .contains(
            "<div class=\"alert warn\" role=\"alert\"><strong>stopped needs attention</strong>"
                + "Sitemaster stopped: no live values.</div>")
        .contains("<span class=\"badge attention\">up, needs attention</span>")
        .contains("<div class=\"family\">Tesla Powerwall</div>")
        .contains("<div class=\"family\">Wall Connector</div>")
        .doesNotContain("<div class=\"family\">gateway</div>")
        .contains("<h2>Cars</h2>")
        .contains(
            "<span class=\"name\">Red</span><span class=\"badge awake\">awake</span></div>\n"
                + "<dl><dt>Battery</dt><dd>80 %</dd><dt>Range</dt><dd>400 km (249 mi)</dd>"
                + "<dt>Charging</dt><dd>Charging, 7.20 kW</dd></dl>")
        .contains(
            "<span class=\"name\">Blue</span><span class=\"badge asleep\">asleep</span></div>\n"
                + "<dl><dt>Battery</dt><dd>not read while asleep</dd>");
  }

  @Test
  void anIslandedSiteIsFlaggedAtTheTopAndInTheGridTile() {
    SnapshotStore store = new SnapshotStore(List.of(device("home", "gateway")));
    succeeded(
        store,
        "home",
        3,
        Highlights.builder().gridWatts(0.0).batteryWatts(900.0).islanded(true).build());

    assertThat(render(store, "/metrics"))
        .contains("<div class=\"alert bad\" role=\"alert\"><strong>Grid outage</strong>")
        .contains("off the grid (islanded)")
        .contains(
            "<div class=\"tile bad\"><div class=\"label\">Grid</div><div class=\"value\">Outage"
                + "</div><div class=\"detail\">off the grid · home</div></div>")
        .contains("<div class=\"value\">discharging 900 W</div>");
  }

  @Test
  void aDeviceWithoutSolarGivesNoSolarTileAndAnOldSuccessShowsItsDate() {
    SnapshotStore store = new SnapshotStore(List.of(device("garage", "charger")));
    store.update(
        "garage",
        status ->
            status.succeeded(
                NOW.minus(Duration.ofMinutes(4)),
                Duration.ofMillis(3),
                Samples.empty(),
                List.of(),
                null,
                Highlights.builder().chargingWatts(3.0).build()));

    assertThat(render(store, "/metrics"))
        .doesNotContain("Solar now")
        .doesNotContain("Home load")
        .doesNotContain(">Battery<")
        .doesNotContain(">Grid<")
        .contains(
            "<div class=\"label\">Car charging</div><div class=\"value\">3 W</div>"
                + "<div class=\"detail\">not charging · garage</div>")
        .contains("<dt>Last success</dt><dd>12:56:00 CET (4 min ago)</dd>");
  }
}
