package dev.homeenergy.web.security;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpsConfigurator;
import dev.homeenergy.config.ConfigException;
import java.nio.file.Path;

/**
 * The exporter's TLS and basic authentication from an exporter-toolkit web configuration file: what
 * the web server needs of it, an HTTPS configurator and a request filter per context, both
 * following the file's changes.
 *
 * <p>The file, and the certificate, key and CA files it names, are checked for changes at most once
 * a second while requests arrive; a changed set is loaded and applies to the next request or TLS
 * handshake, without a restart. A change that does not load (a bad hash, a broken key) is logged
 * and the last good settings stay in force, so a typo never opens the endpoint. Switching between
 * HTTP and HTTPS needs a restart. A change that empties the file or drops every user applies only
 * once the file has stayed unchanged for a few seconds, so a half-written save never turns
 * authentication off.
 */
public final class WebSecurity {
  private final ReloadingSettings settings;
  private final BasicAuth basicAuth = new BasicAuth();

  private WebSecurity(ReloadingSettings settings) {
    this.settings = settings;
  }

  /**
   * Loads the file and everything it names.
   *
   * @throws ConfigException naming the key when the file, a certificate or a key is unusable
   */
  public static WebSecurity load(Path file) throws ConfigException {
    return new WebSecurity(ReloadingSettings.load(file));
  }

  /** Whether the server must speak TLS (fixed at start). */
  public boolean tls() {
    return settings.lastLoaded().tls();
  }

  /**
   * The HTTPS server's TLS: certificate, key, client CA, versions and suites of the settings in
   * force.
   */
  public HttpsConfigurator httpsConfigurator() {
    return new TlsConfigurator(settings);
  }

  /**
   * A filter that adds the configured headers, applies the rate limit, and, when {@code protect},
   * answers 401 to requests without valid basic-auth credentials.
   */
  public Filter filter(boolean protect, RateLimiter limiter) {
    return new SecurityFilter(settings, basicAuth, protect, limiter);
  }
}
