package dev.homeenergy.web.security;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The server's key manager for the whole life of the server: each handshake asks the key manager of
 * the settings in force, so a replaced certificate and key apply at the next handshake. It never
 * acts as a client.
 */
final class FollowingKeyManager extends X509ExtendedKeyManager {
  private final ReloadingSettings settings;

  FollowingKeyManager(ReloadingSettings settings) {
    this.settings = settings;
  }

  private X509ExtendedKeyManager now() {
    return settings.now().keyManager();
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
