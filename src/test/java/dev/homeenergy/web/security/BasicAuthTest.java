package dev.homeenergy.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BasicAuthTest {
  private static final String PASSWORD = "scrape-secret";
  private static final Map<String, String> USERS =
      Map.of(
          "prometheus",
          BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(4, PASSWORD.toCharArray()));

  private static final BasicAuth.HashVerifier REAL =
      (password, hash) -> BCrypt.verifyer().verify(password, hash).verified;

  @Test
  void cachedCredentialsAreAllowedWhileAFloodHoldsEveryCheckAndTheFloodIsRefusedNotQueued()
      throws Exception {
    AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));
    CountDownLatch holding = new CountDownLatch(2);
    BasicAuth auth =
        new BasicAuth(
            (password, hash) -> {
              holding.countDown();
              awaitQuietly(gate.get());
              return REAL.matches(password, hash);
            },
            2,
            Duration.ofMillis(20));
    assertThat(auth.verify(header("prometheus", PASSWORD), USERS))
        .isEqualTo(BasicAuth.Verdict.ALLOWED);

    CountDownLatch closed = new CountDownLatch(1);
    gate.set(closed);
    ExecutorService flood = Executors.newFixedThreadPool(50);
    try {
      List<Future<BasicAuth.Verdict>> attempts = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String wrong = "guess-" + i;
        attempts.add(flood.submit(() -> auth.verify(header("prometheus", wrong), USERS)));
      }
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

      assertThat(auth.verify(header("prometheus", PASSWORD), USERS))
          .isEqualTo(BasicAuth.Verdict.ALLOWED);
      assertThat(closed.getCount()).isEqualTo(1);

      List<BasicAuth.Verdict> refusedWhileHeld = new ArrayList<>();
      for (Future<BasicAuth.Verdict> attempt : attempts) {
        if (refusedWhileHeld.size() == 48) {
          break;
        }
        try {
          refusedWhileHeld.add(attempt.get(100, TimeUnit.MILLISECONDS));
        } catch (TimeoutException heldBehindTheGate) {
          continue;
        }
      }
      assertThat(refusedWhileHeld).hasSize(48).containsOnly(BasicAuth.Verdict.BUSY);

      closed.countDown();
      List<BasicAuth.Verdict> all = new ArrayList<>();
      for (Future<BasicAuth.Verdict> attempt : attempts) {
        all.add(attempt.get(10, TimeUnit.SECONDS));
      }
      assertThat(all).doesNotContain(BasicAuth.Verdict.ALLOWED);
      assertThat(all).filteredOn(v -> v == BasicAuth.Verdict.DENIED).hasSize(2);
    } finally {
      closed.countDown();
      flood.shutdownNow();
    }
  }

  @Test
  void aKnownUsersWrongPasswordAndAnUnknownUserEachCostOneCheckAgainstHashesOfTheSameCost() {
    List<String> checkedHashes = new CopyOnWriteArrayList<>();
    BasicAuth auth =
        new BasicAuth(
            (password, hash) -> {
              checkedHashes.add(new String(hash));
              return REAL.matches(password, hash);
            },
            1,
            Duration.ofSeconds(5));

    for (int i = 0; i < 2; i++) {
      checkedHashes.clear();
      assertThat(auth.verify(header("prometheus", "wrong"), USERS))
          .isEqualTo(BasicAuth.Verdict.DENIED);
      assertThat(checkedHashes).hasSize(1);
      String known = checkedHashes.get(0);

      checkedHashes.clear();
      assertThat(auth.verify(header("nobody", "wrong"), USERS)).isEqualTo(BasicAuth.Verdict.DENIED);
      assertThat(checkedHashes).hasSize(1);
      String dummy = checkedHashes.get(0);

      assertThat(dummy).isNotEqualTo(known).startsWith(known.substring(0, 7));
    }
  }

  @Test
  void aCorrectCredentialIsCheckedOnceUntilItsHashChanges() {
    List<String> checkedHashes = new CopyOnWriteArrayList<>();
    BasicAuth auth =
        new BasicAuth(
            (password, hash) -> {
              checkedHashes.add(new String(hash));
              return REAL.matches(password, hash);
            },
            1,
            Duration.ofSeconds(5));
    for (int i = 0; i < 3; i++) {
      assertThat(auth.verify(header("prometheus", PASSWORD), USERS))
          .isEqualTo(BasicAuth.Verdict.ALLOWED);
    }
    assertThat(checkedHashes).hasSize(1);

    Map<String, String> rehashed =
        Map.of(
            "prometheus",
            BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(4, PASSWORD.toCharArray()));
    assertThat(auth.verify(header("prometheus", PASSWORD), rehashed))
        .isEqualTo(BasicAuth.Verdict.ALLOWED);
    assertThat(checkedHashes).hasSize(2);
    assertThat(auth.verify(header("prometheus", "wrong"), rehashed))
        .isEqualTo(BasicAuth.Verdict.DENIED);
  }

  private static String header(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
