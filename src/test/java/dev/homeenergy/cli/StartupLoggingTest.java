package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupLoggingTest {
  @TempDir Path dir;

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

  /** A short command in a fresh JVM: what Logback's start-up loads, seen by the JVM's class log. */
  @Test
  void aCommandLoadsNoXmlConfigurator() throws Exception {
    Path config = dir.resolve("c.yml");
    Files.writeString(
        config,
        """
        devices:
          - name: garage
            type: wallconnector
            address: 127.0.0.1:1
        """);
    Path classLog = dir.resolve("classes.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xshare:off",
            "-Xlog:class+load=info:file=" + classLog,
            "-cp",
            System.getProperty("java.class.path"),
            "dev.homeenergy.Main",
            "check-config",
            config.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();

    List<String> loaded =
        Files.readAllLines(classLog).stream().map(line -> line.split(" ")[1]).toList();
    assertThat(loaded).contains(LoggerContext.class.getName());
    assertThat(
            loaded.stream()
                .filter(
                    name ->
                        name.startsWith("ch.qos.logback.classic.joran.")
                            || name.startsWith("ch.qos.logback.core.model.")
                            || name.startsWith("org.xml.sax."))
                .toList())
        .isEmpty();
  }
}
