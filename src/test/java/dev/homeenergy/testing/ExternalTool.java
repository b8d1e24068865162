package dev.homeenergy.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a program the tests need from Debian's packages (promtool, prometheus, chromium). On a
 * developer machine without it the test is skipped with a clear message; under CI (CI=true), where
 * {@code .ci/run} installs it, its absence fails the test.
 */
public final class ExternalTool {
  private ExternalTool() {}

  /** A program of the Debian package {@code prometheus}. */
  public static Path require(String program) {
    return require(program, "prometheus");
  }

  public static Path require(String program, String debianPackage) {
    Optional<Path> found =
        Stream.concat(
                Stream.of(
                    System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)),
                Stream.of("/usr/bin", "/usr/local/bin", "/usr/sbin"))
            .filter(dir -> !dir.isBlank())
            .map(dir -> Path.of(dir, program))
            .filter(Files::isExecutable)
            .findFirst();
    if (found.isPresent()) {
      return found.get();
    }
    String message =
        program
            + " is not installed (Debian package '"
            + debianPackage
            + "': apt-get install -y "
            + debianPackage
            + ")";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + "; CI must have it, .ci/run installs it");
    }
    assumeTrue(false, "skipped: " + message);
    throw new IllegalStateException("unreachable");
  }
}
