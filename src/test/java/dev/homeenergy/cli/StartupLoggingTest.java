package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class StartupLoggingTest {
  @Test
  void logbackFindsItAndItConfiguresStderrAtInfo() {
    assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
        .contains(StartupLogging.class);
    LoggerContext context = new LoggerContext();

    assertThat(new StartupLogging().configure(context))
        .isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    assertThat(root.getAppender("log"))
        .isInstanceOfSatisfying(
            ConsoleAppender.class,
            console -> assertThat(console.getTarget()).isEqualTo("System.err"));
  }
}
