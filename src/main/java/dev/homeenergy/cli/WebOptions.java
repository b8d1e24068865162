package dev.homeenergy.cli;

import dev.homeenergy.config.ListenAddress;
import dev.homeenergy.config.WebConfig;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --web.*} flags; each overrides the config file when given. */
public final class WebOptions {
  @Option(
      names = "--web.listen-address",
      paramLabel = "ADDRESS",
      converter = ListenAddressFlag.class,
      description =
          "Address to serve on: host:port, :port for all interfaces, [v6]:port "
              + "(default: web.listen_address of the config file, else :10042).")
  String listenAddress;

  @Option(
      names = "--web.telemetry-path",
      paramLabel = "PATH",
      converter = TelemetryPathFlag.class,
      description =
          "Path of the metrics endpoint (default: web.telemetry_path of the config file, else /metrics).")
  String telemetryPath;

  @Option(
      names = "--web.config.file",
      paramLabel = "FILE",
      description =
          "Web configuration file in the Prometheus exporter-toolkit format: TLS and basic auth "
              + "(default: web.config_file of the config file, else plain HTTP without auth).")
  Path securityFile;

  /** Checks {@code --web.listen-address} while the command line is parsed (exit code 2). */
  static final class ListenAddressFlag implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return ListenAddress.requireValid(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Checks {@code --web.telemetry-path} while the command line is parsed (exit code 2). */
  static final class TelemetryPathFlag implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return WebConfig.checkTelemetryPath(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** The flags that were given, on top of {@code base}. */
  WebConfig over(WebConfig base) {
    return new WebConfig(
        listenAddress != null ? listenAddress : base.listenAddress(),
        telemetryPath != null ? telemetryPath : base.telemetryPath(),
        securityFile != null ? securityFile : base.securityFile(),
        base.healthRequiresAuth());
  }
}
