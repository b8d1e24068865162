package dev.homeenergy.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Debian package, installed for real with {@code dpkg -i} into a Debian bookworm made by
 * debootstrap (the image tier's base with Debian's JRE, run as a container): its files, owners and
 * modes, the launcher and {@code check-config} as the service's user, a second install, and what
 * {@code dpkg -r} and {@code dpkg --purge} leave behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DebPackageIT {
  private static final String CONTAINER = "hee-it-deb";
  private static final String CONFIG = "/etc/home-energy-exporter/home-energy-exporter.yml";

  private Podman podman;

  @BeforeAll
  void start() throws IOException {
    podman = Podman.buildBases();
    Path deb;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      deb =
          files
              .filter(f -> f.getFileName().toString().matches("home-energy-exporter_.*_all\\.deb"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("mvn package made no .deb in target/"))
              .toAbsolutePath();
    }
    podman.remove(CONTAINER);
    podman
        .podman(
            "run",
            "--detach",
            "--name",
            CONTAINER,
            "--network",
            "none",
            "--volume",
            deb + ":/tmp/home-energy-exporter.deb:ro",
            "--volume",
            Path.of("examples").toAbsolutePath() + ":/tmp/examples:ro",
            podman.baseWithJre(),
            "sleep",
            "infinity")
        .assertSuccess("podman run (Debian with its JRE)");
  }

  @AfterAll
  void stop() {
    if (podman != null) {
      podman.remove(CONTAINER);
    }
  }

  @Test
  void installsRunsAndLeavesConfigAndStateBehindWhenRemoved() {
    sh("dpkg -i /tmp/home-energy-exporter.deb").assertSuccess("dpkg -i");

    assertThat(stat("/opt/home-energy-exporter/home-energy-exporter.jar"))
        .isEqualTo("root:root 644 regular file");
    assertThat(stat("/opt/home-energy-exporter/bin/home-energy-exporter"))
        .isEqualTo("root:root 755 regular file");
    assertThat(sh("readlink -f /usr/bin/home-energy-exporter").stdout().trim())
        .isEqualTo("/opt/home-energy-exporter/bin/home-energy-exporter");
    assertThat(stat("/lib/systemd/system/home-energy-exporter.service"))
        .isEqualTo("root:root 644 regular file");
    assertThat(stat("/usr/share/doc/home-energy-exporter/copyright"))
        .isEqualTo("root:root 644 regular file");
    assertThat(stat("/usr/share/doc/home-energy-exporter/examples/home-energy-exporter.yml"))
        .isEqualTo("root:root 644 regular file");
    assertThat(stat("/usr/share/man/man1/home-energy-exporter.1.gz"))
        .isEqualTo("root:root 644 regular file");
    assertThat(sh("zcat /usr/share/doc/home-energy-exporter/changelog.gz").stdout())
        .startsWith("home-energy-exporter (");
    assertThat(stat("/etc/home-energy-exporter")).isEqualTo("root:home-energy 750 directory");
    assertThat(stat("/var/lib/home-energy-exporter"))
        .isEqualTo("home-energy:home-energy 700 directory");
    assertThat(sh("getent passwd home-energy | cut -d: -f6,7").stdout().trim())
        .isEqualTo("/var/lib/home-energy-exporter:/usr/sbin/nologin");
    assertThat(sh("test -e " + CONFIG + "; echo $?").stdout().trim())
        .as("the package ships no config, so the unit's ConditionPathExists keeps it stopped")
        .isEqualTo("1");
    assertThat(sh("grep -x 'ConditionPathExists=" + CONFIG + "' /lib/systemd/system/*.service"))
        .extracting(Podman.Result::exitCode)
        .isEqualTo(0);

    String version = sh("home-energy-exporter --version").assertSuccess("--version").stdout();
    assertThat(version).startsWith("home-energy-exporter ").contains("revision ");

    sh("install -m 0640 -o root -g home-energy /tmp/examples/home-energy-exporter.yml " + CONFIG)
        .assertSuccess("installing the example config");
    sh("runuser -u home-energy -- home-energy-exporter check-config " + CONFIG)
        .assertSuccess("check-config as the service's user");

    // A second install (dpkg -i again, as on an upgrade) keeps what the administrator changed.
    sh("chmod 0755 /etc/home-energy-exporter").assertSuccess("chmod");
    sh("dpkg -i /tmp/home-energy-exporter.deb").assertSuccess("dpkg -i, again");
    assertThat(stat("/etc/home-energy-exporter")).isEqualTo("root:home-energy 755 directory");
    assertThat(sh("getent passwd home-energy | wc -l").stdout().trim()).isEqualTo("1");

    sh("runuser -u home-energy -- sh -c 'echo {} > /var/lib/home-energy-exporter/tesla-token.json'")
        .assertSuccess("a state file written by the service's user");
    sh("dpkg -r home-energy-exporter").assertSuccess("dpkg -r");
    for (String gone :
        List.of(
            "/opt/home-energy-exporter/home-energy-exporter.jar",
            "/usr/bin/home-energy-exporter",
            "/lib/systemd/system/home-energy-exporter.service",
            "/usr/share/man/man1/home-energy-exporter.1.gz")) {
      assertThat(sh("test -e " + gone + "; echo $?").stdout().trim()).as(gone).isEqualTo("1");
    }
    assertThat(stat(CONFIG)).isEqualTo("root:home-energy 640 regular file");
    assertThat(stat("/var/lib/home-energy-exporter/tesla-token.json"))
        .isEqualTo("home-energy:home-energy 644 regular file");

    sh("dpkg --purge home-energy-exporter").assertSuccess("dpkg --purge");
    assertThat(sh("test -e /var/lib/home-energy-exporter; echo $?").stdout().trim())
        .as("purge removes the state")
        .isEqualTo("1");
    assertThat(stat(CONFIG))
        .as("purge leaves the administrator's config")
        .isEqualTo("root:home-energy 640 regular file");
  }

  private String stat(String path) {
    return sh("stat -c '%U:%G %a %F' " + path).assertSuccess("stat " + path).stdout().trim();
  }

  private Podman.Result sh(String script) {
    return podman.podman("exec", CONTAINER, "sh", "-c", script);
  }
}
