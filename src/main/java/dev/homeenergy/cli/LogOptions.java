package dev.homeenergy.cli;

import dev.homeenergy.config.LogConfig;
import java.util.function.UnaryOperator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --log.*} flags; each overrides the config file when given. */
public final class LogOptions {
  @Option(
      names = "--log.level",
      paramLabel = "LEVEL",
      converter = LevelFlag.class,
      description =
          "Log level: debug, info, warn or error (default: log.level of the config file, else info).")
  String level;

  @Option(
      names = "--log.format",
      paramLabel = "FORMAT",
      converter = FormatFlag.class,
      description =
          "Log format: text, logfmt or json (default: log.format of the config file, else text).")
  String format;

  /** Checks {@code --log.level} while the command line is parsed (exit code 2). */
  static final class LevelFlag implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return checked(LogConfig::checkLevel, value);
    }
  }

  /** Checks {@code --log.format} while the command line is parsed (exit code 2). */
  static final class FormatFlag implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return checked(LogConfig::checkFormat, value);
    }
  }

  private static String checked(UnaryOperator<String> check, String value) {
    try {
      return check.apply(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** The flags that were given, on top of {@code base}. */
  LogConfig over(LogConfig base) {
    return new LogConfig(
        level != null ? level : base.level(), format != null ? format : base.format());
  }
}
