package dev.homeenergy.device.sunpower.sim;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 2025 firmware's {@code /auth} sessions: 64-hex ids that expire a fixed simulated time after
 * login; a re-login from the same client address gets its still valid session back.
 */
final class SunpowerSimulatorSessions {
  private record Session(String id, String address, Instant expires) {}

  private final Duration lifetime;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Set<String> issued = ConcurrentHashMap.newKeySet();

  SunpowerSimulatorSessions(Duration lifetime) {
    this.lifetime = lifetime;
  }

  synchronized String login(String address, Instant now) {
    sessions.values().removeIf(session -> !now.isBefore(session.expires()));
    for (Session session : sessions.values()) {
      if (session.address().equals(address)) {
        return session.id();
      }
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String id = HexFormat.of().formatHex(bytes);
    sessions.put(id, new Session(id, address, now.plus(lifetime)));
    issued.add(id);
    return id;
  }

  boolean valid(String id, Instant now) {
    Session session = id == null ? null : sessions.get(id);
    return session != null && now.isBefore(session.expires());
  }

  /** Ends a session; false when it was not valid. */
  boolean logout(String id, Instant now) {
    boolean wasValid = valid(id, now);
    if (id != null) {
      sessions.remove(id);
    }
    return wasValid;
  }

  Set<String> issued() {
    return Set.copyOf(issued);
  }

  void expireAll() {
    sessions.clear();
  }
}
