package dev.homeenergy.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.app.Families;
import dev.homeenergy.cli.CliContext;
import dev.homeenergy.cli.Commands;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import picocli.CommandLine;

/**
 * Static checks of what the Debian package is made from (src/deb and the pom's project metadata):
 * the maintainer is the pom's developer, the changelog's latest entry is this version's, and the
 * manual page covers the command line it documents.
 */
class DebianPackageFilesTest {
  private static final Path DEB = Path.of("src/deb");
  private static final Pattern CHANGELOG_HEADING =
      Pattern.compile("^([a-z0-9.+-]+) \\(([^)]+)\\) [a-z-]+; urgency=[a-z]+$");
  private static final Pattern CHANGELOG_TRAILER =
      Pattern.compile(
          "^ -- (.+ <[^>]+>)  (\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4})$");

  private static Document pom;
  private static XPath xpath;

  @BeforeAll
  static void readPom() throws Exception {
    pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of("pom.xml").toFile());
    xpath = XPathFactory.newInstance().newXPath();
  }

  @Test
  void maintainerIsTheProjectsDeveloperAtAnAddressThatCanReceiveMail() throws Exception {
    String name = pom("/project/developers/developer[1]/name");
    String email = pom("/project/developers/developer[1]/email");
    assertThat(name).as("the pom's developer").isNotBlank();
    assertThat(email).matches("[a-z0-9.+-]+@[a-z0-9-]+(\\.[a-z0-9-]+)+");
    assertThat(email.substring(email.indexOf('@') + 1))
        .as("a domain that can receive mail, not a reserved or placeholder one (RFC 2606)")
        .doesNotContainPattern("(^|\\.)(example|invalid|test|localhost|local)(\\.|$)")
        .doesNotContainPattern("(^|\\.)example\\.(com|net|org)$")
        .doesNotContain("seed");
    assertThat(pom("/project/properties/deb.maintainer")).isEqualTo(name + " <" + email + ">");

    String url = pom("/project/url");
    assertThat(url).startsWith("https://");
    assertThat(pom("/project/properties/deb.homepage")).isEqualTo(url);
    assertThat(pom("/project/organization/url")).isEqualTo(url);
    assertThat(pom("/project/developers/developer[1]/organization"))
        .isEqualTo(pom("/project/organization/name"));
  }

  @Test
  void changelogsLatestEntryIsThisVersionByTheMaintainer() throws Exception {
    List<String> lines = Files.readAllLines(DEB.resolve("changelog"));
    Matcher heading = CHANGELOG_HEADING.matcher(lines.get(0));
    assertThat(heading.matches()).as("Debian changelog heading: %s", lines.get(0)).isTrue();
    assertThat(heading.group(1)).isEqualTo(pom("/project/artifactId"));
    assertThat(heading.group(2))
        .as("the entry for the version being built (a snapshot builds towards it)")
        .isEqualTo(pom("/project/version").replaceFirst("-SNAPSHOT$", ""));

    String trailer = lines.stream().filter(l -> l.startsWith(" -- ")).findFirst().orElseThrow();
    Matcher signed = CHANGELOG_TRAILER.matcher(trailer);
    assertThat(signed.matches()).as("Debian changelog trailer: %s", trailer).isTrue();
    assertThat(signed.group(1)).isEqualTo(pom("/project/properties/deb.maintainer"));
    assertThat(lines)
        .filteredOn(line -> line.startsWith("  "))
        .as("the change lines (lintian: debian-changelog-line-too-long)")
        .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(80));
  }

  @Test
  void manualPageNamesEveryCommandAndTopLevelOption() throws Exception {
    String page = Files.readString(DEB.resolve("home-energy-exporter.1"));
    CommandLine cli =
        Commands.commandLine(
            new CliContext(
                Map.of(),
                Families.all(),
                Clock.systemUTC(),
                () -> {},
                exporter -> {},
                new BufferedReader(new StringReader(""))));

    assertThat(page).startsWith(".TH HOME-ENERGY-EXPORTER 1 ");
    for (String command : cli.getSubcommands().keySet()) {
      if (!command.equals("help")) {
        assertThat(page)
            .as("the subcommand %s", command)
            .containsPattern("(?m)^\\.B " + command + "\\b");
      }
    }
    for (CommandLine.Model.OptionSpec option : cli.getCommandSpec().options()) {
      assertThat(page)
          .as("the option %s", option.longestName())
          .contains(option.longestName().replace("-", "\\-"));
    }
  }

  @Test
  void everyLintianOverrideComesWithItsReason() throws Exception {
    List<String> lines = Files.readAllLines(DEB.resolve("lintian/home-energy-exporter"));
    assertThat(lines).anyMatch(line -> line.startsWith("home-energy-exporter: "));
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("#") && !lines.get(i).isBlank()) {
        assertThat(lines.get(i)).startsWith("home-energy-exporter: ");
        assertThat(i > 0 ? lines.get(i - 1) : "")
            .as("the line before the override %s: its reason", lines.get(i))
            .matches("# \\S.{10,}");
      }
    }
  }

  private static String pom(String path) throws Exception {
    return xpath.evaluate(path, pom).trim();
  }
}
