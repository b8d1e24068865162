package dev.homeenergy.app;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.ListenAddress;
import dev.homeenergy.core.BuildInfo;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.devicehttp.SharedHttp;
import dev.homeenergy.output.mqtt.MqttOutput;
import dev.homeenergy.polling.Backoff;
import dev.homeenergy.polling.ExporterCollector;
import dev.homeenergy.polling.OnDemandPolling;
import dev.homeenergy.polling.Poller;
import dev.homeenergy.polling.SnapshotStore;
import dev.homeenergy.polling.StatusListener;
import dev.homeenergy.web.WebServer;
import dev.homeenergy.web.security.WebSecurity;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A running exporter: one poller per configured device, the snapshot store they publish to, the
 * collector that turns the store into metrics, and the web server. The one code path from a
 * validated config to a serving process, used by {@code serve}, {@code demo}, the drop-in commands
 * and the tests alike.
 */
public final class Exporter implements AutoCloseable {
  /**
   * How long an idle poll thread is kept: long enough to be reused by the next polls (a few seconds
   * apart), short enough that the burst of every device's first poll at start is soon given back.
   */
  static final Duration POLL_THREAD_KEEP_ALIVE = Duration.ofSeconds(10);

  private final SnapshotStore store;
  private final PrometheusRegistry registry;
  private final List<Poller> pollers;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService workers;
  private final WebServer web;
  private final MqttOutput mqtt;

  private Exporter(
      SnapshotStore store,
      PrometheusRegistry registry,
      List<Poller> pollers,
      ScheduledExecutorService scheduler,
      ExecutorService workers,
      WebServer web,
      MqttOutput mqtt) {
    this.store = store;
    this.registry = registry;
    this.pollers = pollers;
    this.scheduler = scheduler;
    this.workers = workers;
    this.web = web;
    this.mqtt = mqtt;
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
    SharedHttp http = new SharedHttp(workers);
    List<Device> clients = new ArrayList<>();
    try {
      for (DeviceConfig device : config.devices()) {
        DeviceFamily family = byType.get(device.type());
        if (family == null) {
          throw new IllegalArgumentException("no device family for type " + device.type());
        }
        clients.add(
            family.create(
                device, http.context(clock, store.raw(device.name()), config.stateDirectory())));
      }
    } catch (RuntimeException e) {
      clients.forEach(Device::close);
      workers.shutdownNow();
      closeOutput(mqtt);
      throw e;
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
                  config.devices(),
                  build,
                  clock,
                  onProbe::accept,
                  security,
                  config.web().healthRequiresAuth(),
                  families.stream()
                      .collect(Collectors.toMap(DeviceFamily::type, DeviceFamily::displayName)),
                  options));
    } catch (IOException | RuntimeException e) {
      clients.forEach(Device::close);
      workers.shutdownNow();
      closeOutput(mqtt);
      throw e;
    }

    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(1, daemonThreads("scheduler"));
    scheduler.setRemoveOnCancelPolicy(true);
    List<Poller> pollers = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      DeviceConfig device = config.devices().get(i);
      pollers.add(
          new Poller(
              device,
              byType.get(device.type()),
              clients.get(i),
              store,
              clock,
              scheduler,
              workers,
              Backoff.forInterval(device.interval()),
              () -> ThreadLocalRandom.current().nextDouble()));
    }
    Exporter exporter =
        new Exporter(store, registry, List.copyOf(pollers), scheduler, workers, web, mqtt);
    if (onDemand) {
      Map<String, Poller> byName = new LinkedHashMap<>();
      for (int i = 0; i < pollers.size(); i++) {
        byName.put(config.devices().get(i).name(), pollers.get(i));
      }
      OnDemandPolling polling =
          new OnDemandPolling(byName, config.probe().idleAfter(), scheduler, System::nanoTime);
      onDemandPolling.set(polling);
      registry.register(polling.metric());
    } else {
      pollers.forEach(Poller::start);
    }
    return exporter;
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
    pollers.forEach(Poller::close);
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
