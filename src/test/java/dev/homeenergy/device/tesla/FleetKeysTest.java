package dev.homeenergy.device.tesla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetKeysTest {
  @TempDir Path dir;

  @Test
  void writesAMatchingP256PairWithAnOwnerOnlyPrivateKeyAndAPublishablePublicKey() throws Exception {
    FleetKeys.Written written = FleetKeys.generate(dir.resolve("keys"));

    assertThat(written.privateKey()).isEqualTo(dir.resolve("keys/private-key.pem"));
    assertThat(written.publicKey()).isEqualTo(dir.resolve("keys/com.tesla.3p.public-key.pem"));
    assertThat(written.publicKeyUrlPath())
        .isEqualTo("/.well-known/appspecific/com.tesla.3p.public-key.pem");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written.privateKey())))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written.publicKey())))
        .isEqualTo("rw-r--r--");
    try (var files = Files.list(dir.resolve("keys"))) {
      assertThat(files).containsExactlyInAnyOrder(written.privateKey(), written.publicKey());
    }

    KeyFactory ec = KeyFactory.getInstance("EC");
    PrivateKey privateKey =
        ec.generatePrivate(new PKCS8EncodedKeySpec(der(written.privateKey(), "PRIVATE KEY")));
    PublicKey publicKey =
        ec.generatePublic(new X509EncodedKeySpec(der(written.publicKey(), "PUBLIC KEY")));
    assertThat(((ECPublicKey) publicKey).getParams().getCurve().getField().getFieldSize())
        .isEqualTo(256);

    byte[] message = "pairing".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(privateKey);
    signer.update(message);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(publicKey);
    verifier.update(message);
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void neverReplacesAnExistingPrivateKey() throws Exception {
    FleetKeys.Written first = FleetKeys.generate(dir);
    byte[] privateBefore = Files.readAllBytes(first.privateKey());
    byte[] publicBefore = Files.readAllBytes(first.publicKey());

    assertThatThrownBy(() -> FleetKeys.generate(dir))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("private-key.pem");
    assertThat(Files.readAllBytes(first.privateKey())).isEqualTo(privateBefore);
    assertThat(Files.readAllBytes(first.publicKey())).isEqualTo(publicBefore);
  }

  @Test
  void publicKeyUrlIsOnTheAppsDomain() {
    assertThat(FleetKeys.publicKeyUrl("app.example.com"))
        .isEqualTo("https://app.example.com/.well-known/appspecific/com.tesla.3p.public-key.pem");
  }

  private static byte[] der(Path pem, String type) throws java.io.IOException {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    assertThat(text)
        .startsWith("-----BEGIN " + type + "-----\n")
        .endsWith("-----END " + type + "-----\n");
    assertThat(text.lines().filter(l -> !l.startsWith("-----"))).allMatch(l -> l.length() <= 64);
    return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
  }
}
