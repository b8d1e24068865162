package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.app.Exporter;
import dev.homeenergy.app.Families;
import dev.homeenergy.testing.Exposition;
import dev.homeenergy.testing.Http;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * README's "Try the Tesla sign-in with the simulator" runs as written: its commands, read from
 * README.md, run in-process in order (the simulator, {@code tesla login} with the exported
 * variables, the browser's visit of the printed URL, {@code tesla serve}, the {@code curl}), and
 * the client id and secret the README exports are the ones {@code simulate tesla} prints. Only the
 * token file is put in a temporary directory instead of the working directory.
 */
class TeslaSimulatorReadmeIT {
  private static final String HEADING = "### Try the Tesla sign-in with the simulator";
  private static final String JAR = "java -jar target/home-energy-exporter.jar ";
  private static final Pattern AUTHORIZE_URL =
      Pattern.compile("(http://\\S+/oauth2/v3/authorize\\S+)");

  @TempDir Path dir;

  /** The section's shell lines: commands, exports and the curl. */
  private static List<String> readmeLines() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf(HEADING);
    assertThat(start).as("README has the section").isNotNegative();
    int end = readme.indexOf("\n## ", start);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    List<String> lines = new ArrayList<>();
    boolean inBlock = false;
    for (String line : section.split("\n")) {
      if (line.startsWith("```")) {
        inBlock = !inBlock;
      } else if (inBlock && !line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return lines;
  }

  @Test
  void theReadmeBlockWorksVerbatim() throws Exception {
    List<String> lines = readmeLines();
    Map<String, String> env = new HashMap<>();
    List<String[]> commands = new ArrayList<>();
    String curl = null;
    for (String line : lines) {
      if (line.startsWith("export ")) {
        for (String pair : line.substring("export ".length()).trim().split("\\s+")) {
          String[] kv = pair.split("=", 2);
          env.put(kv[0], kv[1]);
        }
      } else if (line.startsWith(JAR)) {
        commands.add(line.substring(JAR.length()).trim().split("\\s+"));
      } else if (line.startsWith("curl -s ")) {
        curl = line.substring("curl -s ".length()).split("\\s+")[0];
      } else {
        throw new AssertionError("a line this test does not know how to run: " + line);
      }
    }
    assertThat(commands)
        .extracting(c -> c[0] + " " + c[1])
        .containsExactly("simulate tesla", "tesla login", "tesla serve");
    assertThat(curl).isNotNull();
    env.put("TOKEN_FILE_PATH", dir.resolve(env.get("TOKEN_FILE_PATH")).toString());

    Session simulate = new Session(Map.of());
    CompletableFuture<Integer> simulated = simulate.start(commands.get(0));
    Session serve = null;
    CompletableFuture<Integer> served = null;
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> simulate.out.toString().contains("Press Ctrl-C"));
      String banner = simulate.out.toString();
      assertThat(banner)
          .contains("client id: " + env.get("TESLA_CLIENT_ID"))
          .contains("client secret: " + env.get("TESLA_CLIENT_SECRET"))
          .contains(env.get("TESLA_API_BASE"));

      Session login = new Session(env);
      CompletableFuture<Integer> loggedIn = login.start(commands.get(1));
      String url =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () -> {
                    Matcher m = AUTHORIZE_URL.matcher(login.out.toString());
                    return m.find() && login.out.toString().contains("Waiting for the redirect")
                        ? m.group(1)
                        : null;
                  },
                  found -> found != null);
      HttpResponse<String> browser =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(browser.body()).contains("you can close this tab");
      assertThat(loggedIn.get(20, TimeUnit.SECONDS)).as(login.err.toString()).isZero();
      assertThat(Path.of(env.get("TOKEN_FILE_PATH"))).exists();

      serve = new Session(env);
      served = serve.start(commands.get(2));
      Session serving = serve;
      await().atMost(Duration.ofSeconds(10)).until(serving.serving::get, e -> e != null);
      URI metrics = URI.create(curl);
      Exposition exposition =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> new Exposition(Http.get(metrics).body()),
                  e -> e.hasMetric("tesla_battery_level_percent"));
      assertThat(
              exposition.value("home_energy_exporter_device_up{device=\"tesla\",type=\"tesla\"}"))
          .hasValue(1);
      assertThat(serve.err.toString()).doesNotContain(env.get("TESLA_CLIENT_SECRET"));
    } finally {
      if (serve != null) {
        serve.stop.countDown();
        assertThat(served.get(10, TimeUnit.SECONDS)).isZero();
      }
      simulate.stop.countDown();
      assertThat(simulated.get(10, TimeUnit.SECONDS)).isZero();
    }
  }

  /** One command run in-process with the environment the README's shell would give it. */
  private static final class Session {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CountDownLatch stop = new CountDownLatch(1);
    final AtomicReference<Exporter> serving = new AtomicReference<>();
    final CommandLine commandLine;

    Session(Map<String, String> env) {
      CliContext context =
          new CliContext(
              env,
              Families.all(),
              Clock.systemUTC(),
              stop::await,
              serving::set,
              new BufferedReader(new StringReader("")));
      commandLine = Commands.commandLine(context);
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
    }

    CompletableFuture<Integer> start(String[] args) {
      return CompletableFuture.supplyAsync(
          () -> commandLine.execute(Arrays.copyOf(args, args.length)));
    }
  }
}
