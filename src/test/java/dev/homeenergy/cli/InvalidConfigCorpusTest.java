package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.app.Families;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every file under {@code config/invalid/} is refused by {@code check-config} and by {@code serve}
 * with exit code 2 and one line naming the key (the file's first line says which: {@code # expect:
 * <text the error must contain>}), nothing is served, and the password {@code hunter2} some of them
 * hold is never repeated. {@code serve} is pointed at a loopback port unless the file's problem is
 * its {@code web} section, so even a wrongly accepted file binds nothing public.
 */
class InvalidConfigCorpusTest {
  private static final String EXPECT = "# expect: ";

  /** One corpus file and the text its error must contain. */
  record Case(Path file, String expected) {
    @Override
    public String toString() {
      return file.getFileName().toString();
    }
  }

  static List<Case> corpus() throws IOException, URISyntaxException {
    Path directory = Path.of(InvalidConfigCorpusTest.class.getResource("/config/invalid").toURI());
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.toString().endsWith(".yml"))
          .sorted()
          .map(InvalidConfigCorpusTest::read)
          .toList();
    }
  }

  private static Case read(Path file) {
    try {
      String first = Files.readAllLines(file).get(0);
      assertThat(first).as(file + " starts with the expected key").startsWith(EXPECT);
      return new Case(file, first.substring(EXPECT.length()).strip());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** One in-process run whose stop signal fails the test if anything was served. */
  private static final class Run {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final AtomicBoolean served = new AtomicBoolean();
    final int exitCode;

    Run(String... args) {
      CliContext context =
          new CliContext(
              Map.of(),
              Families.all(),
              Clock.systemUTC(),
              () -> served.set(true),
              exporter -> served.set(true));
      CommandLine commandLine = Commands.commandLine(context);
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      exitCode = commandLine.execute(args);
    }

    List<String> errorLines() {
      return err.toString().lines().filter(line -> !line.isBlank()).toList();
    }
  }

  @Test
  void theCorpusCoversAtLeastThirtyConfigs() throws Exception {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(30);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void checkConfigRefusesItWithOneLineNamingTheKey(Case invalid) {
    Run run = new Run("check-config", invalid.file().toString());

    assertThat(run.exitCode).as(run.err.toString()).isEqualTo(2);
    assertThat(run.errorLines())
        .as(run.err.toString())
        .singleElement()
        .asString()
        .contains(invalid.expected())
        .startsWith(invalid.file().toString());
    assertThat(run.out.toString()).isEmpty();
    assertThat(run.err.toString()).doesNotContain("hunter2");
    assertThat(run.served).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void serveRefusesItWithOneLineNamingTheKeyAndServesNothing(Case invalid) {
    Run run =
        invalid.expected().startsWith("web.")
            ? new Run("--config.file=" + invalid.file())
            : new Run("--config.file=" + invalid.file(), "--web.listen-address=127.0.0.1:0");

    assertThat(run.exitCode).as(run.err.toString()).isEqualTo(2);
    assertThat(run.errorLines())
        .as(run.err.toString())
        .singleElement()
        .asString()
        .contains(invalid.expected());
    assertThat(run.out.toString()).isEmpty();
    assertThat(run.err.toString()).doesNotContain("hunter2");
    assertThat(run.served).isFalse();
  }
}
