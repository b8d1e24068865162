package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.app.Families;
import dev.homeenergy.testing.Http;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code simulate} starts its day at 08:00 site time like the demo, so solar power is up at once
 * even when the wall clock says site midnight; {@code --start-time} picks another hour or {@code
 * now}.
 */
class SimulateStartTimeTest {
  /** 00:00 at the simulated site (UTC-8). */
  private static final Instant SITE_MIDNIGHT = Instant.parse("2026-06-21T08:00:00Z");

  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d+");

  @Test
  void atSiteMidnightTheDefaultStartHasTheSunUp() throws Exception {
    assertThat(solarKwRightAfterStart()).isPositive();
  }

  @Test
  void startTimeNowKeepsTheWallClockAndItsNight() throws Exception {
    assertThat(solarKwRightAfterStart("--start-time", "now")).isZero();
  }

  @Test
  void startTimePicksTheHour() throws Exception {
    assertThat(solarKwRightAfterStart("--start-time", "23:30")).isZero();
    assertThat(solarKwRightAfterStart("--start-time", "12:00")).isPositive();
  }

  @Test
  void aBadStartTimeIsRefused() {
    Session s = new Session();
    assertThat(s.commandLine.execute("simulate", "sunpower", "--start-time", "8am")).isEqualTo(2);
    assertThat(s.err.toString()).contains("--start-time").contains("HH:MM");
  }

  /** The PVS simulator's inverter output right after {@code simulate sunpower} started. */
  private static double solarKwRightAfterStart(String... options) throws Exception {
    Session s = new Session();
    List<String> args = new ArrayList<>(List.of("simulate", "sunpower", "--device-latency=0s"));
    args.addAll(List.of(options));
    CompletableFuture<Integer> result =
        CompletableFuture.supplyAsync(() -> s.commandLine.execute(args.toArray(String[]::new)));
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> s.out.toString().contains("Press Ctrl-C"));
      Matcher url = URL.matcher(s.out.toString());
      assertThat(url.find()).isTrue();
      JsonNode list =
          new ObjectMapper()
              .readTree(
                  Http.get(URI.create(url.group() + "/cgi-bin/dl_cgi?Command=DeviceList")).body());
      double kw = 0;
      for (JsonNode device : list.get("devices")) {
        if ("Inverter".equals(device.path("DEVICE_TYPE").asText())) {
          kw += Double.parseDouble(device.get("p_3phsum_kw").asText());
        }
      }
      return kw;
    } finally {
      s.stop.countDown();
      assertThat(result.get(10, TimeUnit.SECONDS)).isZero();
    }
  }

  /** A command line whose clock stands at site midnight. */
  private static final class Session {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CountDownLatch stop = new CountDownLatch(1);
    final CommandLine commandLine;

    Session() {
      CliContext context =
          new CliContext(
              Map.of(),
              Families.all(),
              Clock.fixed(SITE_MIDNIGHT, ZoneOffset.UTC),
              stop::await,
              e -> {},
              new BufferedReader(new StringReader("")));
      commandLine = Commands.commandLine(context);
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
    }
  }
}
