package dev.homeenergy.testing;

import static org.awaitility.Awaitility.await;

import dev.homeenergy.app.Exporter;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.core.DeviceFamily;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An exporter on a free loopback port plus whatever simulators a test started, all closed together;
 * scrapes {@code /metrics} over real HTTP.
 */
public final class ExporterHarness implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final List<DeviceFamily> families;
  private final List<AutoCloseable> running = new ArrayList<>();
  private Exporter exporter;

  public ExporterHarness(List<DeviceFamily> families) {
    this.families = List.copyOf(families);
  }

  /** Closes {@code closeable} with the harness. */
  public <T extends AutoCloseable> T track(T closeable) {
    running.add(closeable);
    return closeable;
  }

  public Exporter serve(List<DeviceConfig> devices) throws IOException {
    return serve(devices, null);
  }

  /** Serves {@code devices}, keeping device state (sessions) in {@code stateDirectory}. */
  public Exporter serve(List<DeviceConfig> devices, java.nio.file.Path stateDirectory)
      throws IOException {
    exporter =
        Exporter.start(
            new ExporterConfig(
                new WebConfig("127.0.0.1:0", "/metrics"),
                LogConfig.defaults(),
                devices,
                stateDirectory),
            families,
            Clock.systemUTC());
    return exporter;
  }

  public Exposition scrape() {
    return new Exposition(
        Http.get(URI.create("http://127.0.0.1:" + exporter.port() + "/metrics")).body());
  }

  /** Scrapes until {@code condition} holds, failing after 15 s. */
  /** The body of the exporter's status page. */
  public String landingPage() {
    return Http.get(URI.create("http://127.0.0.1:" + exporter.port() + "/")).body();
  }

  public Exposition awaitScrape(Predicate<Exposition> condition) {
    return await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(this::scrape, condition);
  }

  @Override
  public void close() throws Exception {
    if (exporter != null) {
      exporter.close();
    }
    for (AutoCloseable closeable : running) {
      closeable.close();
    }
  }
}
