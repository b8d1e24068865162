package dev.homeenergy.device.powerwall;

import dev.homeenergy.devicehttp.PrivateFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Fetches a gateway's certificate and reads and writes it as PEM, for pinning it with {@code
 * tls_cert_file} ({@code home-energy-exporter powerwall fetchcert}).
 */
public final class GatewayCertificates {
  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";
  private static final Pattern PEM_BLOCK =
      Pattern.compile(BEGIN + "\\s*([A-Za-z0-9+/=\\s]+?)\\s*" + END);

  private GatewayCertificates() {}

  /**
   * Completes a TLS handshake with the gateway (SNI {@code powerwall}), trusting whatever it
   * presents, and returns the first certificate it presents.
   *
   * @throws IOException when the gateway cannot be reached or the handshake fails
   */
  public static X509Certificate fetch(String host, int port, Duration timeout) throws IOException {
    int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    SSLContext context = GatewayTls.context(null);
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(host, port), millis);
      plain.setSoTimeout(millis);
      try (SSLSocket socket =
          (SSLSocket)
              context.getSocketFactory().createSocket(plain, GatewayTls.SERVER_NAME, port, false)) {
        socket.setSSLParameters(GatewayTls.parameters(context));
        socket.startHandshake();
        Certificate[] chain = socket.getSession().getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
          throw new IOException(host + ":" + port + " presented no X.509 certificate");
        }
        return certificate;
      }
    }
  }

  /** Writes the certificate as one PEM block, replacing {@code file} atomically, owner-only. */
  public static void writePem(X509Certificate certificate, Path file) throws IOException {
    PrivateFiles.atomic().write(file, toPem(certificate).getBytes(StandardCharsets.US_ASCII));
  }

  /** The certificate as a PEM block with 64-character base64 lines. */
  public static String toPem(X509Certificate certificate) {
    try {
      String base64 =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(certificate.getEncoded());
      return BEGIN + "\n" + base64 + "\n" + END + "\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the first {@code CERTIFICATE} block of a PEM file.
   *
   * @throws IOException when the file cannot be read
   * @throws CertificateException when it holds no valid certificate block
   */
  public static X509Certificate readPem(Path file) throws IOException, CertificateException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    Matcher matcher = PEM_BLOCK.matcher(text);
    if (!matcher.find()) {
      throw new CertificateException("no " + BEGIN + " block");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(matcher.group(1));
    } catch (IllegalArgumentException e) {
      throw new CertificateException("invalid base64 in the certificate block", e);
    }
    Certificate certificate =
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    if (!(certificate instanceof X509Certificate x509)) {
      throw new CertificateException("not an X.509 certificate");
    }
    return x509;
  }
}
