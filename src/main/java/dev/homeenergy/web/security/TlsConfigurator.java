package dev.homeenergy.web.security;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * The HTTPS server's TLS: an SSL context whose certificate, key and client CA follow the file's
 * changes, and, for each connection, the protocol versions, cipher suites and client-certificate
 * policy of the settings in force. TLS 1.3 suites stay enabled when {@code cipher_suites} is given,
 * as Go's TLS does (its list only governs TLS 1.2 and below).
 */
final class TlsConfigurator extends HttpsConfigurator {
  private static final List<String> VERSIONS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  private final ReloadingSettings settings;

  TlsConfigurator(ReloadingSettings settings) {
    super(followingContext(settings));
    this.settings = settings;
  }

  private static SSLContext followingContext(ReloadingSettings settings) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          new KeyManager[] {new FollowingKeyManager(settings)},
          new TrustManager[] {new FollowingTrustManager(settings)},
          null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the runtime has no TLS", e);
    }
  }

  @Override
  public void configure(HttpsParameters params) {
    SSLContext context = getSSLContext();
    WebSecurityConfig.Tls tls = settings.now().config().tls().orElseThrow();
    SSLParameters parameters = context.getDefaultSSLParameters();
    int min = VERSIONS.indexOf(tls.minVersion());
    int max = VERSIONS.indexOf(tls.maxVersion());
    parameters.setProtocols(VERSIONS.subList(min, max + 1).toArray(String[]::new));
    if (!tls.cipherSuites().isEmpty()) {
      List<String> suites = new ArrayList<>(tls.cipherSuites());
      Arrays.stream(context.getDefaultSSLParameters().getCipherSuites())
          .filter(suite -> suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_"))
          .forEach(suites::add);
      parameters.setCipherSuites(suites.toArray(String[]::new));
    }
    if (tls.clientAuth().requires()) {
      parameters.setNeedClientAuth(true);
    } else if (tls.clientAuth().asks()) {
      parameters.setWantClientAuth(true);
    }
    params.setSSLParameters(parameters);
  }
}
