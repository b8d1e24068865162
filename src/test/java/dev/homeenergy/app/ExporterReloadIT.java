package dev.homeenergy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.config.ConfigException;
import dev.homeenergy.config.ConfigProblem;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.core.Namings;
import dev.homeenergy.core.Reading;
import dev.homeenergy.testing.Exposition;
import dev.homeenergy.testing.FakeFamily;
import dev.homeenergy.testing.Http;
import dev.homeenergy.testing.LogCapture;
import dev.homeenergy.web.ConfigReload;
import dev.homeenergy.web.WebServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A running exporter reloading its config in process: the device list is diffed and applied without
 * touching unchanged devices, an invalid config changes nothing, and {@code /-/reload} answers as
 * Prometheus does.
 */
class ExporterReloadIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration FAST = Duration.ofMillis(50);

  private final FakeFamily fake = new FakeFamily();
  private final CountingFamily family = new CountingFamily(fake);
  private final AtomicReference<Object> next = new AtomicReference<>();
  private Exporter exporter;

  /** The fake family, counting the clients it creates and closes per device. */
  private record CountingFamily(
      FakeFamily fake, Map<String, AtomicInteger> created, Map<String, AtomicInteger> closed)
      implements DeviceFamily {
    CountingFamily(FakeFamily fake) {
      this(fake, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    int created(String device) {
      return created.computeIfAbsent(device, d -> new AtomicInteger()).get();
    }

    int closed(String device) {
      return closed.computeIfAbsent(device, d -> new AtomicInteger()).get();
    }

    @Override
    public DeviceTypeSpec spec() {
      return fake.spec();
    }

    @Override
    public String displayName() {
      return fake.displayName();
    }

    @Override
    public Device create(DeviceConfig config, DeviceContext context) {
      created.computeIfAbsent(config.name(), d -> new AtomicInteger()).incrementAndGet();
      Device device = fake.create(config, context);
      return new Device() {
        @Override
        public Reading poll() throws dev.homeenergy.core.PollException {
          return device.poll();
        }

        @Override
        public void close() {
          closed.computeIfAbsent(config.name(), d -> new AtomicInteger()).incrementAndGet();
        }
      };
    }

    @Override
    public Namings<? extends Reading> namings() {
      return fake.namings();
    }
  }

  @AfterEach
  void stop() {
    if (exporter != null) {
      exporter.close();
    }
  }

  private static DeviceConfig device(String name, Duration interval) {
    return FakeFamily.device(name, interval, Duration.ofSeconds(1), Duration.ofMinutes(1));
  }

  private static ExporterConfig config(String listenAddress, DeviceConfig... devices) {
    return new ExporterConfig(
        new WebConfig(listenAddress, "/metrics"), LogConfig.defaults(), List.of(devices));
  }

  private void start(boolean lifecycleApi, DeviceConfig... devices) throws Exception {
    ExporterConfig config = config("127.0.0.1:0", devices);
    next.set(config);
    ConfigSource source =
        () -> {
          Object value = next.get();
          if (value instanceof ConfigException e) {
            throw e;
          }
          return (ExporterConfig) value;
        };
    exporter =
        Exporter.start(
            config,
            List.of(family),
            Clock.systemUTC(),
            null,
            WebServer.Options.DEFAULTS,
            new Exporter.Reloading(source, lifecycleApi));
  }

  private Exposition scrape() {
    return new Exposition(Http.get(exporter.localUri().resolve("/metrics")).body());
  }

  private static String polls(String device) {
    return "home_energy_exporter_device_polls_total{device=\"" + device + "\",type=\"fake\"}";
  }

  private double pollsOf(String device) {
    return scrape().value(polls(device)).orElse(-1);
  }

  private HttpResponse<String> post(String path) {
    return Http.send(
        HttpRequest.newBuilder(exporter.localUri().resolve(path))
            .timeout(WAIT)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  @Test
  void aReloadStartsAddedAndChangedDevicesStopsRemovedOnesAndLeavesTheRestAlone() throws Exception {
    start(false, device("kept", FAST), device("gone", FAST), device("moved", FAST));
    await().atMost(WAIT).until(() -> pollsOf("kept") >= 3 && pollsOf("moved") >= 3);
    double keptBefore = pollsOf("kept");

    DeviceConfig moved = device("moved", Duration.ofMillis(60));
    next.set(config("127.0.0.1:0", device("added", FAST), device("kept", FAST), moved));
    ConfigReload.Result result = exporter.reload("test");

    assertThat(result.applied()).isTrue();
    assertThat(result.lines())
        .containsExactly(
            "config reloaded: added [added], removed [gone], changed [moved], unchanged [kept]");
    assertThat(family.created("kept")).isEqualTo(1);
    assertThat(family.closed("kept")).isZero();
    assertThat(family.closed("gone")).isEqualTo(1);
    assertThat(family.created("moved")).isEqualTo(2);
    assertThat(family.closed("moved")).isEqualTo(1);
    assertThat(family.created("added")).isEqualTo(1);
    assertThat(exporter.store().get("gone")).isEmpty();
    assertThat(exporter.store().get("moved").orElseThrow().config()).isEqualTo(moved);
    assertThat(exporter.store().devices())
        .extracting(DeviceConfig::name)
        .containsExactly("added", "kept", "moved");

    Exposition after =
        await().atMost(WAIT).until(this::scrape, m -> m.value(polls("added")).orElse(0) >= 2);
    assertThat(after.value(polls("kept")).orElseThrow())
        .as("the unchanged device's counter went on")
        .isGreaterThanOrEqualTo(keptBefore);
    assertThat(after.text()).doesNotContain("device=\"gone\"");
    assertThat(after.value("home_energy_exporter_config_last_reload_successful")).hasValue(1);
    int gonePolls = fake.polls("gone");
    await().atMost(WAIT).until(() -> fake.polls("added") >= gonePolls + 3);
    assertThat(fake.polls("gone"))
        .as("the removed device is no longer polled")
        .isEqualTo(gonePolls);
    assertThat(Http.get(exporter.localUri().resolve("/sd")).body())
        .contains("\"added\"", "\"kept\"", "\"moved\"")
        .doesNotContain("\"gone\"");
  }

  @Test
  void anInvalidConfigChangesNothingAndIsLoggedWithEveryProblemAndItsLine() throws Exception {
    // One poll only, so no new reading moves the scrape cache on: the failed reload itself must.
    DeviceConfig kept = device("kept", Duration.ofHours(1));
    start(false, kept);
    await().atMost(WAIT).until(() -> pollsOf("kept") >= 1);
    double successAt =
        scrape()
            .value("home_energy_exporter_config_last_reload_success_timestamp_seconds")
            .orElseThrow();
    next.set(
        new ConfigException(
            "exporter.yml",
            List.of(
                new ConfigProblem("devices[0].interval", 7, "not a duration: \"fast\""),
                new ConfigProblem("devices[1].type", 9, "unknown device type \"toaster\""))));

    ConfigReload.Result result;
    assertThat(scrape().value("home_energy_exporter_config_last_reload_successful"))
        .as("rendered into the scrape cache before the failed reload")
        .hasValue(1);
    try (LogCapture log = LogCapture.start()) {
      result = exporter.reload("test");
      assertThat(log.events())
          .anyMatch(e -> e.startsWith("ERROR") && e.contains("the running config stays"))
          .anyMatch(
              e -> e.contains("config reload: exporter.yml:7: devices[0].interval: not a duration"))
          .anyMatch(e -> e.contains("exporter.yml:9: devices[1].type: unknown device type"));
    }

    assertThat(result.applied()).isFalse();
    assertThat(result.lines())
        .containsExactly(
            "exporter.yml:7: devices[0].interval: not a duration: \"fast\"",
            "exporter.yml:9: devices[1].type: unknown device type \"toaster\"");
    assertThat(family.created("kept")).isEqualTo(1);
    assertThat(family.closed("kept")).isZero();
    Exposition metrics = scrape();
    assertThat(metrics.value("home_energy_exporter_config_last_reload_successful"))
        .as("the failed reload shows at the next scrape, not from the scrape cache")
        .hasValue(0);
    assertThat(metrics.value("home_energy_exporter_config_last_reload_success_timestamp_seconds"))
        .hasValue(successAt);
    assertThat(metrics.has(polls("kept"))).isTrue();

    next.set(config("127.0.0.1:0", kept));
    assertThat(exporter.reload("test").applied()).isTrue();
    await()
        .atMost(WAIT)
        .until(
            () -> scrape().value("home_energy_exporter_config_last_reload_successful").orElse(-1),
            value -> value == 1);
    assertThat(family.created("kept")).isEqualTo(1);
  }

  @Test
  void aDeviceWhoseClientCannotBeCreatedRefusesTheWholeReload() throws Exception {
    start(false, device("kept", FAST));
    DeviceConfig alien =
        new DeviceConfig(
            "alien",
            "toaster",
            URI.create("http://192.0.2.1"),
            FAST,
            FAST,
            FAST,
            dev.homeenergy.config.NamingStyle.NATIVE,
            Map.of());
    next.set(config("127.0.0.1:0", device("added", FAST), alien));

    ConfigReload.Result result = exporter.reload("test");

    assertThat(result.applied()).isFalse();
    assertThat(result.lines()).singleElement().asString().contains("toaster");
    assertThat(family.created("added")).isEqualTo(1);
    assertThat(family.closed("added")).as("the half-started device is closed again").isEqualTo(1);
    assertThat(family.closed("kept")).isZero();
    assertThat(exporter.store().devices()).extracting(DeviceConfig::name).containsExactly("kept");
  }

  @Test
  void aSettingBoundAtStartKeepsItsValueAndSaysARestartIsNeeded() throws Exception {
    start(false, device("kept", FAST));
    URI before = exporter.localUri();
    next.set(config("127.0.0.1:1", device("kept", FAST)));

    ConfigReload.Result result = exporter.reload("test");

    assertThat(result.applied()).isTrue();
    assertThat(result.lines())
        .containsExactly(
            "config reloaded: unchanged [kept]",
            "web.listen_address changed from \"127.0.0.1:0\" to \"127.0.0.1:1\": it applies at"
                + " the next restart; \"127.0.0.1:0\" stays until then");
    assertThat(Http.get(before.resolve("/-/healthy")).statusCode()).isEqualTo(200);
  }

  @Test
  void postReloadAppliesTheConfigWhenTheLifecycleApiIsOn() throws Exception {
    start(true, device("kept", FAST));
    next.set(config("127.0.0.1:0", device("kept", FAST), device("added", FAST)));

    HttpResponse<String> response = post("/-/reload");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("added [added]");
    assertThat(exporter.store().get("added")).isPresent();

    next.set(
        new ConfigException(
            "exporter.yml", List.of(new ConfigProblem("devices", 3, "must be a list"))));
    HttpResponse<String> refused = post("/-/reload");
    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(refused.body()).contains("exporter.yml:3: devices: must be a list");

    HttpResponse<String> get = Http.get(exporter.localUri().resolve("/-/reload"));
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST, PUT");
  }

  @Test
  void postReloadIsForbiddenWithoutTheLifecycleApi() throws Exception {
    start(false, device("kept", FAST));
    next.set(config("127.0.0.1:0", device("kept", FAST), device("added", FAST)));

    HttpResponse<String> response = post("/-/reload");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("Lifecycle API is not enabled");
    assertThat(exporter.store().get("added")).isEmpty();
    assertThat(Http.get(exporter.localUri().resolve("/-/reload")).statusCode()).isEqualTo(405);
  }

  @Test
  void onDemandDevicesAreRestartedOrStartedAtTheirProbeAndRemovedOnesAreUnknown() throws Exception {
    ExporterConfig config =
        config("127.0.0.1:0", device("kept", FAST), device("gone", FAST))
            .withProbe(new dev.homeenergy.config.ProbeConfig(true, Duration.ofMinutes(10)));
    next.set(config);
    exporter =
        Exporter.start(
            config,
            List.of(family),
            Clock.systemUTC(),
            null,
            WebServer.Options.DEFAULTS,
            new Exporter.Reloading(() -> (ExporterConfig) next.get(), false));
    URI probeKept = exporter.localUri().resolve("/probe?target=kept");
    assertThat(Http.get(probeKept).statusCode()).isEqualTo(200);
    await().atMost(WAIT).until(() -> fake.polls("kept") >= 1);
    next.set(
        config.withDevices(List.of(device("kept", Duration.ofMillis(60)), device("added", FAST))));

    assertThat(exporter.reload("test").applied()).isTrue();
    assertThat(family.created("kept")).isEqualTo(2);

    assertThat(fake.polls("added")).as("not polled before a probe asks").isZero();
    assertThat(Http.get(exporter.localUri().resolve("/probe?target=added")).statusCode())
        .isEqualTo(200);
    await().atMost(WAIT).until(() -> fake.polls("added") >= 1);
    int keptPolls = fake.polls("kept");
    await()
        .atMost(WAIT)
        .alias("the changed device, probed before the reload, polls again without a new probe")
        .until(() -> fake.polls("kept") > keptPolls);
    assertThat(Http.get(exporter.localUri().resolve("/probe?target=gone")).statusCode())
        .isEqualTo(404);
    assertThat(scrape().value("home_energy_exporter_probe_targets_polled")).hasValue(2);
  }

  @Test
  void anExporterWithoutAConfigFileHasNothingToReload() throws Exception {
    exporter =
        Exporter.start(
            config("127.0.0.1:0", device("kept", FAST)), List.of(family), Clock.systemUTC());

    ConfigReload.Result result = exporter.reload("SIGHUP");

    assertThat(result.applied()).isFalse();
    assertThat(result.lines()).singleElement().asString().contains("nothing to reload");
    assertThat(scrape().hasMetric("home_energy_exporter_config_last_reload_successful")).isFalse();
  }
}
