package dev.homeenergy.device.powerwall.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * The bundled self-signed gateway certificates (PKCS12, password {@value #PASSWORD}, alias {@value
 * #ALIAS}, names powerwall/teg/powerpack/127.0.0.1). Two distinct gateways, so clients can test
 * certificate pinning.
 */
public enum PowerwallSimulatorCertificate {
  DEFAULT("simulator-gateway.p12"),
  OTHER("simulator-other-gateway.p12");

  public static final String PASSWORD = "simulator";
  public static final String ALIAS = "gateway";

  private final String resource;

  PowerwallSimulatorCertificate(String resource) {
    this.resource = resource;
  }

  /** Resource name relative to this package. */
  public String resource() {
    return resource;
  }

  /** Loads the keystore (key and certificate). */
  public KeyStore keyStore() {
    try (InputStream in = PowerwallSimulatorCertificate.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing simulator keystore resource " + resource);
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD.toCharArray());
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot load simulator keystore " + resource, e);
    }
  }
}
