package dev.homeenergy.device.powerwall;

import java.net.Socket;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a gateway's certificate either unconditionally (gateways are self-signed) or only when
 * it is exactly the pinned one. Never checks host names: gateways have no usable names.
 */
final class GatewayTrustManager extends X509ExtendedTrustManager {
  private final byte[] pinned;

  private GatewayTrustManager(byte[] pinned) {
    this.pinned = pinned;
  }

  static GatewayTrustManager trustingAny() {
    return new GatewayTrustManager(null);
  }

  static GatewayTrustManager pinnedTo(X509Certificate certificate) {
    try {
      return new GatewayTrustManager(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    if (pinned == null) {
      return;
    }
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the gateway presented no certificate");
    }
    if (!Arrays.equals(pinned, chain[0].getEncoded())) {
      throw new CertificateException("the gateway's certificate (subject "
          + chain[0].getSubjectX500Principal().getName() + ") is not the pinned one from tls_cert_file");
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("client certificates are not accepted");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
