package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.homeenergy.app.Exporter;
import dev.homeenergy.device.wallconnector.sim.WallConnectorSimulator;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.Http;
import dev.homeenergy.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The {@code wallconnector} drop-in logs every request at info, as twc_fetcher.py logged every
 * request, so its users keep the access log at the default level.
 */
class WallConnectorAccessLogTest {

  @Test
  void eachRequestIsLoggedAtInfoWithClientMethodPathAndStatus() throws Exception {
    try (WallConnectorSimulator device =
        WallConnectorSimulator.start(
            new SimulatorOptions(
                "127.0.0.1", 0, "idle", MutableClock.at("2026-11-24T08:00:00Z"), Set.of()))) {
      CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
      CompletableFuture<Integer> result =
          run.executeInBackground(
              "wallconnector", device.baseUri().getAuthority(), "-p", "0", "-b", "127.0.0.1");
      Exporter exporter =
          await().atMost(Duration.ofSeconds(10)).until(run.serving::get, e -> e != null);
      Logger access = (Logger) LoggerFactory.getLogger("access");
      ListAppender<ILoggingEvent> lines = new ListAppender<>();
      lines.start();
      access.addAppender(lines);
      try {
        assertThat(access.isInfoEnabled()).isTrue();
        Http.get(URI.create("http://127.0.0.1:" + exporter.port() + "/metrics"));
        Http.get(URI.create("http://127.0.0.1:" + exporter.port() + "/favicon.ico"));
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.list.size() >= 2);
        assertThat(lines.list).extracting(ILoggingEvent::getLevel).containsOnly(Level.INFO);
        assertThat(lines.list)
            .extracting(ILoggingEvent::getFormattedMessage)
            .anySatisfy(line -> assertThat(line).startsWith("127.0.0.1 GET /metrics 200 "))
            .anySatisfy(line -> assertThat(line).startsWith("127.0.0.1 GET /favicon.ico 404 "));
      } finally {
        access.detachAppender(lines);
      }
      run.stop.countDown();
      assertThat(result.get(10, TimeUnit.SECONDS)).isZero();
    }
  }
}
