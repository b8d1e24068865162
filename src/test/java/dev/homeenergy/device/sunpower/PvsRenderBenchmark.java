package dev.homeenergy.device.sunpower;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.core.BuildInfo;
import dev.homeenergy.core.Samples;
import dev.homeenergy.device.sunpower.sim.PvsModel;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulatorIdentity;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulatorLegacyBodies;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulatorSettings;
import dev.homeenergy.polling.ExporterCollector;
import dev.homeenergy.polling.SnapshotStore;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one poll and one scrape of a large PVS cost the exporter, on a simulated midday DeviceList
 * of {@code inverters} microinverters (plus the supervisor and two meters): {@link #parse} turns
 * the body into a reading, {@link #render} maps the reading to samples under the native naming,
 * {@link #pollToSamples} does both (the poller's work), {@link #collect} builds the collector's
 * snapshots, {@link #writeText} builds them and writes the text exposition (a scrape's work), and
 * {@link #pollAndScrape} all of it. Run by {@code bench/jmh/run.sh}; not a test (surefire runs
 * {@code *Test} and {@code *IT} only).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PvsRenderBenchmark {
  private static final Instant MIDDAY = Instant.parse("2026-06-21T20:00:00Z");

  @Param({"500"})
  public int inverters;

  private final SunpowerFamily family = new SunpowerFamily();
  private SunpowerResponses responses;
  private SunpowerReading reading;
  private DeviceConfig config;
  private ExporterCollector collector;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 21);

  @Setup
  public void setUp() throws Exception {
    PvsModel model = new PvsModel(MIDDAY, inverters);
    String deviceList =
        new SunpowerSimulatorLegacyBodies(
                new SunpowerSimulatorIdentity(SunpowerSimulatorSettings.DEFAULT_SERIAL, false))
            .deviceList(model.snapshot(), MIDDAY, Duration.ZERO, false, Set.of());
    responses =
        new SunpowerResponses(
            SunpowerApi.DL_CGI, deviceList, null, null, Map.of(), null, List.of());
    config =
        new DeviceConfig(
            "roof",
            SunpowerFamily.TYPE,
            URI.create("http://127.0.0.1:80"),
            Duration.ofSeconds(120),
            Duration.ofSeconds(60),
            Duration.ofSeconds(600),
            NamingStyle.NATIVE,
            Map.of());
    reading = SunpowerReading.parse(responses);
    if (reading.inverters().size() != inverters) {
      throw new IllegalStateException(
          "parsed " + reading.inverters().size() + " inverters, not " + inverters);
    }
    Samples samples = family.render(reading, config);
    SnapshotStore store = new SnapshotStore(List.of(config));
    store.update(config.name(), status -> status.succeeded(MIDDAY, Duration.ofMillis(5), samples));
    collector =
        new ExporterCollector(
            store,
            Clock.fixed(MIDDAY, ZoneOffset.UTC),
            new BuildInfo("bench", "bench", System.getProperty("java.version")));
  }

  @Benchmark
  public SunpowerReading parse() throws Exception {
    return SunpowerReading.parse(responses);
  }

  @Benchmark
  public Samples render() {
    return family.render(reading, config);
  }

  @Benchmark
  public Samples pollToSamples() throws Exception {
    return family.render(SunpowerReading.parse(responses), config);
  }

  @Benchmark
  public MetricSnapshots collect() {
    return collector.collect();
  }

  @Benchmark
  public int writeText() throws IOException {
    out.reset();
    MetricSnapshots snapshots = collector.collect();
    writer.write(out, snapshots);
    return out.size();
  }

  @Benchmark
  public int pollAndScrape() throws Exception {
    Samples samples = family.render(SunpowerReading.parse(responses), config);
    SnapshotStore store = new SnapshotStore(List.of(config));
    store.update(config.name(), status -> status.succeeded(MIDDAY, Duration.ofMillis(5), samples));
    out.reset();
    writer.write(
        out,
        new ExporterCollector(
                store, Clock.fixed(MIDDAY, ZoneOffset.UTC), new BuildInfo("bench", "bench", "17"))
            .collect());
    return out.size();
  }
}
