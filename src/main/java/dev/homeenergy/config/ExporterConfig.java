package dev.homeenergy.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The whole validated configuration: what the exporter serves and which devices it polls.
 *
 * @param stateDirectory where the exporter keeps the files it writes (a Powerwall session, the
 *     Tesla token file): {@code state_dir}, else {@link #defaultStateDirectory}; null when there is
 *     none, and then nothing is persisted
 */
public record ExporterConfig(
    WebConfig web,
    LogConfig log,
    List<DeviceConfig> devices,
    Path stateDirectory,
    ProbeConfig probe,
    Optional<MqttConfig> mqtt) {
  /** Set by systemd for a unit with {@code StateDirectory=}, and by the container image. */
  public static final String STATE_DIRECTORY_ENV = "STATE_DIRECTORY";

  public ExporterConfig {
    devices = List.copyOf(devices);
    java.util.Objects.requireNonNull(mqtt, "mqtt");
  }

  /** A config without outputs beyond Prometheus. */
  public ExporterConfig(
      WebConfig web,
      LogConfig log,
      List<DeviceConfig> devices,
      Path stateDirectory,
      ProbeConfig probe) {
    this(web, log, devices, stateDirectory, probe, Optional.empty());
  }

  /**
   * The state directory when the config names none: {@code $STATE_DIRECTORY} (its first entry, as
   * systemd lists one per {@code StateDirectory=} separated by colons), else {@code fallback}.
   */
  public static Path defaultStateDirectory(Function<String, String> env, Path fallback) {
    String listed = env.apply(STATE_DIRECTORY_ENV);
    if (listed == null || listed.isBlank()) {
      return fallback;
    }
    return Path.of(listed.split(":", -1)[0]);
  }

  /** A config whose devices are all polled from the start. */
  public ExporterConfig(
      WebConfig web, LogConfig log, List<DeviceConfig> devices, Path stateDirectory) {
    this(web, log, devices, stateDirectory, ProbeConfig.defaults());
  }

  /** A config with nowhere to keep state. */
  public ExporterConfig(WebConfig web, LogConfig log, List<DeviceConfig> devices) {
    this(web, log, devices, null);
  }

  /** Default web and log settings and no devices: what an empty config file gives. */
  public static ExporterConfig defaults() {
    return new ExporterConfig(WebConfig.defaults(), LogConfig.defaults(), List.of());
  }

  public ExporterConfig withWeb(WebConfig newWeb) {
    return new ExporterConfig(newWeb, log, devices, stateDirectory, probe, mqtt);
  }

  public ExporterConfig withLog(LogConfig newLog) {
    return new ExporterConfig(web, newLog, devices, stateDirectory, probe, mqtt);
  }

  public ExporterConfig withDevices(List<DeviceConfig> newDevices) {
    return new ExporterConfig(web, log, newDevices, stateDirectory, probe, mqtt);
  }

  public ExporterConfig withStateDirectory(Path directory) {
    return new ExporterConfig(web, log, devices, directory, probe, mqtt);
  }

  public ExporterConfig withMqtt(Optional<MqttConfig> newMqtt) {
    return new ExporterConfig(web, log, devices, stateDirectory, probe, newMqtt);
  }

  public ExporterConfig withProbe(ProbeConfig newProbe) {
    return new ExporterConfig(web, log, devices, stateDirectory, newProbe, mqtt);
  }
}
