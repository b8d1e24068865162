package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.app.Exporter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The root's own flags given before a subcommand are refused with exit 2 naming the flag, never
 * parsed and then dropped; the demo serves loopback only unless told otherwise.
 */
class GlobalFlagsBeforeASubcommandTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /** A valid value for every flag of the root command. */
  private static final Map<String, String> ROOT_FLAGS =
      Map.of(
          "--config.file", "home-energy-exporter.yml",
          "--web.listen-address", "127.0.0.1:0",
          "--web.telemetry-path", "/m",
          "--web.config.file", "web.yml",
          "--log.level", "debug",
          "--log.format", "json",
          "--web.enable-lifecycle", "true");

  /** Every subcommand, with arguments that parse. */
  private static final List<List<String>> SUBCOMMANDS =
      List.of(
          List.of("demo"),
          List.of("simulate", "wallconnector", "--port", "0"),
          List.of("check-config", "home-energy-exporter.yml"),
          List.of("doctor", "--config.file", "home-energy-exporter.yml"),
          List.of("wallconnector", "127.0.0.1:1", "-p", "0"),
          List.of("powerwall"),
          List.of("powerwall", "fetchcert", "--address", "127.0.0.1:1", "--out", "gw.pem"),
          List.of("sunpower", "--hostname", "127.0.0.1", "--listen-on", "0"),
          List.of("tesla", "serve"),
          List.of("tesla", "login"),
          List.of("tesla", "keygen"),
          List.of("tesla", "register", "--domain", "example.com"),
          List.of("help", "demo"));

  static Stream<Arguments> flagBeforeSubcommand() {
    return ROOT_FLAGS.entrySet().stream()
        .flatMap(
            flag ->
                SUBCOMMANDS.stream()
                    .map(sub -> Arguments.of(flag.getKey() + "=" + flag.getValue(), sub)));
  }

  @Test
  void everyRootFlagIsCovered() {
    CommandLine root = new CommandLineTest.Run(Map.of()).commandLine;
    Set<String> flags =
        root.getCommandSpec().options().stream()
            .filter(o -> !o.usageHelp() && !o.versionHelp())
            .map(CommandLine.Model.OptionSpec::longestName)
            .collect(Collectors.toSet());
    assertThat(ROOT_FLAGS.keySet()).isEqualTo(flags);
    Set<String> subcommands =
        SUBCOMMANDS.stream().map(sub -> sub.get(0)).collect(Collectors.toSet());
    assertThat(subcommands).containsAll(root.getSubcommands().keySet());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("flagBeforeSubcommand")
  void isRefusedWithExitTwoNamingTheFlag(String flag, List<String> subcommand) throws Exception {
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    List<String> args = new ArrayList<>();
    args.add(flag);
    args.addAll(subcommand);
    assertThat(exitCode(run, args.toArray(String[]::new))).isEqualTo(2);
    String name = flag.substring(0, flag.indexOf('='));
    assertThat(run.err.toString()).contains("error: " + name).doesNotContain("Exception");
    assertThat(run.out.toString()).isEmpty();
    assertThat(run.serving.get()).isNull();
  }

  /** Runs {@code args}; a command that serves instead of refusing is stopped, not waited on. */
  private static int exitCode(CommandLineTest.Run run, String... args) throws Exception {
    CompletableFuture<Integer> code = run.executeInBackground(args);
    await().atMost(PATIENCE).until(() -> code.isDone() || run.serving.get() != null);
    run.stop.countDown();
    return code.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void theRefusalSaysWhereAFlagTheSubcommandTakesGoes() throws Exception {
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    assertThat(exitCode(run, "--web.config.file=web.yml", "demo")).isEqualTo(2);
    assertThat(run.err.toString())
        .contains("--web.config.file goes after the subcommand")
        .contains("home-energy-exporter demo --web.config.file=");
  }

  @Test
  void theRefusalSaysWhenTheSubcommandDoesNotTakeTheFlag() throws Exception {
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    assertThat(
            exitCode(run, "--web.config.file=web.yml", "wallconnector", "127.0.0.1:1", "-p", "0"))
        .isEqualTo(2);
    assertThat(run.err.toString())
        .contains("--web.config.file is a flag of home-energy-exporter itself")
        .contains("`wallconnector` does not take");
  }

  @Test
  void theDemoServesLoopbackOnlyByDefault() throws Exception {
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    CompletableFuture<Integer> code = run.executeInBackground("demo");
    try {
      await().atMost(PATIENCE).until(() -> run.serving.get() != null || code.isDone());
      Exporter exporter = run.serving.get();
      if (exporter != null) {
        assertThat(exporter.localUri()).isEqualTo(URI.create("http://127.0.0.1:10042"));
      } else {
        // Port 10042 is taken on this machine: the refusal names the address the demo tried.
        assertThat(code.get()).isEqualTo(1);
        assertThat(run.err.toString()).contains("cannot listen on 127.0.0.1:10042");
      }
    } finally {
      run.stop.countDown();
      code.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
  }
}
