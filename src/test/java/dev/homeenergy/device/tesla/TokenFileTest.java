package dev.homeenergy.device.tesla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.config.Secret;
import dev.homeenergy.devicehttp.PrivateFiles;
import dev.homeenergy.testing.LogCapture;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {
  private static final String SEED_002_FILE =
      """
      {"access_token": "eyJ-old-access", "refresh_token": "NA_old-refresh", \
      "expires_at": 1764025200.5, "token_type": "Bearer", "created_at": 1763996400.25}
      """;

  @TempDir Path dir;

  private static TeslaTokens tokens(String access, String refresh) {
    return new TeslaTokens(
        new Secret(access),
        new Secret(refresh),
        Instant.parse("2026-11-25T08:00:00Z"),
        "Bearer",
        Instant.parse("2026-11-25T00:00:00Z"));
  }

  @Test
  void readsTheFleetExportersTokenFileAsItIs() throws IOException {
    Path file = dir.resolve("token.json");
    Files.writeString(file, SEED_002_FILE);

    TeslaTokens read = TokenFile.at(file).read().orElseThrow();

    assertThat(read.access().reveal()).isEqualTo("eyJ-old-access");
    assertThat(read.refresh().reveal()).isEqualTo("NA_old-refresh");
    assertThat(read.expiresAt()).isEqualTo(Instant.ofEpochMilli(1764025200500L));
    assertThat(read.tokenType()).isEqualTo("Bearer");
    assertThat(read.createdAt()).isEqualTo(Instant.ofEpochMilli(1763996400250L));
  }

  @Test
  void writesTheSameKeysOwnerOnly() throws IOException {
    Path file = dir.resolve("token.json");
    TokenFile.at(file).write(tokens("access-1", "refresh-1"));

    JsonNode written = new ObjectMapper().readTree(Files.readString(file));
    assertThat(written.fieldNames())
        .toIterable()
        .containsExactly("access_token", "refresh_token", "expires_at", "token_type", "created_at");
    assertThat(written.get("expires_at").asLong())
        .isEqualTo(Instant.parse("2026-11-25T08:00:00Z").getEpochSecond());
    assertThat(written.get("created_at").isNumber()).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(TokenFile.at(file).read()).contains(tokens("access-1", "refresh-1"));
    assertThat(siblings()).containsExactly("token.json");
  }

  @Test
  void readingTightensAFileOthersCanRead() throws IOException {
    Path file = dir.resolve("token.json");
    Files.writeString(file, SEED_002_FILE);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    TokenFile.at(file).read();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void anotherUsersReadableFileIsReadWithAWarning() throws IOException {
    Path file = dir.resolve("token.json");
    Files.writeString(file, SEED_002_FILE);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    TokenFile notOwner =
        new TokenFile(
            file,
            PrivateFiles.withPermissionSetter(
                (target, permissions) -> {
                  throw new AccessDeniedException(target.toString(), null, "not the owner");
                }));

    try (LogCapture log = LogCapture.start()) {
      assertThat(notOwner.read()).isPresent();

      assertThat(log.events())
          .anyMatch(
              line ->
                  line.contains("may be read by others (rw-r-----, owner ")
                      && line.contains("chmod 600 " + file));
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
  }

  @Test
  void missingFileMeansNoTokensYet() throws IOException {
    assertThat(TokenFile.at(dir.resolve("token.json")).read()).isEmpty();
  }

  @Test
  void crashBeforeTheRenameLeavesTheOldFileIntact() throws IOException {
    Path file = dir.resolve("token.json");
    Files.writeString(file, SEED_002_FILE);
    TokenFile crashing =
        new TokenFile(
            file,
            (source, target) -> {
              throw new IOException("simulated crash before the rename");
            });

    assertThatThrownBy(() -> crashing.write(tokens("access-new", "refresh-new")))
        .isInstanceOf(IOException.class);

    assertThat(Files.readString(file)).isEqualTo(SEED_002_FILE);
    assertThat(TokenFile.at(file).read().orElseThrow().refresh().reveal())
        .isEqualTo("NA_old-refresh");
    assertThat(siblings()).containsExactly("token.json");
  }

  @Test
  void leftoverTemporaryFileOfACrashIsIgnoredAndCleanedOnTheNextWrite() throws IOException {
    Path file = dir.resolve("token.json");
    Files.writeString(file, SEED_002_FILE);
    Files.writeString(dir.resolve(".token.json.0f3c-crashed.tmp"), "{\"access_token\": \"half");

    assertThat(TokenFile.at(file).read().orElseThrow().refresh().reveal())
        .isEqualTo("NA_old-refresh");

    TokenFile.at(file).write(tokens("access-2", "refresh-2"));
    assertThat(siblings()).containsExactly("token.json");
    assertThat(TokenFile.at(file).read().orElseThrow().refresh().reveal()).isEqualTo("refresh-2");
  }

  @Test
  void readsTheOwnerApiExportersTwoFiles() throws IOException {
    Files.writeString(dir.resolve("token.access"), "qts-access-token\n");
    Files.writeString(
        dir.resolve("token.refresh"),
        "{\"refresh_token\": \"owner-refresh\", \"expires_in\": 300}\n");

    TeslaTokens read = TokenFile.at(dir).read().orElseThrow();

    assertThat(read.access().reveal()).isEqualTo("qts-access-token");
    assertThat(read.refresh().reveal()).isEqualTo("owner-refresh");
    assertThat(read.expiresAt()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void writesTheOwnerApiLayoutBackAsBareTokens() throws IOException {
    Files.writeString(dir.resolve("token.refresh"), "owner-refresh\n");
    TokenFile.at(dir).write(tokens("access-3", "refresh-3"));

    assertThat(Files.readString(dir.resolve("token.access"))).isEqualTo("access-3\n");
    assertThat(Files.readString(dir.resolve("token.refresh"))).isEqualTo("refresh-3\n");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("token.refresh"))))
        .isEqualTo("rw-------");
  }

  @Test
  void brokenFileIsReportedWithoutItsContent() throws IOException {
    Path file = dir.resolve("token.json");
    Files.writeString(file, "{\"access_token\": \"leaked-access\", \"refresh_token\": ");

    assertThatThrownBy(() -> TokenFile.at(file).read())
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageNotContaining("leaked-access");
  }

  @Test
  void tokensNeverPrintTheirSecrets() {
    assertThat(tokens("access-secret-x", "refresh-secret-y").toString())
        .doesNotContain("access-secret-x")
        .doesNotContain("refresh-secret-y")
        .contains("2026-11-25T08:00:00Z");
  }

  private java.util.List<String> siblings() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
