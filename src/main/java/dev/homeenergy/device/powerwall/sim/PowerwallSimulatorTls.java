package dev.homeenergy.device.powerwall.sim;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * TLS as the gateway does it: its own self-signed certificate, and a handshake that fails when the
 * client names a server other than the gateway's stock names (no name at all, as when connecting by
 * IP address, is fine).
 */
final class PowerwallSimulatorTls {
  /** Server names the gateway accepts in SNI (case-insensitive). */
  static final List<String> ACCEPTED_NAMES = List.of("powerwall", "teg", "powerpack");

  private PowerwallSimulatorTls() {}

  static SSLContext serverContext(PowerwallSimulatorCertificate certificate) {
    try {
      KeyStore store = certificate.keyStore();
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, PowerwallSimulatorCertificate.PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up simulator TLS", e);
    }
  }

  static X509Certificate certificate(PowerwallSimulatorCertificate certificate) {
    try {
      return (X509Certificate)
          certificate.keyStore().getCertificate(PowerwallSimulatorCertificate.ALIAS);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read simulator certificate", e);
    }
  }

  static SNIMatcher sniMatcher() {
    return SNIHostName.createSNIMatcher("(?i)" + String.join("|", ACCEPTED_NAMES));
  }

  static HttpsConfigurator configurator(SSLContext context) {
    return new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
        parameters.setSNIMatchers(List.of(sniMatcher()));
        params.setSSLParameters(parameters);
      }
    };
  }
}
