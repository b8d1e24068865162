package dev.homeenergy.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole validated configuration: what the exporter serves and which devices it polls.
 *
 * @param stateDirectory where devices may keep state across restarts (a session token, say): the
 *     config file's directory; null when there is none, and then nothing is persisted
 */
public record ExporterConfig(
    WebConfig web,
    LogConfig log,
    List<DeviceConfig> devices,
    Path stateDirectory,
    ProbeConfig probe) {
  public ExporterConfig {
    devices = List.copyOf(devices);
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
    return new ExporterConfig(newWeb, log, devices, stateDirectory, probe);
  }

  public ExporterConfig withLog(LogConfig newLog) {
    return new ExporterConfig(web, newLog, devices, stateDirectory, probe);
  }

  public ExporterConfig withDevices(List<DeviceConfig> newDevices) {
    return new ExporterConfig(web, log, newDevices, stateDirectory, probe);
  }

  public ExporterConfig withStateDirectory(Path directory) {
    return new ExporterConfig(web, log, devices, directory, probe);
  }

  public ExporterConfig withProbe(ProbeConfig newProbe) {
    return new ExporterConfig(web, log, devices, stateDirectory, newProbe);
  }
}
