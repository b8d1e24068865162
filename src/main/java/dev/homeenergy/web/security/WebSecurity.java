package dev.homeenergy.web.security;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import dev.homeenergy.config.ConfigException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exporter's TLS and basic authentication from an exporter-toolkit web configuration file.
 *
 * <p>The file, and the certificate, key and CA files it names, are checked for changes at most
 * once a second while requests arrive; a changed set is loaded and applies to the next request or
 * TLS handshake, without a restart. A change that does not load (a bad hash, a broken key) is
 * logged and the last good settings stay in force, so a typo never opens the endpoint. Switching
 * between HTTP and HTTPS needs a restart.
 */
public final class WebSecurity {
  private static final Logger LOG = LoggerFactory.getLogger(WebSecurity.class);
  private static final long CHECK_EVERY_NANOS = 1_000_000_000L;
  private static final List<String> VERSIONS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  private final Path file;
  private final BasicAuth basicAuth = new BasicAuth();
  private volatile Active active;
  private volatile long nextCheckNanos;

  private WebSecurity(Path file, Active active) {
    this.file = file;
    this.active = active;
    this.nextCheckNanos = System.nanoTime() + CHECK_EVERY_NANOS;
  }

  /**
   * Loads the file and everything it names.
   *
   * @throws ConfigException naming the key when the file, a certificate or a key is unusable
   */
  public static WebSecurity load(Path file) throws ConfigException {
    return new WebSecurity(file, Active.load(file));
  }

  /** Whether the server must speak TLS (fixed at start). */
  public boolean tls() {
    return active.config().tls().isPresent();
  }

  /** The settings in force now, reloaded first when a file changed. */
  WebSecurityConfig current() {
    return activeNow().config();
  }

  private Active activeNow() {
    long now = System.nanoTime();
    if (now - nextCheckNanos >= 0) {
      synchronized (this) {
        if (now - nextCheckNanos >= 0) {
          nextCheckNanos = now + CHECK_EVERY_NANOS;
          reloadIfChanged();
        }
      }
    }
    return active;
  }

  private void reloadIfChanged() {
    Active old = active;
    List<Stamp> stamps = Active.stamps(file, old.config());
    if (stamps.equals(old.stamps())) {
      return;
    }
    try {
      Active loaded = Active.load(file);
      if (loaded.config().tls().isPresent() != old.config().tls().isPresent()) {
        LOG.error("web config {}: switching between HTTP and HTTPS needs a restart; keeping the previous settings",
            file);
        active = new Active(old.config(), old.keyManager(), old.trustManager(), stamps);
        return;
      }
      active = loaded;
      LOG.info("web config {} reloaded", file);
    } catch (ConfigException e) {
      LOG.error("web config {} changed but does not load; keeping the previous settings: {}", file, e.getMessage());
      active = new Active(old.config(), old.keyManager(), old.trustManager(), stamps);
    }
  }

  /** An SSL context whose certificate, key and client CA follow the file's changes. */
  public SSLContext sslContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {new FollowingKeyManager()}, new TrustManager[] {new FollowingTrustManager()},
          null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the runtime has no TLS", e);
    }
  }

  /** Applies the current protocol versions, cipher suites and client-certificate policy to each connection. */
  public HttpsConfigurator configurator(SSLContext context) {
    return new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        WebSecurityConfig.Tls tls = current().tls().orElseThrow();
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
    };
  }

  /**
   * A filter that adds the configured headers, applies the rate limit, and, when {@code protect},
   * answers 401 to requests without valid basic-auth credentials.
   */
  public Filter filter(boolean protect, RateLimiter limiter) {
    return new Filter() {
      @Override
      public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        WebSecurityConfig config = current();
        config.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (!limiter.allow(config.rateLimit())) {
          refuse(exchange, 429, "Too Many Requests\n");
          return;
        }
        if (protect && config.authenticates()
            && !basicAuth.verify(exchange.getRequestHeaders().getFirst("Authorization"), config.basicAuthUsers())) {
          exchange.getResponseHeaders().set("WWW-Authenticate", "Basic");
          refuse(exchange, 401, "Unauthorized\n");
          return;
        }
        chain.doFilter(exchange);
      }

      @Override
      public String description() {
        return "web config: headers, rate limit" + (protect ? ", basic auth" : "");
      }
    };
  }

  /** A file's identity for change detection. */
  private record Stamp(Path path, FileTime modified, long size) {
    static Stamp of(Path path) {
      try {
        return new Stamp(path, Files.getLastModifiedTime(path), Files.size(path));
      } catch (IOException e) {
        return new Stamp(path, null, -1);
      }
    }
  }

  /** One loaded state: the settings and what TLS made of them. */
  private record Active(
      WebSecurityConfig config, X509ExtendedKeyManager keyManager, X509ExtendedTrustManager trustManager,
      List<Stamp> stamps) {

    static Active load(Path file) throws ConfigException {
      WebSecurityConfig config = WebSecurityLoader.load(file);
      List<Stamp> stamps = stamps(file, config);
      if (config.tls().isEmpty()) {
        return new Active(config, null, null, stamps);
      }
      WebSecurityConfig.Tls tls = config.tls().get();
      X509ExtendedKeyManager keyManager = keyManager(file, tls);
      X509ExtendedTrustManager trustManager = trustManager(file, tls);
      return new Active(config, keyManager, trustManager, stamps);
    }

    static List<Stamp> stamps(Path file, WebSecurityConfig config) {
      List<Stamp> stamps = new ArrayList<>();
      stamps.add(Stamp.of(file));
      config.tls().ifPresent(tls -> java.util.stream.Stream.of(tls.certFile(), tls.keyFile(), tls.clientCaFile())
          .filter(Objects::nonNull)
          .map(Stamp::of)
          .forEach(stamps::add));
      return List.copyOf(stamps);
    }

    private static X509ExtendedKeyManager keyManager(Path source, WebSecurityConfig.Tls tls) throws ConfigException {
      String certKey = tls.certFile() != null ? "tls_server_config.cert_file" : "tls_server_config.cert";
      String keyKey = tls.keyFile() != null ? "tls_server_config.key_file" : "tls_server_config.key";
      List<X509Certificate> chain = certificates(source, certKey, tls.certFile(), tls.cert());
      PrivateKey key;
      try {
        key = Pem.privateKey(text(source, keyKey, tls.keyFile(), tls.key()));
      } catch (IllegalArgumentException e) {
        throw problem(source, keyKey, e.getMessage());
      }
      if (!Pem.matches(key, chain.get(0))) {
        throw problem(source, keyKey, "the private key does not match the certificate of " + certKey);
      }
      try {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = new char[0];
        store.setKeyEntry("server", key, password, chain.toArray(X509Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return (X509ExtendedKeyManager) factory.getKeyManagers()[0];
      } catch (GeneralSecurityException | IOException e) {
        throw problem(source, keyKey, "the private key does not match the certificate ("
            + e.getClass().getSimpleName() + ")");
      }
    }

    private static X509ExtendedTrustManager trustManager(Path source, WebSecurityConfig.Tls tls)
        throws ConfigException {
      List<String> allowedSans = tls.clientAllowedSans();
      if (tls.clientCaFile() == null && tls.clientCa() == null) {
        return new AllowedSans(null, allowedSans);
      }
      String caKey = tls.clientCaFile() != null ? "tls_server_config.client_ca_file" : "tls_server_config.client_ca";
      List<X509Certificate> authorities = certificates(source, caKey, tls.clientCaFile(), tls.clientCa());
      try {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < authorities.size(); i++) {
          store.setCertificateEntry("ca-" + i, authorities.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        X509ExtendedTrustManager verifying = (X509ExtendedTrustManager) factory.getTrustManagers()[0];
        return new AllowedSans(tls.clientAuth().verifies() ? verifying : null, allowedSans);
      } catch (GeneralSecurityException | IOException e) {
        throw problem(source, caKey, "unusable CA certificate (" + e.getClass().getSimpleName() + ")");
      }
    }

    private static List<X509Certificate> certificates(Path source, String key, Path file, String inline)
        throws ConfigException {
      try {
        return Pem.certificates(text(source, key, file, inline));
      } catch (IllegalArgumentException e) {
        throw problem(source, key, e.getMessage());
      }
    }

    private static String text(Path source, String key, Path file, String inline) throws ConfigException {
      if (file == null) {
        return inline;
      }
      try {
        return Files.readString(file, StandardCharsets.US_ASCII);
      } catch (IOException | RuntimeException e) {
        throw problem(source, key, "cannot read " + file);
      }
    }

    private static ConfigException problem(Path source, String key, String message) {
      return new ConfigException(source.toString(), List.of(new dev.homeenergy.config.ConfigProblem(key, 0, message)));
    }
  }

  /**
   * Checks client certificates: against the client CA when one verifies, and against
   * {@code client_allowed_sans} when given; with neither, any certificate is accepted
   * ({@code RequestClientCert}, {@code RequireAnyClientCert}).
   */
  private static final class AllowedSans extends ClientTrust {
    private final X509ExtendedTrustManager verifying;
    private final List<String> allowed;

    AllowedSans(X509ExtendedTrustManager verifying, List<String> allowed) {
      this.verifying = verifying;
      this.allowed = allowed;
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
        throw new CertificateException("client certificate has none of the allowed subject alternative names");
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

  /**
   * A trust manager for the server side only: client certificates are checked through the
   * engine variant (the JDK's HTTPS server uses an {@link SSLEngine}); the exporter never uses
   * it to trust servers.
   */
  private abstract static class ClientTrust extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      checkClientTrusted(chain, authType, (SSLEngine) null);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      checkClientTrusted(chain, authType, (SSLEngine) null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("not a client trust manager");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("not a client trust manager");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("not a client trust manager");
    }
  }

  /** Delegates to the key manager of the settings in force. */
  private final class FollowingKeyManager extends X509ExtendedKeyManager {
    private X509ExtendedKeyManager now() {
      return activeNow().keyManager();
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
      return now().chooseEngineServerAlias(keyType, issuers, engine);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return now().getServerAliases(keyType, issuers);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return now().chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return now().getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return now().getPrivateKey(alias);
    }
  }

  /** Delegates to the client-certificate check of the settings in force. */
  private final class FollowingTrustManager extends ClientTrust {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      activeNow().trustManager().checkClientTrusted(chain, authType, engine);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return activeNow().trustManager().getAcceptedIssuers();
    }
  }

  /** Answers a refused request with a short plain-text body (HEAD gets the headers only). */
  private static void refuse(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (java.io.OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
