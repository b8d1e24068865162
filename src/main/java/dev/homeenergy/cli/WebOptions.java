package dev.homeenergy.cli;

import dev.homeenergy.config.WebConfig;
import picocli.CommandLine.Option;

/** {@code --web.*} flags; each overrides the config file when given. */
public final class WebOptions {
  @Option(names = "--web.listen-address", paramLabel = "ADDRESS",
      description = "Address to serve on: host:port, :port for all interfaces, [v6]:port "
          + "(default: web.listen_address of the config file, else :10042).")
  String listenAddress;

  @Option(names = "--web.telemetry-path", paramLabel = "PATH",
      description = "Path of the metrics endpoint (default: web.telemetry_path of the config file, else /metrics).")
  String telemetryPath;

  /** The flags that were given, on top of {@code base}. */
  WebConfig over(WebConfig base) {
    return new WebConfig(
        listenAddress != null ? listenAddress : base.listenAddress(),
        telemetryPath != null ? telemetryPath : base.telemetryPath());
  }
}
