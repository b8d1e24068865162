package dev.homeenergy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.core.BuildInfo;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.Samples;
import dev.homeenergy.polling.SnapshotStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The landing page rendered from a fixed store and clock: every dynamic value escaped, nothing
 * external.
 */
class LandingPageHandlerTest {
  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00.5Z");
  private static final String HOSTILE = "<script>alert(\"x\")</script>&'";

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
            Clock.fixed(NOW, ZoneOffset.UTC))
        .render();
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
                "solar <1.00> kW & \"more\""));
    store.update(
        HOSTILE,
        status ->
            status.failed(NOW.minusSeconds(7), Duration.ofMillis(3), FailureReason.PARSE, HOSTILE));

    String page = render(store, "/metrics?<x>");

    assertThat(page)
        .startsWith("<!DOCTYPE html>\n")
        .endsWith("</body></html>\n")
        .doesNotContain("<script")
        .doesNotContain("'s'")
        .doesNotContain("<b>")
        .doesNotContain("<1.00>")
        .doesNotContain("{{")
        .doesNotContain("}}")
        .doesNotContainPattern("(src|href)=\"https?://")
        .doesNotContain("url(")
        .doesNotContain("@import")
        .contains("<p>Version 1.2.3&lt;b&gt; (revision abc&quot;def), Java 17&#39;0.</p>")
        .contains("<a href=\"/metrics?&lt;x&gt;\">Metrics</a>")
        .contains("<a href=\"/devices/pending+one/raw\">pending one</a>")
        .contains("<td class=\"pending\">not polled yet</td><td>never</td><td>—</td><td>—</td>")
        .contains("<a href=\"/devices/up%26up/raw\">up&amp;up</a>")
        .contains(
            "<td class=\"up\">up</td><td>2026-12-03T11:59:18Z (42 s ago)</td>"
                + "<td>solar &lt;1.00&gt; kW &amp; &quot;more&quot;</td><td>—</td>")
        .contains("<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</td>")
        .contains(
            "<td class=\"down\">down</td><td>never</td><td>—</td>"
                + "<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39; <small>(2026-12-03T11:59:53Z (7 s ago))</small></td>")
        .contains("<td>http://192.0.2.1:80/?q=a&amp;r=&#39;s&#39;</td>");
  }

  @Test
  void withoutDevicesThePageSaysSo() {
    assertThat(render(new SnapshotStore(List.of()), "/metrics"))
        .contains(
            "<tbody>\n<tr><td colspan=\"7\">No devices configured.</td></tr>\n</tbody></table>")
        .contains("<style>\nbody{font-family:system-ui,sans-serif;");
  }
}
