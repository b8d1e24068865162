package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowerwallSessionTest {
  private final ClientHarness harness = new ClientHarness();
  private FakeGateway gateway;
  @TempDir Path state;

  @BeforeEach
  void start() throws Exception {
    gateway = FakeGateway.start();
    harness.stateDirectory = state;
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private Path sessionFile() {
    return state.resolve(".home-energy-exporter-pw.session");
  }

  @Test
  void aRestartReusesTheSavedSessionWithoutLoggingIn() throws Exception {
    harness.client(gateway.address()).fetch();

    PowerwallResponses afterRestart = harness.client(gateway.address()).fetch();

    assertThat(gateway.logins()).isEqualTo(1);
    assertThat(afterRestart.failures()).isEmpty();
    assertThat(Files.readString(sessionFile(), StandardCharsets.US_ASCII).strip())
        .isEqualTo(gateway.currentToken());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sessionFile())))
        .isEqualTo("rw-------");
    try (var files = Files.list(state)) {
      assertThat(files).containsExactly(sessionFile());
    }
  }

  @Test
  void aRejectedSavedSessionIsReplacedByTheNewOne() throws Exception {
    harness.client(gateway.address()).fetch();
    String old = gateway.currentToken();
    gateway.expireToken();

    harness.client(gateway.address()).fetch();

    assertThat(gateway.logins()).isEqualTo(2);
    String saved = Files.readString(sessionFile(), StandardCharsets.US_ASCII).strip();
    assertThat(saved).isEqualTo(gateway.currentToken()).isNotEqualTo(old);
  }

  @Test
  void aRejectedSessionIsDeletedWhenNoNewOneCanBeHad() throws Exception {
    harness.client(gateway.address()).fetch();
    gateway.expireToken();
    gateway.failLogin(
        401, "{\"code\":401,\"error\":\"bad credentials\",\"message\":\"Login Error\"}");

    harness.failure(harness.client(gateway.address()));

    assertThat(sessionFile()).doesNotExist();
  }

  @Test
  void aLooselyPermittedSessionFileIsTightened() throws Exception {
    gateway.acceptToken("Saved-Token==");
    Files.writeString(sessionFile(), "Saved-Token==\n");
    Files.setPosixFilePermissions(sessionFile(), PosixFilePermissions.fromString("rw-r--r--"));

    harness.client(gateway.address()).fetch();

    assertThat(gateway.logins()).isZero();
    assertThat(gateway.cookiesSeen()).containsOnly("AuthCookie=Saved-Token==");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sessionFile())))
        .isEqualTo("rw-------");
  }

  @Test
  void anUnusableSessionFileIsIgnored() throws Exception {
    Files.writeString(sessionFile(), "two\nlines; with separators\n");

    harness.client(gateway.address()).fetch();

    assertThat(gateway.logins()).isEqualTo(1);
    assertThat(Files.readString(sessionFile()).strip()).isEqualTo(gateway.currentToken());
  }

  @Test
  void withoutAStateDirectoryNothingIsPersisted() throws Exception {
    harness.stateDirectory = null;
    harness.client(gateway.address()).fetch();
    harness.client(gateway.address()).fetch();

    assertThat(gateway.logins()).isEqualTo(2);
    try (var files = Files.list(state)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void theFileNameIsSafeForAnyDeviceName() {
    assertThat(SessionStore.fileName("home/pw 1"))
        .isEqualTo(".home-energy-exporter-home_pw_1.session");
  }
}
