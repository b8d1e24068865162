package dev.homeenergy.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.homeenergy.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A web config that loses its users or is emptied keeps the last good settings until it has stayed
 * unchanged for the settle period; a change that keeps or adds protection applies at the next
 * check. Real files, a clock the test moves.
 */
class ReloadingSettingsTest {
  private static final Duration SETTLE = Duration.ofSeconds(5);
  private static final String ALICE = "basic_auth_users:\n  alice: " + hash("alice-pw") + "\n";
  private static final String ALICE_AND_BOB = ALICE + "  bob: " + hash("bob-pw") + "\n";
  private static final String HEADERS_ONLY =
      "http_server_config:\n  headers:\n    X-Frame-Options: deny\n";

  @TempDir Path dir;
  private Path file;
  private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
  private Instant modified = Instant.parse("2026-01-01T00:00:00Z");
  private LogCapture logs;

  @BeforeEach
  void setUp() {
    file = dir.resolve("web.yml");
    logs = LogCapture.start();
  }

  @AfterEach
  void tearDown() {
    logs.close();
  }

  private static String hash(String password) {
    return BCrypt.withDefaults().hashToString(4, password.toCharArray());
  }

  private void write(String text) throws Exception {
    Files.writeString(file, text);
    modified = modified.plusSeconds(1);
    Files.setLastModifiedTime(file, FileTime.from(modified));
  }

  private WebSecurityConfig after(Duration elapsed, ReloadingSettings settings) {
    nanos.addAndGet(elapsed.toNanos());
    return settings.now().config();
  }

  private ReloadingSettings load(String text) throws Exception {
    write(text);
    return ReloadingSettings.load(file, nanos::get, SETTLE);
  }

  private long logged(String level, String text) {
    return logs.events().stream()
        .filter(event -> event.startsWith(level + " ") && event.contains(text))
        .count();
  }

  @Test
  void aTruncatedFileKeepsAuthAndLogsAnError() throws Exception {
    ReloadingSettings settings = load(ALICE);

    write("");

    assertThat(after(Duration.ofMillis(1100), settings).basicAuthUsers()).containsKey("alice");
    assertThat(after(Duration.ofSeconds(2), settings).authenticates()).isTrue();
    assertThat(logged("ERROR", "is empty (authentication would be off)")).isEqualTo(1);
    assertThat(logged("INFO", "reloaded")).isZero();
  }

  @Test
  void anEditorSaveThatTruncatesFirstNeverOpensTheEndpoint() throws Exception {
    ReloadingSettings settings = load(ALICE);

    write("");
    assertThat(after(Duration.ofMillis(1100), settings).authenticates()).isTrue();
    write(ALICE_AND_BOB);

    assertThat(after(Duration.ofMillis(1100), settings).basicAuthUsers())
        .containsOnlyKeys("alice", "bob");
    assertThat(logged("WARN", "deliberate")).isZero();
  }

  @Test
  void aFileWithoutUsersAppliesOnlyAfterStayingUnchangedForTheSettlePeriod() throws Exception {
    ReloadingSettings settings = load(ALICE);

    write(HEADERS_ONLY);

    assertThat(after(Duration.ofMillis(1100), settings).authenticates()).isTrue();
    assertThat(after(Duration.ofSeconds(3), settings).authenticates()).isTrue();
    assertThat(logged("ERROR", "no longer has basic_auth_users")).isEqualTo(1);
    assertThat(logged("WARN", "deliberate")).isZero();

    WebSecurityConfig settled = after(Duration.ofSeconds(2), settings);
    assertThat(settled.authenticates()).isFalse();
    assertThat(settled.headers()).containsEntry("X-Frame-Options", "deny");
    assertThat(logged("WARN", "no longer has basic_auth_users")).isEqualTo(1);
  }

  @Test
  void anotherChangeBeforeTheSettlePeriodStartsItAgain() throws Exception {
    ReloadingSettings settings = load(ALICE);

    write(HEADERS_ONLY);
    assertThat(after(Duration.ofMillis(1100), settings).authenticates()).isTrue();
    nanos.addAndGet(Duration.ofSeconds(4).toNanos());
    write(HEADERS_ONLY + "    X-Content-Type-Options: nosniff\n");

    assertThat(after(Duration.ofSeconds(2), settings).authenticates()).isTrue();
    assertThat(after(Duration.ofSeconds(4), settings).authenticates()).isTrue();
    assertThat(after(Duration.ofSeconds(1), settings).authenticates()).isFalse();
  }

  @Test
  void addingUsersAppliesAtOnce() throws Exception {
    ReloadingSettings settings = load(ALICE);

    write(ALICE_AND_BOB);

    assertThat(after(Duration.ofMillis(1100), settings).basicAuthUsers())
        .containsOnlyKeys("alice", "bob");
    assertThat(logged("INFO", "reloaded")).isEqualTo(1);
    assertThat(logged("ERROR", "web config")).isZero();
  }
}
