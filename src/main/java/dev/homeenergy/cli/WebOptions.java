package dev.homeenergy.cli;

import dev.homeenergy.config.WebConfig;
import java.nio.file.Path;
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

  @Option(names = "--web.config.file", paramLabel = "FILE",
      description = "Web configuration file in the Prometheus exporter-toolkit format: TLS and basic auth "
          + "(default: web.config_file of the config file, else plain HTTP without auth).")
  Path securityFile;

  /** The flags that were given, on top of {@code base}. */
  WebConfig over(WebConfig base) {
    return new WebConfig(
        listenAddress != null ? listenAddress : base.listenAddress(),
        telemetryPath != null ? telemetryPath : base.telemetryPath(),
        securityFile != null ? securityFile : base.securityFile(),
        base.healthRequiresAuth());
  }
}
