package dev.homeenergy.web.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Checks {@code Authorization: Basic} credentials against bcrypt hashes, as the exporter-toolkit
 * does: credentials that succeeded are remembered by a digest of user, password and hash (bcrypt is
 * slow on purpose, and Prometheus sends the same credentials every scrape), and such a request
 * never waits for bcrypt. Everything else costs exactly one bcrypt check: a wrong password of a
 * known user, and an unknown user against a dummy hash of the same cost, so timing does not tell
 * which users exist. Failures are never remembered. Only a few checks run at once; a request that
 * finds no free slot within a short wait is answered {@link Verdict#BUSY} instead of queueing, so a
 * flood of wrong passwords cannot hold the server's threads.
 */
final class BasicAuth {
  private static final int MAX_CACHED = 1024;
  private static final int DEFAULT_COST = 10;

  /** The outcome of one check. */
  enum Verdict {
    ALLOWED,
    DENIED,
    /** No bcrypt slot came free in time; the credentials were not checked. */
    BUSY
  }

  /** Whether a password matches a bcrypt hash; a seam so tests can count and pace checks. */
  @FunctionalInterface
  interface HashVerifier {
    boolean matches(char[] password, char[] hash);
  }

  private final Set<String> succeeded = ConcurrentHashMap.newKeySet();
  private final Map<Integer, char[]> dummyHashes = new ConcurrentHashMap<>();
  private final HashVerifier verifier;
  private final Semaphore slots;
  private final Duration slotWait;

  /** One check per processor at once, waiting up to 100 ms for a slot. */
  BasicAuth() {
    this(
        BasicAuth::bcrypt,
        Math.max(1, Runtime.getRuntime().availableProcessors()),
        Duration.ofMillis(100));
  }

  BasicAuth(HashVerifier verifier, int concurrentChecks, Duration slotWait) {
    this.verifier = verifier;
    this.slots = new Semaphore(concurrentChecks);
    this.slotWait = slotWait;
  }

  /** Whether the header carries a user of {@code users} with the right password. */
  Verdict verify(String authorization, Map<String, String> users) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Verdict.DENIED;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Verdict.DENIED;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Verdict.DENIED;
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    String hash = users.get(user);
    String key = digest(user, password, hash == null ? "" : hash);
    if (hash != null && succeeded.contains(key)) {
      return Verdict.ALLOWED;
    }
    try {
      if (!slots.tryAcquire(slotWait.toNanos(), TimeUnit.NANOSECONDS)) {
        return Verdict.BUSY;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Verdict.BUSY;
    }
    boolean verified;
    try {
      char[] against = hash == null ? dummyHash(maxCost(users)) : hash.toCharArray();
      verified = verifier.matches(password.toCharArray(), against) && hash != null;
    } finally {
      slots.release();
    }
    if (!verified) {
      return Verdict.DENIED;
    }
    if (succeeded.size() >= MAX_CACHED) {
      succeeded.clear();
    }
    succeeded.add(key);
    return Verdict.ALLOWED;
  }

  private static boolean bcrypt(char[] password, char[] hash) {
    try {
      return BCrypt.verifyer().verify(password, hash).verified;
    } catch (RuntimeException unusable) {
      return false;
    }
  }

  private char[] dummyHash(int cost) {
    return dummyHashes.computeIfAbsent(
        cost,
        c -> BCrypt.with(BCrypt.Version.VERSION_2Y).hashToChar(c, "not a password".toCharArray()));
  }

  /**
   * The highest cost among the configured hashes ({@code $2y$NN$...}), so a dummy costs as much.
   */
  private static int maxCost(Map<String, String> users) {
    int max = 0;
    for (String hash : users.values()) {
      max = Math.max(max, cost(hash));
    }
    return max == 0 ? DEFAULT_COST : max;
  }

  private static int cost(String hash) {
    if (hash.length() < 7 || hash.charAt(0) != '$' || hash.charAt(3) != '$') {
      return 0;
    }
    try {
      int cost = Integer.parseInt(hash.substring(4, 6));
      return cost >= 4 && cost <= 31 ? cost : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String digest(String user, String password, String hash) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {user, password, hash}) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the runtime", e);
    }
  }
}
