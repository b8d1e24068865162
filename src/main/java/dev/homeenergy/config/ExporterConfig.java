package dev.homeenergy.config;

import java.util.List;

/** The whole validated configuration: what the exporter serves and which devices it polls. */
public record ExporterConfig(WebConfig web, LogConfig log, List<DeviceConfig> devices) {
  public ExporterConfig {
    devices = List.copyOf(devices);
  }

  /** Default web and log settings and no devices: what an empty config file gives. */
  public static ExporterConfig defaults() {
    return new ExporterConfig(WebConfig.defaults(), LogConfig.defaults(), List.of());
  }

  public ExporterConfig withWeb(WebConfig newWeb) {
    return new ExporterConfig(newWeb, log, devices);
  }

  public ExporterConfig withLog(LogConfig newLog) {
    return new ExporterConfig(web, newLog, devices);
  }
}
