package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.homeenergy.testing.Http;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --web.config.file} and {@code web.config_file} from the command line. */
class WebConfigFileCommandTest {
  private static final String DEMO_DEVICE =
      "devices:\n  - name: garage\n    type: wallconnector\n    address: 127.0.0.1:9\n";

  @Test
  void aBadWebConfigStopsServeBeforeServingAndNamesTheKey(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("exporter.yml");
    Files.writeString(config, "web:\n  listen_address: 127.0.0.1:0\n" + DEMO_DEVICE);
    Path web = dir.resolve("web.yml");
    Files.writeString(web, "basic_auth_users:\n  prometheus: hunter2-in-clear\n");
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    assertThat(run.execute("--config.file=" + config, "--web.config.file=" + web)).isEqualTo(2);
    assertThat(run.err.toString())
        .contains("web.yml:2: basic_auth_users.prometheus: not a bcrypt hash")
        .doesNotContain("hunter2");
    assertThat(run.serving.get()).isNull();
  }

  @Test
  void checkConfigChecksTheWebConfigTheConfigNames(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("exporter.yml");
    Files.writeString(config, "web:\n  config_file: web.yml\n" + DEMO_DEVICE);
    Files.writeString(
        dir.resolve("web.yml"),
        "tls_server_config:\n  cert_file: missing.crt\n  key_file: missing.key\n");
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    assertThat(run.execute("check-config", config.toString())).isEqualTo(2);
    assertThat(run.err.toString()).contains("tls_server_config.cert_file: cannot read");
  }

  @Test
  void serveAsksForCredentialsFromTheWebConfig(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("exporter.yml");
    Files.writeString(
        config, "web:\n  listen_address: 127.0.0.1:0\n  config_file: web.yml\n" + DEMO_DEVICE);
    Files.writeString(
        dir.resolve("web.yml"),
        "basic_auth_users:\n  prometheus: "
            + BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(4, "scrape-pw".toCharArray())
            + "\n");
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    CompletableFuture<Integer> exit = run.executeInBackground("--config.file=" + config);
    await().atMost(Duration.ofSeconds(15)).until(() -> run.serving.get() != null);
    URI base = run.serving.get().localUri();
    assertThat(Http.get(base.resolve("/metrics")).statusCode()).isEqualTo(401);
    String credentials = Http.basicCredentials("prometheus", "scrape-pw");
    assertThat(
            Http.get(base.resolve("/metrics"), "Authorization", "Basic " + credentials)
                .statusCode())
        .isEqualTo(200);
    run.stop.countDown();
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
  }
}
