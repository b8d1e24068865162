package dev.homeenergy.web.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks {@code Authorization: Basic} credentials against bcrypt hashes, as the exporter-toolkit
 * does: outcomes are cached by a digest of user, password and hash (bcrypt is slow on purpose, and
 * Prometheus sends the same credentials every scrape); an unknown user is checked against a dummy
 * hash so timing does not tell which users exist; bcrypt runs one at a time.
 */
final class BasicAuth {
  private static final int MAX_CACHED = 1024;

  private final Map<String, Boolean> outcomes = new ConcurrentHashMap<>();
  private final Object bcryptLock = new Object();
  private volatile char[] dummyHash;

  /** Whether the header carries a user of {@code users} with the right password. */
  boolean verify(String authorization, Map<String, String> users) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return false;
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    String hash = users.get(user);
    if (hash == null) {
      bcrypt(password, dummyHash());
      return false;
    }
    String key = digest(user, password, hash);
    Boolean known = outcomes.get(key);
    if (known != null) {
      return known;
    }
    boolean verified = bcrypt(password, hash.toCharArray());
    if (outcomes.size() >= MAX_CACHED) {
      outcomes.clear();
    }
    outcomes.put(key, verified);
    return verified;
  }

  private boolean bcrypt(String password, char[] hash) {
    synchronized (bcryptLock) {
      try {
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
      } catch (RuntimeException unusable) {
        return false;
      }
    }
  }

  private char[] dummyHash() {
    char[] hash = dummyHash;
    if (hash == null) {
      hash = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToChar(10, "not a password".toCharArray());
      dummyHash = hash;
    }
    return hash;
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
