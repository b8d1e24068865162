package dev.homeenergy.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.homeenergy.testing.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Podman with the private settings {@code deploy/image/build.sh} writes under {@code target/image}
 * ({@code CONTAINERS_CONF}, {@code CONTAINERS_STORAGE_CONF}): nothing under /etc is read or
 * changed, and containers reach the host's loopback as 10.0.2.2 through slirp4netns.
 *
 * @param imageDir where build.sh keeps its settings and storage
 * @param image the exporter's image, built from the working tree's jar
 * @param baseWithJre the Debian base with Debian's JRE, for installing the Debian package
 */
record Podman(Path imageDir, String image, String baseWithJre) {
  static final String NETWORK = "slirp4netns:allow_host_loopback=true";
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

  /** What a command did. */
  record Result(int exitCode, String stdout, String stderr) {
    Result assertSuccess(String what) {
      assertThat(exitCode)
          .as("%s exits 0; stdout:%n%s%nstderr:%n%s", what, stdout, stderr)
          .isZero();
      return this;
    }
  }

  /**
   * Builds the image as CI does (the Debian bases are made on the first call and kept in {@code
   * target/image}). Skipped without podman, buildah, debootstrap or root on a developer machine;
   * failed under CI.
   */
  static Podman buildImage() {
    Podman podman = settings();
    podman
        .command(BUILD_TIMEOUT, List.of("deploy/image/build.sh", podman.image()), Map.of())
        .assertSuccess("deploy/image/build.sh");
    return podman;
  }

  /** Makes only the Debian bases (as {@link #buildImage()} does the first time). */
  static Podman buildBases() {
    Podman podman = settings();
    podman
        .command(BUILD_TIMEOUT, List.of("deploy/image/build.sh"), Map.of("BASES_ONLY", "1"))
        .assertSuccess("deploy/image/build.sh (bases)");
    return podman;
  }

  private static Podman settings() {
    for (String tool : List.of("podman", "buildah", "runc", "slirp4netns", "debootstrap")) {
      ExternalTool.require(tool, tool);
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    if (!root && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("the image tier builds with debootstrap and rootful podman: run it as root");
    }
    assumeTrue(root, "skipped: the image tier needs root (debootstrap, rootful podman)");
    Path jar = Path.of("target/home-energy-exporter.jar");
    assertThat(jar).as("the packaged jar (mvn package runs before this tier)").exists();
    Path imageDir = Path.of("target/image").toAbsolutePath();
    return new Podman(
        imageDir,
        "localhost/home-energy-exporter:it",
        "localhost/home-energy-exporter-base:bookworm-jre");
  }

  /** {@code podman ARGS...}. */
  Result podman(String... args) {
    List<String> command = new ArrayList<>(List.of("podman"));
    command.addAll(List.of(args));
    return command(COMMAND_TIMEOUT, command, Map.of());
  }

  /** Removes a container whatever its state; for clean-up. */
  void remove(String container) {
    podman("rm", "--force", "--time", "5", container);
  }

  private Result command(Duration timeout, List<String> command, Map<String, String> extraEnv) {
    try {
      Path out = Files.createTempFile("podman", ".out");
      Path err = Files.createTempFile("podman", ".err");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.put("IMAGE_DIR", imageDir.toString());
        env.put("CONTAINERS_CONF", imageDir.resolve("containers.conf").toString());
        env.put("CONTAINERS_STORAGE_CONF", imageDir.resolve("storage.conf").toString());
        env.putAll(extraEnv);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          fail(command + " did not finish within " + timeout);
        }
        return new Result(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
