package dev.homeenergy.devicehttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
  private static final byte[] OLD = "old content\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NEW =
      "new content, somewhat longer than the old one\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @Test
  void writesACompleteOwnerOnlyFileAndNothingElse() throws IOException {
    Path file = dir.resolve("token.json");

    PrivateFiles.atomic().write(file, NEW);

    assertThat(Files.readAllBytes(file)).isEqualTo(NEW);
    assertThat(mode(file)).isEqualTo("rw-------");
    assertThat(names()).containsExactly("token.json");
  }

  @Test
  void replacingAFileOthersCouldReadLeavesItOwnerOnly() throws IOException {
    Path file = dir.resolve("session");
    Files.write(file, OLD);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

    PrivateFiles.atomic().write(file, NEW);

    assertThat(Files.readAllBytes(file)).isEqualTo(NEW);
    assertThat(mode(file)).isEqualTo("rw-------");
    assertThat(names()).containsExactly("session");
  }

  @Test
  void aFailedRenameLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("token.json");
    Files.write(file, OLD);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    PrivateFiles crashing =
        PrivateFiles.withMover(
            (source, target) -> {
              assertThat(Files.readAllBytes(source)).isEqualTo(NEW);
              assertThat(mode(source)).isEqualTo("rw-------");
              throw new IOException("simulated crash before the rename");
            });

    assertThatThrownBy(() -> crashing.write(file, NEW)).hasMessageContaining("simulated crash");

    assertThat(Files.readAllBytes(file)).isEqualTo(OLD);
    assertThat(mode(file)).isEqualTo("rw-r--r--");
    assertThat(names()).containsExactly("token.json");
  }

  @Test
  void aMissingDirectoryIsAnErrorNamingTheFile() {
    Path file = dir.resolve("missing/token.json");

    assertThatThrownBy(() -> PrivateFiles.atomic().write(file, NEW))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
    assertThat(dir.resolve("missing")).doesNotExist();
  }

  @Test
  void leftoversOfACrashAreRemovedByTheNextWrite() throws IOException {
    Path file = dir.resolve("token.json");
    Files.write(dir.resolve(".token.json.0f3c-crashed.tmp"), OLD);
    Files.write(dir.resolve(".other.json.0f3c-crashed.tmp"), OLD);

    PrivateFiles.atomic().write(file, NEW);

    assertThat(names()).containsExactly(".other.json.0f3c-crashed.tmp", "token.json");
  }

  @Test
  void createWritesANewOwnerOnlyFile() throws IOException {
    Path file = dir.resolve("private-key.pem");

    PrivateFiles.create(file, NEW);

    assertThat(Files.readAllBytes(file)).isEqualTo(NEW);
    assertThat(mode(file)).isEqualTo("rw-------");
    assertThat(names()).containsExactly("private-key.pem");
  }

  @Test
  void createNeverReplacesAFile() throws IOException {
    Path file = dir.resolve("private-key.pem");
    Files.write(file, OLD);

    assertThatThrownBy(() -> PrivateFiles.create(file, NEW))
        .isInstanceOf(FileAlreadyExistsException.class);

    assertThat(Files.readAllBytes(file)).isEqualTo(OLD);
    assertThat(names()).containsExactly("private-key.pem");
  }

  @Test
  void tightenTakesAwayEveryoneElsesPermissions() throws IOException {
    Path file = dir.resolve("token.json");
    Files.write(file, OLD);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThat(PrivateFiles.tighten(file)).isEqualTo(PrivateFiles.Tightening.TIGHTENED);
    assertThat(mode(file)).isEqualTo("rw-------");
    assertThat(PrivateFiles.tighten(file)).isEqualTo(PrivateFiles.Tightening.ALREADY_PRIVATE);
  }

  @Test
  void anotherUsersFileIsLeftOpenRatherThanFailing() throws IOException {
    Path file = dir.resolve("token.json");
    Files.write(file, OLD);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    PrivateFiles notOwner =
        PrivateFiles.withPermissionSetter(
            (target, permissions) -> {
              throw new java.nio.file.FileSystemException(
                  target.toString(), null, "Operation not permitted");
            });

    assertThat(notOwner.tightenExisting(file)).isEqualTo(PrivateFiles.Tightening.LEFT_OPEN);
    assertThat(mode(file)).isEqualTo("rw-r-----");
    assertThat(PrivateFiles.describeAccess(file)).startsWith("rw-r-----, owner ");
  }

  /**
   * The umask can only be set for a whole process, so a child JVM writes under umask 000: a plain
   * file comes out world-writable there, the private one still 0600.
   */
  @Test
  void aPermissiveUmaskDoesNotWidenTheFile() throws Exception {
    Path written = dir.resolve("written");
    Path created = dir.resolve("created");
    Path replaced = dir.resolve("replaced");
    Path plain = dir.resolve("plain");
    Files.write(replaced, OLD);
    Files.setPosixFilePermissions(replaced, PosixFilePermissions.fromString("rw-r--r--"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                "sh",
                "-c",
                "umask 000 && exec \"$@\"",
                "sh",
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                UmaskProbe.class.getName(),
                written.toString(),
                created.toString(),
                replaced.toString(),
                plain.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(output).isZero();

    assertThat(mode(plain)).as("the child's umask").isEqualTo("rw-rw-rw-");
    assertThat(List.of(mode(written), mode(created), mode(replaced))).containsOnly("rw-------");
    assertThat(Files.readAllBytes(replaced)).isEqualTo(NEW);
    assertThat(names()).containsExactlyInAnyOrder("written", "created", "replaced", "plain");
  }

  /** Run in a child JVM by {@link #aPermissiveUmaskDoesNotWidenTheFile}. */
  static final class UmaskProbe {
    public static void main(String[] args) throws IOException {
      PrivateFiles.atomic().write(Path.of(args[0]), NEW);
      PrivateFiles.create(Path.of(args[1]), NEW);
      PrivateFiles.atomic().write(Path.of(args[2]), NEW);
      Files.write(Path.of(args[3]), NEW);
    }
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
