package dev.homeenergy.device.sunpower;

import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Catches the {@code session} cookie a PVS login sets and never sends any cookie by itself: the
 * session is sent explicitly, because the PVS marks it {@code Secure} and a cookie store would not
 * send it over plain HTTP. Keeps no other cookie.
 */
final class SessionCookieCatcher extends CookieHandler {
  static final String SESSION = "session";

  private final AtomicReference<String> caught = new AtomicReference<>();

  @Override
  public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
    return Map.of();
  }

  @Override
  public void put(URI uri, Map<String, List<String>> responseHeaders) {
    responseHeaders.forEach(
        (name, values) -> {
          if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
            values.forEach(this::catchSession);
          }
        });
  }

  /** The session cookie set since the last call, or null; forgets it. */
  String take() {
    return caught.getAndSet(null);
  }

  private void catchSession(String header) {
    try {
      for (HttpCookie cookie : HttpCookie.parse(header)) {
        if (cookie.getName().equals(SESSION) && !cookie.getValue().isBlank()) {
          caught.set(cookie.getValue());
        }
      }
    } catch (IllegalArgumentException e) {
      // not a cookie we can use; the login answer's body may still carry the session
    }
  }
}
