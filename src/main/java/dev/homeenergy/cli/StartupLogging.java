package dev.homeenergy.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.homeenergy.config.LogConfig;

/**
 * Logback's configuration until the command line applies the configured one: stderr, {@code info},
 * the text format ({@link LogConfig#defaults()}). Found by Logback through the service loader, it
 * configures in code, so Logback never loads its XML configurator (Joran, its model and a SAX
 * parser: about 400 classes) in a process that would use it for nothing else. With the {@code
 * logback.configurationFile} system property set, Logback reads that file as usual.
 */
public final class StartupLogging extends ContextAwareBase implements Configurator {
  static final String CONFIGURATION_FILE = "logback.configurationFile";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty(CONFIGURATION_FILE) != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    LoggingSetup.apply(LogConfig.defaults(), context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
