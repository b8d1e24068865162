package dev.homeenergy.web.security;

import dev.homeenergy.config.ConfigException;
import dev.homeenergy.config.ConfigProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Turns {@code tls_server_config} into the JDK's key and trust managers: the server certificate
 * chain and its private key (checked to match), and the client-certificate check from the client
 * CA, {@code client_auth_type} and {@code client_allowed_sans}. PEM comes from a file or inline
 * text; every problem names the key it came from and never quotes the PEM.
 */
final class TlsManagers {
  private TlsManagers() {}

  static X509ExtendedKeyManager keyManager(Path source, WebSecurityConfig.Tls tls)
      throws ConfigException {
    String certKey =
        tls.certFile() != null ? "tls_server_config.cert_file" : "tls_server_config.cert";
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
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, password);
      return (X509ExtendedKeyManager) factory.getKeyManagers()[0];
    } catch (GeneralSecurityException | IOException e) {
      throw problem(
          source,
          keyKey,
          "the private key does not match the certificate (" + e.getClass().getSimpleName() + ")");
    }
  }

  static X509ExtendedTrustManager trustManager(Path source, WebSecurityConfig.Tls tls)
      throws ConfigException {
    List<String> allowedSans = tls.clientAllowedSans();
    if (tls.clientCaFile() == null && tls.clientCa() == null) {
      return new AllowedSansTrustManager(null, allowedSans);
    }
    String caKey =
        tls.clientCaFile() != null
            ? "tls_server_config.client_ca_file"
            : "tls_server_config.client_ca";
    List<X509Certificate> authorities =
        certificates(source, caKey, tls.clientCaFile(), tls.clientCa());
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < authorities.size(); i++) {
        store.setCertificateEntry("ca-" + i, authorities.get(i));
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      X509ExtendedTrustManager verifying = (X509ExtendedTrustManager) factory.getTrustManagers()[0];
      return new AllowedSansTrustManager(
          tls.clientAuth().verifies() ? verifying : null, allowedSans);
    } catch (GeneralSecurityException | IOException e) {
      throw problem(
          source, caKey, "unusable CA certificate (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static List<X509Certificate> certificates(
      Path source, String key, Path file, String inline) throws ConfigException {
    try {
      return Pem.certificates(text(source, key, file, inline));
    } catch (IllegalArgumentException e) {
      throw problem(source, key, e.getMessage());
    }
  }

  private static String text(Path source, String key, Path file, String inline)
      throws ConfigException {
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
    return new ConfigException(source.toString(), List.of(new ConfigProblem(key, 0, message)));
  }
}
