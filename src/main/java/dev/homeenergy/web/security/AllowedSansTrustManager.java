package dev.homeenergy.web.security;

import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks client certificates: against the client CA when one verifies, and against {@code
 * client_allowed_sans} when given, where the leaf certificate must carry one of the listed subject
 * alternative names; with neither, any certificate is accepted ({@code RequestClientCert}, {@code
 * RequireAnyClientCert}).
 */
final class AllowedSansTrustManager extends ClientTrustManager {
  private final X509ExtendedTrustManager verifying;
  private final List<String> allowed;

  /**
   * @param verifying the client CA's check, or null when certificates are not verified
   * @param allowed {@code client_allowed_sans}; empty for any
   */
  AllowedSansTrustManager(X509ExtendedTrustManager verifying, List<String> allowed) {
    this.verifying = verifying;
    this.allowed = List.copyOf(allowed);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    if (verifying != null) {
      verifying.checkClientTrusted(chain, authType, engine);
    }
    if (allowed.isEmpty()) {
      return;
    }
    if (chain == null || chain.length == 0 || !hasAllowedSan(chain[0])) {
      throw new CertificateException(
          "client certificate has none of the allowed subject alternative names");
    }
  }

  private boolean hasAllowedSan(X509Certificate certificate) throws CertificateParsingException {
    Collection<List<?>> names = certificate.getSubjectAlternativeNames();
    if (names == null) {
      return false;
    }
    return names.stream().map(name -> String.valueOf(name.get(1))).anyMatch(allowed::contains);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return verifying == null ? new X509Certificate[0] : verifying.getAcceptedIssuers();
  }
}
