package dev.homeenergy.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.device.powerwall.sim.PowerwallSimulator;
import dev.homeenergy.device.wallconnector.sim.WallConnectorSimulator;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipFile;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image, built the way CI builds it (deploy/image/build.sh: a debootstrap base,
 * buildah, no registry) and run with podman over slirp4netns: the demo, a config on a read-only
 * mount reaching device stand-ins on the host, the health check, the non-root user, the git
 * revision, and a clean stop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerImageIT {
  private static final Duration START = Duration.ofSeconds(90);

  private Podman podman;

  @BeforeAll
  void build() {
    podman = Podman.buildImage();
  }

  @Test
  void demoServesAsNonRootWithAWorkingHealthCheckAndStopsCleanly() {
    String container = "hee-it-demo";
    podman.remove(container);
    try {
      podman
          .podman(
              "run",
              "--detach",
              "--name",
              container,
              "--network",
              Podman.NETWORK,
              "--health-interval",
              "disable",
              "--publish",
              "127.0.0.1::10042",
              podman.image())
          .assertSuccess("podman run (demo)");
      URI base = published(container);

      awaitHealthy(container, base);
      assertThat(Http.get(base.resolve("/metrics")).body())
          .contains("home_energy_exporter_device_up{device=\"garage\"");
      assertThat(
              podman
                  .podman("top", container, "user", "comm")
                  .assertSuccess("podman top")
                  .stdout()
                  .lines()
                  .skip(1))
          .as("every process of the container, java among them, runs as the user exporter")
          .isNotEmpty()
          .allMatch(line -> line.trim().startsWith("exporter "))
          .anyMatch(line -> line.trim().endsWith("java"));
      podman.podman("healthcheck", "run", container).assertSuccess("the image's HEALTHCHECK");

      podman.podman("stop", "--time", "20", container).assertSuccess("podman stop");
      assertThat(
              podman
                  .podman("inspect", "--format", "{{.State.ExitCode}}", container)
                  .stdout()
                  .trim())
          .as("exit code after podman stop")
          .isEqualTo("0");
      Podman.Result logs = podman.podman("logs", container);
      assertThat(logs.stdout() + logs.stderr())
          .contains("running the demo")
          .contains("home-energy-exporter stopped")
          .doesNotContain("Exception");
    } finally {
      podman.remove(container);
    }
  }

  @Test
  void configOnAReadOnlyMountReachesDevicesOnTheHostAndKeepsItsSessionInTheStateVolume(
      @TempDir Path dir) throws IOException {
    String container = "hee-it-config";
    String volume = "hee-it-state";
    podman.remove(container);
    podman.podman("volume", "rm", "--force", volume);
    SimulatorOptions options =
        new SimulatorOptions("127.0.0.1", 0, "charging", Clock.systemUTC(), Set.of());
    try (WallConnectorSimulator wallConnector = WallConnectorSimulator.start(options);
        PowerwallSimulator powerwall =
            PowerwallSimulator.start(
                new SimulatorOptions("127.0.0.1", 0, "powerwall2", Clock.systemUTC(), Set.of()))) {
      Path config = Files.createDirectory(dir.resolve("config"));
      Files.writeString(config.resolve("powerwall.password"), PowerwallSimulator.DEFAULT_PASSWORD);
      Files.writeString(
          config.resolve("home-energy-exporter.yml"),
          """
          devices:
            - name: garage
              type: wallconnector
              address: 10.0.2.2:%d
              interval: 2s
            - name: home-battery
              type: powerwall
              address: 10.0.2.2:%d
              password_file: powerwall.password
              interval: 5s
          """
              .formatted(wallConnector.baseUri().getPort(), powerwall.baseUri().getPort()));
      readableByAll(config);

      podman
          .podman(
              "run",
              "--detach",
              "--name",
              container,
              "--network",
              Podman.NETWORK,
              "--health-interval",
              "disable",
              "--publish",
              "127.0.0.1::10042",
              "--volume",
              config + ":/config:ro",
              "--volume",
              volume + ":/state",
              podman.image())
          .assertSuccess("podman run (config)");
      URI base = published(container);

      awaitHealthy(container, base);
      await()
          .atMost(START)
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () ->
                  assertThat(Http.get(base.resolve("/metrics")).body())
                      .contains(
                          "home_energy_exporter_device_up{device=\"garage\",type=\"wallconnector\"} 1.0")
                      .contains(
                          "home_energy_exporter_device_up{device=\"home-battery\",type=\"powerwall\"} 1.0"));
      assertThat(
              podman
                  .podman("exec", container, "sh", "-c", "touch /config/x 2>&1; echo $?")
                  .stdout()
                  .trim())
          .as("the config mount is read-only")
          .isNotEqualTo("0");
      Podman.Result state =
          podman.podman("exec", container, "ls", "-A", "/state").assertSuccess("ls /state");
      assertThat(state.stdout())
          .as("the gateway session is kept in the state volume")
          .contains(".home-energy-exporter-home-battery.session");
      podman.podman("healthcheck", "run", container).assertSuccess("the image's HEALTHCHECK");

      podman.podman("stop", "--time", "20", container).assertSuccess("podman stop");
      assertThat(
              podman
                  .podman("inspect", "--format", "{{.State.ExitCode}}", container)
                  .stdout()
                  .trim())
          .isEqualTo("0");
      Podman.Result logs = podman.podman("logs", container);
      assertThat(logs.stdout() + logs.stderr())
          .contains("serving /config/home-energy-exporter.yml")
          .contains("home-energy-exporter stopped")
          .doesNotContain(PowerwallSimulator.DEFAULT_PASSWORD);
    } finally {
      podman.remove(container);
      podman.podman("volume", "rm", "--force", volume);
    }
  }

  @Test
  void imageLabelsAndTheJarInItCarryTheGitRevision() throws IOException {
    String revision;
    try (ZipFile jar = new ZipFile("target/home-energy-exporter.jar")) {
      Properties build = new Properties();
      build.load(jar.getInputStream(jar.getEntry("dev/homeenergy/build.properties")));
      revision = build.getProperty("revision");
    }
    assertThat(revision).matches("[0-9a-f]{12}");

    assertThat(
            podman
                .podman(
                    "image",
                    "inspect",
                    "--format",
                    "{{index .Labels \"org.opencontainers.image.revision\"}}",
                    podman.image())
                .stdout()
                .trim())
        .isEqualTo(revision);
    Podman.Result version =
        podman
            .podman(
                "run",
                "--rm",
                "--network",
                "none",
                "--health-interval",
                "disable",
                podman.image(),
                "--version")
            .assertSuccess("--version in the image");
    assertThat(version.stdout()).contains("(revision " + revision + ",");
  }

  private URI published(String container) {
    String address =
        podman.podman("port", container, "10042").assertSuccess("podman port").stdout().trim();
    return URI.create("http://" + address.lines().findFirst().orElseThrow() + "/");
  }

  private void awaitHealthy(String container, URI base) {
    try {
      await()
          .atMost(START)
          .pollInterval(Duration.ofMillis(500))
          .failFast("the container exited", () -> !running(container))
          .ignoreExceptions()
          .until(() -> Http.get(base.resolve("/-/healthy")).statusCode() == 200);
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      Podman.Result logs = podman.podman("logs", container);
      throw new AssertionError(
          container + " did not answer /-/healthy; its log:\n" + logs.stdout() + logs.stderr(), e);
    }
  }

  private boolean running(String container) {
    return podman
        .podman("inspect", "--format", "{{.State.Running}}", container)
        .stdout()
        .trim()
        .equals("true");
  }

  /** The container's user (uid 10042) reads the mount through the "other" bits. */
  private static void readableByAll(Path config) {
    try {
      Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rwxr-xr-x"));
      try (var files = Files.list(config)) {
        for (Path file : files.toList()) {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
      Files.setPosixFilePermissions(
          config.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
