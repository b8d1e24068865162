package dev.homeenergy.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The install steps of docs/deploy.md ("Running as a service"), run for real under a scratch root
 * with a throwaway system user in place of {@code home-energy}: the service's user must be able to
 * read the config they install (and the exporter must accept it as that user), where the layout
 * they replaced (0640 root:root) refused it. Needs root (to create users and chown); skipped
 * otherwise.
 */
class DocumentedInstallIT {
  private static final Path DOC = Path.of("docs/deploy.md");
  private static final Path UNIT = Path.of("deploy/systemd/home-energy-exporter.service");
  private static final String CONFIG_DIR = "/etc/home-energy-exporter";
  private static final Pattern USERADD = Pattern.compile("^sudo useradd (.*) (\\S+)$");

  private final String user = "hee-it-" + UUID.randomUUID().toString().substring(0, 8);
  private Path root;

  @BeforeEach
  void needsRoot() throws Exception {
    assumeTrue(isRoot(), "skipped: creating a user and chown need root (CI runs as root)");
    root = Files.createTempDirectory("documented-install");
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @AfterEach
  void removeUser() throws Exception {
    if (root != null) {
      new ProcessBuilder("sh", "-c", "userdel \"$0\"; getent group \"$0\" && groupdel \"$0\"", user)
          .start()
          .waitFor(60, TimeUnit.SECONDS);
      run("rm", "-rf", root.toString());
    }
  }

  @Test
  void theServiceUserCanReadTheConfigTheDocumentedStepsInstall() throws Exception {
    List<String> steps = documentedSteps();
    String unit = Files.readString(UNIT);
    Matcher useradd =
        steps.stream()
            .map(USERADD::matcher)
            .filter(Matcher::matches)
            .findFirst()
            .orElseThrow(() -> new AssertionError("docs/deploy.md creates no user: " + steps));
    String serviceUser = useradd.group(2);
    assertThat(useradd.group(1)).contains("--system").contains("--user-group");
    assertThat(unit).contains("\nUser=" + serviceUser + "\n", "\nGroup=" + serviceUser + "\n");
    assertThat(unit).doesNotContain("DynamicUser=yes");

    assertThat(run(("useradd " + useradd.group(1) + " " + user).split(" "))).isZero();
    List<String> configSteps =
        steps.stream()
            .filter(step -> step.startsWith("sudo install ") && step.contains(CONFIG_DIR))
            .toList();
    assertThat(configSteps).as("the steps that install the config").hasSize(2);
    for (String step : configSteps) {
      String local =
          step.substring("sudo ".length())
              .replace(" " + CONFIG_DIR, " " + root + CONFIG_DIR)
              .replace("-g " + serviceUser + " ", "-g " + user + " ");
      assertThat(run("sh", "-c", local)).as(local).isZero();
    }
    Path config = root.resolve(CONFIG_DIR.substring(1)).resolve("home-energy-exporter.yml");

    assertThat(mode(config.getParent())).isEqualTo("rwxr-x---");
    assertThat(mode(config)).isEqualTo("rw-r-----");
    assertThat(Files.getOwner(config).getName()).isEqualTo("root");
    assertThat(asUser("cat", config.toString())).isZero();
    assertThat(asUser("test", "-w", config.toString())).as("the config is read-only to it").isOne();

    Path built = Path.of("target/home-energy-exporter.jar").toAbsolutePath();
    if (Files.exists(built)) {
      // Installed as docs/deploy.md installs it, since the checkout may be where the user cannot
      // go.
      Path jar = root.resolve("opt/home-energy-exporter/home-energy-exporter.jar");
      assertThat(run("install", "-D", "-m", "0644", built.toString(), jar.toString())).isZero();
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      assertThat(asUser(java, "-jar", jar.toString(), "check-config", config.toString()))
          .as("check-config as the service user")
          .isZero();
    }
  }

  @Test
  void theLayoutItReplacedKeptTheServiceUserOut() throws Exception {
    assertThat(run("useradd", "--system", "--user-group", "--no-create-home", user)).isZero();
    Path config = root.resolve("etc/home-energy-exporter/home-energy-exporter.yml");
    assertThat(
            run(
                "install",
                "-D",
                "-m",
                "0640",
                "examples/home-energy-exporter.yml",
                config.toString()))
        .isZero();

    assertThat(asUser("cat", config.toString())).isNotZero();
  }

  /** The systemd StateDirectory as the unit asks for it: owned by the user, writable by it. */
  @Test
  void theStateDirectoryIsTheServiceUsersToWrite() throws Exception {
    assertThat(run("useradd", "--system", "--user-group", "--no-create-home", user)).isZero();
    String unit = Files.readString(UNIT);
    Matcher mode = Pattern.compile("\nStateDirectoryMode=(\\d+)\n").matcher(unit);
    assertThat(mode.find()).isTrue();
    Path state = root.resolve("var/lib/home-energy-exporter");
    assertThat(run("install", "-d", "-m", mode.group(1), "-o", user, "-g", user, state.toString()))
        .isZero();

    assertThat(asUser("sh", "-c", "echo session > " + state.resolve("probe"))).isZero();
    assertThat(mode(state)).isEqualTo("rwx------");
  }

  /** The shell lines of the first {@code sh} block under the systemd heading. */
  private static List<String> documentedSteps() throws IOException {
    String doc = Files.readString(DOC);
    int section = doc.indexOf("## Running as a service (systemd)");
    assertThat(section).as("docs/deploy.md has the systemd section").isNotNegative();
    int start = doc.indexOf("```sh\n", section) + "```sh\n".length();
    int end = doc.indexOf("```", start);
    List<String> steps = new ArrayList<>();
    doc.substring(start, end).lines().map(String::strip).forEach(steps::add);
    return steps;
  }

  private int asUser(String... command) throws Exception {
    List<String> full = new ArrayList<>(List.of("runuser", "-u", user, "--"));
    full.addAll(List.of(command));
    return run(full.toArray(String[]::new));
  }

  private static int run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish");
    }
    if (process.exitValue() != 0) {
      System.err.println(String.join(" ", command) + ": " + output.strip());
    }
    return process.exitValue();
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static boolean isRoot() {
    try {
      return "0"
          .equals(
              new String(
                      new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes(),
                      StandardCharsets.UTF_8)
                  .strip());
    } catch (IOException e) {
      return false;
    }
  }
}
