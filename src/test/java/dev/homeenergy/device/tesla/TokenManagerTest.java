package dev.homeenergy.device.tesla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.config.Secret;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.testing.MutableClock;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenManagerTest {
  private static final Instant START = Instant.parse("2026-11-25T00:00:00Z");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(START);
  private OAuthFakeServer server;
  private OAuthClient oauth;
  private Path file;

  @BeforeEach
  void start() throws IOException {
    server = new OAuthFakeServer();
    oauth = new OAuthClient(server.settings(), HttpClient.newHttpClient(), clock);
    file = dir.resolve("token.json");
    TokenFile.at(file)
        .write(
            new TeslaTokens(
                new Secret("access-0"),
                new Secret("refresh-0"),
                START.plus(Duration.ofHours(1)),
                "Bearer",
                START));
    server.acceptRefreshToken("refresh-0");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private TokenManager manager(TokenFile tokenFile) {
    return new TokenManager(tokenFile, oauth, clock);
  }

  @Test
  void validTokenIsUsedWithoutRefreshing() throws PollException {
    assertThat(manager(TokenFile.at(file)).accessToken()).isEqualTo("access-0");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void refreshesFiveMinutesAheadAndSavesTheRotatedRefreshToken() throws Exception {
    TokenManager tokens = manager(TokenFile.at(file));
    clock.advance(Duration.ofMinutes(54));
    assertThat(tokens.accessToken()).isEqualTo("access-0");

    clock.advance(Duration.ofMinutes(1));
    assertThat(tokens.accessToken()).isEqualTo("access-1");

    TeslaTokens saved = TokenFile.at(file).read().orElseThrow();
    assertThat(saved.access().reveal()).isEqualTo("access-1");
    assertThat(saved.refresh().reveal()).isEqualTo("refresh-1");
    assertThat(saved.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(8)));
    assertThat(server.count("refresh_token")).isEqualTo(1);
  }

  @Test
  void aCrashRightAfterTeslaAnswersARefreshFindsTheRotatedTokenOnDisk() throws Exception {
    TokenManager.Refresher crashing =
        (refreshToken, saveFirst) -> {
          oauth.refresh(refreshToken, saveFirst);
          throw new IllegalStateException("simulated crash after the answer was parsed");
        };
    clock.advance(Duration.ofHours(1));

    assertThatThrownBy(
            () ->
                new TokenManager(
                        TokenFile.at(file), crashing, clock, TokenManager.DEFAULT_REFRESH_AHEAD)
                    .accessToken())
        .isInstanceOf(IllegalStateException.class);

    assertThat(TokenFile.at(file).read().orElseThrow().refresh().reveal()).isEqualTo("refresh-1");
    clock.advance(Duration.ofHours(8));
    assertThat(manager(TokenFile.at(file)).accessToken()).isEqualTo("access-2");
    assertThat(server.received().get(1).form()).containsEntry("refresh_token", "refresh-1");
  }

  @Test
  void aRestartUsesTheRotatedTokenSinceTheOldOneIsSingleUse() throws Exception {
    clock.advance(Duration.ofHours(1));
    manager(TokenFile.at(file)).accessToken();
    clock.advance(Duration.ofHours(8));

    assertThat(manager(TokenFile.at(file)).accessToken()).isEqualTo("access-2");
    assertThat(server.received().get(1).form()).containsEntry("refresh_token", "refresh-1");
  }

  @Test
  void rotatedTokensAreSavedBeforeTheNewAccessTokenIsHandedOut() throws Exception {
    AtomicBoolean diskFull = new AtomicBoolean(true);
    TokenFile flaky =
        new TokenFile(
            file,
            (source, target) -> {
              if (diskFull.get()) {
                throw new IOException("disk full");
              }
              Files.move(
                  source,
                  target,
                  java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                  java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            });
    TokenManager tokens = manager(flaky);
    clock.advance(Duration.ofHours(1));

    assertThatThrownBy(tokens::accessToken)
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.INTERNAL))
        .hasMessageNotContaining("access-1")
        .hasMessageNotContaining("refresh-1");
    assertThat(TokenFile.at(file).read().orElseThrow().refresh().reveal()).isEqualTo("refresh-0");

    diskFull.set(false);
    assertThat(tokens.accessToken()).isEqualTo("access-1");
    assertThat(TokenFile.at(file).read().orElseThrow().refresh().reveal()).isEqualTo("refresh-1");
    assertThat(server.count("refresh_token")).isEqualTo(1);
  }

  @Test
  void concurrentCallersShareOneRefresh() throws Exception {
    TokenManager tokens = manager(TokenFile.at(file));
    clock.advance(Duration.ofHours(1));
    CountDownLatch gate = server.holdRefreshes();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<String> first = pool.submit(tokens::accessToken);
      server.awaitRefreshArrived();
      CompletableFuture<Thread> secondThread = new CompletableFuture<>();
      Future<String> second =
          pool.submit(
              () -> {
                secondThread.complete(Thread.currentThread());
                return tokens.accessToken();
              });
      Thread waiting = secondThread.get();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> waiting.getState() == Thread.State.BLOCKED);
      gate.countDown();

      assertThat(first.get()).isEqualTo("access-1");
      assertThat(second.get()).isEqualTo("access-1");
      assertThat(server.count("refresh_token")).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rejectedCurrentTokenIsRefreshedOnTheNextCall() throws PollException {
    TokenManager tokens = manager(TokenFile.at(file));
    String token = tokens.accessToken();

    tokens.rejected(token);

    assertThat(tokens.accessToken()).isEqualTo("access-1");
    assertThat(tokens.accessToken()).isEqualTo("access-1");
    assertThat(server.count("refresh_token")).isEqualTo(1);
  }

  @Test
  void rejectionOfAnOlderTokenDoesNotRefreshAgain() throws PollException {
    TokenManager tokens = manager(TokenFile.at(file));
    tokens.rejected(tokens.accessToken());
    tokens.accessToken();

    tokens.rejected("access-0");

    assertThat(tokens.accessToken()).isEqualTo("access-1");
    assertThat(server.count("refresh_token")).isEqualTo(1);
  }

  @Test
  void failedRefreshLeavesTheFileUntouchedAndAsksToSignInAgain() throws Exception {
    String before = Files.readString(file);
    server.failTokenRequests(401, "{\"error\":\"invalid_grant\"}");
    TokenManager tokens = manager(TokenFile.at(file));
    clock.advance(Duration.ofHours(1));

    assertThatThrownBy(tokens::accessToken)
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.AUTH))
        .hasMessageContaining("home-energy-exporter tesla login")
        .hasMessageNotContaining("refresh-0")
        .hasMessageNotContaining(OAuthFakeServer.CLIENT_SECRET);
    assertThat(Files.readString(file)).isEqualTo(before);
  }

  @Test
  void rejectedRefreshIsNotRetriedUntilTheGateOpens() throws Exception {
    server.failTokenRequests(400, "{\"error\":\"invalid_grant\"}");
    TokenManager tokens = manager(TokenFile.at(file));
    clock.advance(Duration.ofHours(1));
    assertThatThrownBy(tokens::accessToken).isInstanceOf(PollException.class);

    assertThatThrownBy(tokens::accessToken)
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.AUTH))
        .hasMessageContaining("not logging in until");
    assertThat(server.received()).hasSize(1);

    server.failTokenRequests(0, "");
    clock.advance(Duration.ofMinutes(2));
    assertThat(tokens.accessToken()).isEqualTo("access-1");
  }

  @Test
  void missingTokenFileAsksToSignIn() {
    TokenManager tokens = manager(TokenFile.at(dir.resolve("absent.json")));
    assertThatThrownBy(tokens::accessToken)
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.AUTH))
        .hasMessageContaining("home-energy-exporter tesla login");
  }

  @Test
  void ownerApiFilesWithoutExpiryAreRefreshedFirst() throws Exception {
    Path legacy = Files.createDirectory(dir.resolve("owner"));
    Files.writeString(legacy.resolve("token.access"), "qts-old\n");
    Files.writeString(legacy.resolve("token.refresh"), "refresh-0\n");

    assertThat(manager(TokenFile.at(legacy)).accessToken()).isEqualTo("access-1");
    assertThat(Files.readString(legacy.resolve("token.refresh"))).isEqualTo("refresh-1\n");
  }
}
