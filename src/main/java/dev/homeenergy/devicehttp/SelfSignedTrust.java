package dev.homeenergy.devicehttp;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust for LAN devices with self-signed certificates (a Powerwall gateway, a PVS): either any
 * certificate, or only exactly the pinned one. Never checks host names: such devices have no usable
 * names in their certificates.
 */
public final class SelfSignedTrust extends X509ExtendedTrustManager {
  private final byte[] pinned;

  private SelfSignedTrust(byte[] pinned) {
    this.pinned = pinned;
  }

  public static SelfSignedTrust trustingAny() {
    return new SelfSignedTrust(null);
  }

  public static SelfSignedTrust pinnedTo(X509Certificate certificate) {
    try {
      return new SelfSignedTrust(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    if (pinned == null) {
      return;
    }
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the device presented no certificate");
    }
    if (!Arrays.equals(pinned, chain[0].getEncoded())) {
      throw new CertificateException(
          "the device's certificate (subject "
              + chain[0].getSubjectX500Principal().getName()
              + ") is not the pinned one from tls_cert_file");
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
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
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

  /** A TLS context using {@code trust}. */
  public static SSLContext context(SelfSignedTrust trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available: " + e.getMessage(), e);
    }
  }
}
