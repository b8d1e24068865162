package dev.homeenergy.device.tesla;

import dev.homeenergy.devicehttp.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Set;

/**
 * The app's EC P-256 key pair Tesla requires before partner registration: the private key stays
 * here (PKCS#8 PEM), the public key (X.509 PEM) must be served on the app's domain at {@link
 * #PUBLIC_KEY_URL_PATH}. Both are written crash-safe through {@link PrivateFiles}; the private key
 * stays 0600, the public key is then opened to 0644 so a web server running as another user can
 * serve it.
 */
public final class FleetKeys {
  public static final String PRIVATE_KEY_FILE = "private-key.pem";
  public static final String PUBLIC_KEY_FILE = "com.tesla.3p.public-key.pem";
  public static final String PUBLIC_KEY_URL_PATH =
      "/.well-known/appspecific/com.tesla.3p.public-key.pem";

  /**
   * Where the keys were written.
   *
   * @param privateKey the private key file
   * @param publicKey the public key file to publish
   * @param publicKeyUrlPath the path on the app's domain where Tesla downloads the public key
   */
  public record Written(Path privateKey, Path publicKey, String publicKeyUrlPath) {}

  /** rw-r--r--: whoever serves the domain must read the public key. */
  private static final Set<PosixFilePermission> PUBLIC_KEY_MODE =
      PosixFilePermissions.fromString("rw-r--r--");

  private FleetKeys() {}

  /** The URL where Tesla downloads the public key of {@code domain}. */
  public static String publicKeyUrl(String domain) {
    return "https://" + domain + PUBLIC_KEY_URL_PATH;
  }

  /**
   * Generates a key pair into {@code directory} (created if missing).
   *
   * @throws FileAlreadyExistsException when a private key is already there: it is never replaced,
   *     since the public key Tesla knows belongs to it
   */
  public static Written generate(Path directory) throws IOException {
    Path privateKey = directory.resolve(PRIVATE_KEY_FILE);
    Path publicKey = directory.resolve(PUBLIC_KEY_FILE);
    if (Files.exists(privateKey)) {
      throw new FileAlreadyExistsException(
          privateKey.toString(),
          null,
          "a private key exists already; it is kept (delete it yourself to start over)");
    }
    Files.createDirectories(directory);
    KeyPair pair = newKeyPair();
    PrivateFiles.create(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    PrivateFiles.atomic().write(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    if (publicKey.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(publicKey, PUBLIC_KEY_MODE);
    }
    return new Written(privateKey, publicKey, PUBLIC_KEY_URL_PATH);
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java runtime cannot generate EC P-256 keys", e);
    }
  }

  private static byte[] pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
