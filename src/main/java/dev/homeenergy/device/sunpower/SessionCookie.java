package dev.homeenergy.device.sunpower;

import java.net.HttpCookie;
import java.net.http.HttpHeaders;

/**
 * The {@code session} cookie a PVS login sets, read from the login answer's headers. The session is
 * sent explicitly afterwards, because the PVS marks it {@code Secure} and a cookie store would not
 * send it over plain HTTP; and the PVS client is shared by every PVS, so no cookie store is kept in
 * it.
 */
final class SessionCookie {
  static final String SESSION = "session";

  private SessionCookie() {}

  /** The session a {@code Set-Cookie} header of {@code headers} sets, or null. */
  static String in(HttpHeaders headers) {
    String session = null;
    for (String header : headers.allValues("Set-Cookie")) {
      try {
        for (HttpCookie cookie : HttpCookie.parse(header)) {
          if (cookie.getName().equals(SESSION) && !cookie.getValue().isBlank()) {
            session = cookie.getValue();
          }
        }
      } catch (IllegalArgumentException e) {
        // not a cookie we can use; the login answer's body may still carry the session
      }
    }
    return session;
  }
}
