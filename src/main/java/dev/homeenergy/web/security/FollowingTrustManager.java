package dev.homeenergy.web.security;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;

/**
 * The server's client-certificate check for the whole life of the server: each handshake asks the
 * trust manager of the settings in force, so a changed client CA or {@code client_allowed_sans}
 * applies at the next handshake.
 */
final class FollowingTrustManager extends ClientTrustManager {
  private final ReloadingSettings settings;

  FollowingTrustManager(ReloadingSettings settings) {
    this.settings = settings;
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    settings.now().trustManager().checkClientTrusted(chain, authType, engine);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return settings.now().trustManager().getAcceptedIssuers();
  }
}
