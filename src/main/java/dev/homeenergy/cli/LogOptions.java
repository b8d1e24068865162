package dev.homeenergy.cli;

import dev.homeenergy.config.LogConfig;
import picocli.CommandLine.Option;

/** {@code --log.*} flags; each overrides the config file when given. */
public final class LogOptions {
  @Option(names = "--log.level", paramLabel = "LEVEL",
      description = "Log level: debug, info, warn or error (default: log.level of the config file, else info).")
  String level;

  @Option(names = "--log.format", paramLabel = "FORMAT",
      description = "Log format: text, logfmt or json (default: log.format of the config file, else text).")
  String format;

  /** The flags that were given, on top of {@code base}. */
  LogConfig over(LogConfig base) {
    return new LogConfig(level != null ? level : base.level(), format != null ? format : base.format());
  }
}
