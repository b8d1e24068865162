package dev.homeenergy.app;

import dev.homeenergy.config.ConfigException;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.polling.SnapshotBuilder;
import dev.homeenergy.web.ConfigReload;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the main config (on SIGHUP or {@code POST /-/reload}) and applies it as Prometheus does:
 * a valid config replaces the device list ({@link DevicePollers#apply}); an invalid one is logged
 * with every problem and its line, and the running config stays. Settings bound at start (listen
 * address, telemetry path, web config file, logging, state directory, probe mode) keep their
 * running values; a change to one is logged as needing a restart. One reload runs at a time.
 */
final class ConfigReloader implements ConfigReload {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);

  static final MetricFamily LAST_RELOAD_SUCCESSFUL =
      MetricFamily.gauge(
          "home_energy_exporter_config_last_reload_successful",
          "Whether the last config reload (SIGHUP or POST /-/reload) succeeded: 1 yes, 0 no "
              + "(the running config stays).");
  static final MetricFamily LAST_RELOAD_SUCCESS_TIME =
      MetricFamily.gauge(
          "home_energy_exporter_config_last_reload_success_timestamp_seconds",
          "seconds",
          "Unix time of the last successful config load, at start or by a reload.");

  /** A setting that only applies at start: its config key and how to read it. */
  private record StartSetting(String key, Function<ExporterConfig, Object> value) {}

  private static final List<StartSetting> START_SETTINGS =
      List.of(
          new StartSetting("web.listen_address", c -> c.web().listenAddress()),
          new StartSetting("web.telemetry_path", c -> c.web().telemetryPath()),
          new StartSetting("web.config_file", c -> c.web().securityFile()),
          new StartSetting("web.health_requires_auth", c -> c.web().healthRequiresAuth()),
          new StartSetting("log.level", c -> c.log().level()),
          new StartSetting("log.format", c -> c.log().format()),
          new StartSetting("log.file", c -> c.log().file()),
          new StartSetting("state_dir", ExporterConfig::stateDirectory),
          new StartSetting("probe.on_demand", c -> c.probe().onDemand()),
          new StartSetting("probe.idle_after", c -> c.probe().idleAfter()));

  private final ConfigSource source;
  private final DevicePollers devices;
  private final Clock clock;
  private ExporterConfig running;
  private volatile boolean lastSuccessful = true;
  private volatile long lastSuccessMillis;

  /**
   * @param running the config the exporter started with (its load counts as the first success)
   */
  ConfigReloader(ConfigSource source, DevicePollers devices, Clock clock, ExporterConfig running) {
    this.source = source;
    this.devices = devices;
    this.clock = clock;
    this.running = running;
    this.lastSuccessMillis = clock.millis();
  }

  @Override
  public synchronized Result reload(String trigger) {
    ExporterConfig loaded;
    try {
      loaded = source.load();
    } catch (ConfigException e) {
      return refused(trigger, e.problems().stream().map(p -> p.format(e.source())).toList());
    }
    DeviceChanges changes;
    try {
      changes = devices.apply(loaded.devices());
    } catch (RuntimeException e) {
      return refused(trigger, List.of("cannot apply the devices: " + e.getMessage()));
    }
    List<String> lines = new ArrayList<>();
    lines.add("config reloaded: " + changes.summary());
    for (StartSetting setting : START_SETTINGS) {
      Object before = setting.value().apply(running);
      Object after = setting.value().apply(loaded);
      if (!Objects.equals(before, after)) {
        lines.add(
            setting.key()
                + " changed from "
                + shown(before)
                + " to "
                + shown(after)
                + ": it applies at the next restart; "
                + shown(before)
                + " stays until then");
      }
    }
    if (!Objects.equals(running.mqtt(), loaded.mqtt())) {
      lines.add(
          "outputs.mqtt changed: it applies at the next restart; the running MQTT output stays"
              + " until then");
    }
    running = running.withDevices(loaded.devices());
    lastSuccessful = true;
    lastSuccessMillis = clock.millis();
    LOG.atInfo().addKeyValue("trigger", trigger).log("{} ({})", lines.get(0), trigger);
    lines.subList(1, lines.size()).forEach(line -> LOG.warn("config reload: {}", line));
    return new Result(true, lines);
  }

  private Result refused(String trigger, List<String> problems) {
    lastSuccessful = false;
    devices.changedBesideDevices();
    LOG.atError()
        .addKeyValue("trigger", trigger)
        .log(
            "config reload ({}) failed with {} problem(s); the running config stays",
            trigger,
            problems.size());
    problems.forEach(problem -> LOG.error("config reload: {}", problem));
    return new Result(false, problems);
  }

  private static String shown(Object value) {
    return value == null ? "(unset)" : "\"" + value + "\"";
  }

  /** The two reload gauges, for the telemetry path. */
  MultiCollector metrics() {
    return () -> {
      SnapshotBuilder families = new SnapshotBuilder();
      families.add(LAST_RELOAD_SUCCESSFUL, Labels.EMPTY, lastSuccessful ? 1 : 0);
      families.add(LAST_RELOAD_SUCCESS_TIME, Labels.EMPTY, lastSuccessMillis / 1000.0);
      return families.build();
    };
  }
}
