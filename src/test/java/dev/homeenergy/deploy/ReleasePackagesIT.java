package dev.homeenergy.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.testing.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mvn package} puts in the release tarball and the Debian package: the files, their
 * modes and owners, the package's control fields, and what Debian's lintian says of it. Installing
 * the package for real is the image tier's {@code DebPackageIT}.
 */
class ReleasePackagesIT {
  private static final Path TARGET = Path.of("target");

  @Test
  void tarballHoldsWhatAUserNeedsWithoutMaven() throws Exception {
    String version = version();
    Path tarball = TARGET.resolve("home-energy-exporter-" + version + ".tar.gz");
    assertThat(tarball).exists();
    Map<String, String> entries =
        listing(run("tar", "--numeric-owner", "-tvzf", tarball.toString()), 5);
    String top = "home-energy-exporter-" + version + "/";
    assertThat(entries)
        .containsEntry(top + "home-energy-exporter.jar", "-rw-r--r-- 0/0")
        .containsEntry(top + "bin/home-energy-exporter", "-rwxr-xr-x 0/0")
        .containsEntry(top + "deploy/systemd/home-energy-exporter.service", "-rw-r--r-- 0/0")
        .containsEntry(top + "deploy/Dockerfile", "-rw-r--r-- 0/0")
        .containsEntry(top + "deploy/docker-entrypoint.sh", "-rwxr-xr-x 0/0")
        .containsEntry(top + "examples/home-energy-exporter.yml", "-rw-r--r-- 0/0")
        .containsEntry(top + "docs/deploy.md", "-rw-r--r-- 0/0")
        .containsEntry(top + "README.md", "-rw-r--r-- 0/0")
        .containsEntry(top + "LICENSE", "-rw-r--r-- 0/0")
        .containsEntry(top + "NOTICE", "-rw-r--r-- 0/0");
    assertThat(entries.keySet())
        .allMatch(name -> name.startsWith(top))
        .noneMatch(name -> name.startsWith(top + "deploy/config/") && name.endsWith(".yml"))
        .noneMatch(name -> name.endsWith("/.env"));
  }

  @Test
  void debianPackageInstallsTheJarLauncherAndUnit(@TempDir Path scripts) throws Exception {
    ExternalTool.require("dpkg-deb", "dpkg");
    String version = version();
    Path deb = TARGET.resolve("home-energy-exporter_" + version + "_all.deb");
    assertThat(deb).exists();

    String control = run("dpkg-deb", "--field", deb.toString());
    assertThat(control)
        .contains("Package: home-energy-exporter\n")
        .contains("Version: " + version + "\n")
        .contains("Architecture: all\n")
        .contains("Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless");
    Map<String, String> files = listing(run("dpkg-deb", "--contents", deb.toString()), 5);
    assertThat(files)
        .containsEntry(
            "./opt/home-energy-exporter/home-energy-exporter.jar", "-rw-r--r-- root/root")
        .containsEntry(
            "./opt/home-energy-exporter/bin/home-energy-exporter", "-rwxr-xr-x root/root")
        .containsEntry("./lib/systemd/system/home-energy-exporter.service", "-rw-r--r-- root/root")
        .containsEntry("./usr/share/doc/home-energy-exporter/copyright", "-rw-r--r-- root/root")
        .containsEntry("./usr/share/doc/home-energy-exporter/changelog.gz", "-rw-r--r-- root/root")
        .containsEntry("./usr/share/man/man1/home-energy-exporter.1.gz", "-rw-r--r-- root/root")
        .containsEntry("./usr/share/lintian/overrides/home-energy-exporter", "-rw-r--r-- root/root")
        .containsKey("./usr/bin/home-energy-exporter");
    assertThat(files.keySet())
        .as("the package ships no config (the unit waits for one) and no state")
        .noneMatch(name -> name.startsWith("./etc/") || name.startsWith("./var/"));

    run("dpkg-deb", "--control", deb.toString(), scripts.toString());
    for (String script : List.of("postinst", "prerm", "postrm")) {
      assertThat(scripts.resolve(script)).isExecutable();
      run("sh", "-n", scripts.resolve(script).toString());
    }
  }

  @Test
  void tarballShipsTheLicenceNoticeAndDocumentationTheDebianPackageShips() throws Exception {
    ExternalTool.require("dpkg-deb", "dpkg");
    String version = version();
    String top = "home-energy-exporter-" + version + "/";
    Set<String> tarball =
        regularFiles(
                run(
                    "tar",
                    "-tvzf",
                    TARGET.resolve("home-energy-exporter-" + version + ".tar.gz").toString()))
            .stream()
            .map(name -> name.substring(top.length()))
            .filter(
                name ->
                    !name.equals("home-energy-exporter.jar")
                        && !name.startsWith("bin/")
                        && !name.startsWith("deploy/"))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> deb =
        regularFiles(
                run(
                    "dpkg-deb",
                    "--contents",
                    TARGET.resolve("home-energy-exporter_" + version + "_all.deb").toString()))
            .stream()
            .map(ReleasePackagesIT::tarballNameOfDebDocumentation)
            .flatMap(Optional::stream)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(deb)
        .contains("LICENSE", "NOTICE", "README.md", "changelog", "man/home-energy-exporter.1");
    assertThat(tarball).as("the tarball's documentation, then the .deb's").isEqualTo(deb);
  }

  /**
   * The name in the tarball of a licence, notice or documentation file of the .deb: the Debian
   * copyright file stands for LICENSE, the gzipped changelog and manual page for the plain ones.
   */
  private static Optional<String> tarballNameOfDebDocumentation(String debPath) {
    String doc = "./usr/share/doc/home-energy-exporter/";
    String man = "./usr/share/man/man1/";
    if (debPath.startsWith(man) && debPath.endsWith(".gz")) {
      return Optional.of("man/" + debPath.substring(man.length(), debPath.length() - 3));
    }
    if (!debPath.startsWith(doc)) {
      return Optional.empty();
    }
    String name = debPath.substring(doc.length());
    return Optional.of(
        switch (name) {
          case "copyright" -> "LICENSE";
          case "changelog.gz" -> "changelog";
          default -> name;
        });
  }

  /** The regular files of a tar or dpkg-deb listing. */
  private static Set<String> regularFiles(String listing) {
    return listing(listing, 5).entrySet().stream()
        .filter(entry -> entry.getValue().startsWith("-"))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  @Test
  void lintianReportsNoErrorOrWarningButTheOverriddenOnes() throws Exception {
    ExternalTool.require("lintian", "lintian");
    Path deb = TARGET.resolve("home-energy-exporter_" + version() + "_all.deb");
    assertThat(deb).exists();

    List<String> report =
        run(
                "lintian",
                "--fail-on",
                "none",
                "--tag-display-limit",
                "0",
                "--display-info",
                "--show-overrides",
                deb.toString())
            .lines()
            .toList();
    assertThat(report)
        .as("lintian's errors and warnings (each one meant goes in src/deb/lintian, with a reason)")
        .noneMatch(line -> line.startsWith("E: ") || line.startsWith("W: "));
    assertThat(report)
        .as("overrides that match nothing")
        .noneMatch(
            line -> line.contains("unused-override") || line.contains("mismatched-override"));
    Set<String> overridden =
        report.stream()
            .filter(line -> line.startsWith("O: "))
            .map(line -> line.split(" ")[2])
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(overridden)
        .as("the tags overridden, as src/deb/lintian/home-energy-exporter gives them")
        .containsExactly("dir-or-file-in-opt", "jar-not-in-usr-share");
  }

  /** The ls-style listing of tar or dpkg-deb: name (after " -> " is cut) to "mode owner". */
  private static Map<String, String> listing(String output, int nameColumn) {
    return output
        .lines()
        .map(line -> line.split("\\s+", nameColumn + 1))
        .collect(
            Collectors.toMap(
                columns -> columns[nameColumn].replaceFirst(" -> .*", ""),
                columns -> columns[0] + " " + columns[1],
                (a, b) -> a));
  }

  private static String version() throws IOException {
    Properties build = new Properties();
    try (var in = ReleasePackagesIT.class.getResourceAsStream("/dev/homeenergy/build.properties")) {
      build.load(in);
    }
    return build.getProperty("version");
  }

  private static String run(String... command) throws Exception {
    Path out = Files.createTempFile("release", ".out");
    try {
      Process process =
          new ProcessBuilder(new ArrayList<>(List.of(command)))
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finishes", command[0]).isTrue();
      String output = Files.readString(out, StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
      return output;
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
