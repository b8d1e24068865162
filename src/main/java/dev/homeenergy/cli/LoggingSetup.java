package dev.homeenergy.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.homeenergy.config.LogConfig;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points Logback at stderr (or a file) with the configured level and format (text, logfmt or json).
 */
public final class LoggingSetup {

  private static final String TEXT =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0}: %msg%n%ex";
  private static final String LOGFMT =
      "time=%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} level=%level logger=%logger{0} "
          + "msg=\"%replace(%msg){'\"','\\\\\"'}\" %kvp{DOUBLE}%n%ex";

  private LoggingSetup() {}

  /** Applies {@code config}; unknown values are rejected before anything is changed. */
  public static void apply(LogConfig config) {
    String level = config.level().toLowerCase(Locale.ROOT);
    String format = config.format().toLowerCase(Locale.ROOT);
    if (!LogConfig.LEVELS.contains(level) || !LogConfig.FORMATS.contains(format)) {
      throw new IllegalArgumentException("unknown log level or format: " + config);
    }
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      apply(config, context);
    }
  }

  /** Applies a checked {@code config} to {@code context}, replacing what it had. */
  static void apply(LogConfig config, LoggerContext context) {
    String level = config.level().toLowerCase(Locale.ROOT);
    String format = config.format().toLowerCase(Locale.ROOT);
    context.reset();
    Encoder<ILoggingEvent> encoder = encoder(format, context);
    OutputStreamAppender<ILoggingEvent> appender;
    if (config.file() != null) {
      FileAppender<ILoggingEvent> file = new FileAppender<>();
      file.setFile(config.file().toString());
      file.setAppend(true);
      appender = file;
    } else {
      ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
      console.setTarget("System.err");
      appender = console;
    }
    appender.setContext(context);
    appender.setName("log");
    appender.setEncoder(encoder);
    appender.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level, Level.INFO));
    root.addAppender(appender);
  }

  static Encoder<ILoggingEvent> encoder(String format, LoggerContext context) {
    if (format.equals("json")) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      json.setWithSequenceNumber(false);
      json.setWithContext(false);
      json.setWithNanoseconds(false);
      json.setWithMDC(false);
      json.setWithMessage(false);
      json.setWithArguments(false);
      json.setWithFormattedMessage(true);
      json.start();
      return json;
    }
    PatternLayoutEncoder pattern = new PatternLayoutEncoder();
    pattern.setContext(context);
    pattern.setPattern(format.equals("logfmt") ? LOGFMT : TEXT);
    pattern.start();
    return pattern;
  }
}
