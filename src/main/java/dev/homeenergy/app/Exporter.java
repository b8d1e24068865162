package dev.homeenergy.app;

import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.ListenAddress;
import dev.homeenergy.core.BuildInfo;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.devicehttp.SharedHttp;
import dev.homeenergy.output.mqtt.MqttOutput;
import dev.homeenergy.polling.ExporterCollector;
import dev.homeenergy.polling.OnDemandPolling;
import dev.homeenergy.polling.SnapshotStore;
import dev.homeenergy.polling.StatusListener;
import dev.homeenergy.web.ConfigReload;
import dev.homeenergy.web.WebServer;
import dev.homeenergy.web.security.WebSecurity;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running exporter: one poller per configured device, the snapshot store they publish to, the
 * collector that turns the store into metrics, and the web server. The one code path from a
 * validated config to a serving process, used by {@code serve}, {@code demo}, the drop-in commands
 * and the tests alike.
 */
public final class Exporter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);

  /**
   * How long an idle poll thread is kept: long enough to be reused by the next polls (a few seconds
   * apart), short enough that the burst of every device's first poll at start is soon given back.
   */
  static final Duration POLL_THREAD_KEEP_ALIVE = Duration.ofSeconds(10);

  private final SnapshotStore store;
  private final PrometheusRegistry registry;
  private final DevicePollers devices;
  private final ConfigReload reload;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService workers;
  private final WebServer web;
  private final MqttOutput mqtt;

  private Exporter(
      SnapshotStore store,
      PrometheusRegistry registry,
      DevicePollers devices,
      ConfigReload reload,
      ScheduledExecutorService scheduler,
      ExecutorService workers,
      WebServer web,
      MqttOutput mqtt) {
    this.store = store;
    this.registry = registry;
    this.devices = devices;
    this.reload = reload;
    this.scheduler = scheduler;
    this.workers = workers;
    this.web = web;
    this.mqtt = mqtt;
  }

  /**
   * How a running exporter reloads its config.
   *
   * @param source where a reload reads the config from; null when there is no file to re-read (a
   *     drop-in's flags, the demo)
   * @param lifecycleApi whether {@code POST /-/reload} may ask for a reload ({@code
   *     --web.enable-lifecycle}); SIGHUP always may
   */
  public record Reloading(ConfigSource source, boolean lifecycleApi) {
    /** Nothing to reload, and no lifecycle API. */
    public static final Reloading NONE = new Reloading(null, false);
  }

  /**
   * Creates every device client, binds the web server, then starts polling every device.
   *
   * @throws IOException when the listen address cannot be bound
   * @throws IllegalArgumentException when a device's type has no family
   */
  public static Exporter start(ExporterConfig config, List<DeviceFamily> families, Clock clock)
      throws IOException {
    return start(config, families, clock, null);
  }

  /**
   * As {@link #start(ExporterConfig, List, Clock)}, serving with the TLS and basic auth of a loaded
   * web configuration file ({@code security} null for plain HTTP).
   */
  public static Exporter start(
      ExporterConfig config, List<DeviceFamily> families, Clock clock, WebSecurity security)
      throws IOException {
    return start(config, families, clock, security, WebServer.Options.DEFAULTS);
  }

  /**
   * As {@link #start(ExporterConfig, List, Clock, WebSecurity)}, with the web endpoint behaving as
   * {@code options} say (a drop-in imitating its original).
   */
  public static Exporter start(
      ExporterConfig config,
      List<DeviceFamily> families,
      Clock clock,
      WebSecurity security,
      WebServer.Options options)
      throws IOException {
    return start(config, families, clock, security, options, Reloading.NONE);
  }

  /**
   * As {@link #start(ExporterConfig, List, Clock, WebSecurity, WebServer.Options)}, reloading its
   * config from {@code reloading}'s source when asked ({@link #reload}).
   */
  public static Exporter start(
      ExporterConfig config,
      List<DeviceFamily> families,
      Clock clock,
      WebSecurity security,
      WebServer.Options options,
      Reloading reloading)
      throws IOException {
    Map<String, DeviceFamily> byType =
        families.stream().collect(Collectors.toMap(DeviceFamily::type, Function.identity()));
    BuildInfo build = BuildInfo.load();
    MqttOutput mqtt =
        config
            .mqtt()
            .map(
                settings ->
                    MqttOutput.start(
                        settings,
                        families.stream()
                            .collect(
                                Collectors.toMap(DeviceFamily::type, DeviceFamily::displayName)),
                        build.version(),
                        clock))
            .orElse(null);
    SnapshotStore store =
        new SnapshotStore(config.devices(), mqtt == null ? StatusListener.NONE : mqtt);
    PrometheusRegistry registry = new PrometheusRegistry();
    JvmMetrics.builder().register(registry);
    boolean onDemand = config.probe().onDemand();
    ExporterCollector collector = new ExporterCollector(store, clock, build, !onDemand);
    registry.register(collector);
    if (mqtt != null) {
      registry.register(mqtt.metrics());
    }

    ExecutorService workers =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            POLL_THREAD_KEEP_ALIVE.toSeconds(),
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            daemonThreads("poll"));
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(1, daemonThreads("scheduler"));
    scheduler.setRemoveOnCancelPolicy(true);
    DevicePollers devices =
        new DevicePollers(
            byType,
            store,
            new SharedHttp(workers),
            clock,
            config.stateDirectory(),
            scheduler,
            workers);
    try {
      devices.prepare();
    } catch (RuntimeException e) {
      scheduler.shutdownNow();
      workers.shutdownNow();
      closeOutput(mqtt);
      throw e;
    }
    ConfigReload reload = unused -> nothingToReload();
    if (reloading.source() != null) {
      ConfigReloader reloader = new ConfigReloader(reloading.source(), devices, clock, config);
      registry.register(reloader.metrics());
      reload = reloader;
    }

    InetSocketAddress address = ListenAddress.parse(config.web().listenAddress());
    AtomicReference<OnDemandPolling> onDemandPolling = new AtomicReference<>();
    Consumer<String> onProbe =
        device -> {
          OnDemandPolling polling = onDemandPolling.get();
          if (polling != null) {
            polling.asked(device);
          }
        };
    WebServer web;
    try {
      web =
          WebServer.start(
              address,
              new WebServer.Site(
                  config.web().telemetryPath(),
                  registry,
                  collector,
                  store,
                  build,
                  clock,
                  onProbe::accept,
                  security,
                  config.web().healthRequiresAuth(),
                  families.stream()
                      .collect(Collectors.toMap(DeviceFamily::type, DeviceFamily::displayName)),
                  options,
                  reloading.lifecycleApi() ? reload : null));
    } catch (IOException | RuntimeException e) {
      devices.close();
      scheduler.shutdownNow();
      workers.shutdownNow();
      closeOutput(mqtt);
      throw e;
    }

    Exporter exporter =
        new Exporter(store, registry, devices, reload, scheduler, workers, web, mqtt);
    if (onDemand) {
      OnDemandPolling polling =
          new OnDemandPolling(
              devices.pollers(), config.probe().idleAfter(), scheduler, System::nanoTime);
      onDemandPolling.set(polling);
      registry.register(polling.metric());
      devices.start(polling);
    } else {
      devices.start(null);
    }
    return exporter;
  }

  private static ConfigReload.Result nothingToReload() {
    String line =
        "nothing to reload: this exporter was started without a config file (--config.file)";
    LOG.warn("config reload: {}", line);
    return new ConfigReload.Result(false, List.of(line));
  }

  /**
   * Re-reads the config file and applies it (what SIGHUP and {@code POST /-/reload} do): devices
   * added, removed and changed, the others left running; an invalid file changes nothing.
   *
   * @param trigger what asked, for the log
   */
  public ConfigReload.Result reload(String trigger) {
    return reload.reload(trigger);
  }

  private static void closeOutput(MqttOutput mqtt) {
    if (mqtt != null) {
      mqtt.close();
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  public SnapshotStore store() {
    return store;
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  public int port() {
    return web.port();
  }

  /** A URL a local client can reach the exporter on, e.g. {@code http://127.0.0.1:10042}. */
  public URI localUri() {
    InetSocketAddress address = web.address();
    String host =
        address.getAddress() == null || address.getAddress().isAnyLocalAddress()
            ? "localhost"
            : address.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create(web.scheme() + "://" + host + ":" + address.getPort());
  }

  @Override
  public void close() {
    devices.close();
    scheduler.shutdownNow();
    workers.shutdownNow();
    web.close();
    try {
      scheduler.awaitTermination(2, TimeUnit.SECONDS);
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeOutput(mqtt);
  }
}
