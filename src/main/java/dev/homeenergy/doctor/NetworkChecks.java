package dev.homeenergy.doctor;

import dev.homeenergy.core.DeviceDoctor;
import dev.homeenergy.core.DoctorStep;
import dev.homeenergy.devicehttp.SelfSignedTrust;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The steps every device shares, on one connection: name resolution, TCP connect, TLS (the server
 * certificate's SHA-256 fingerprint, compared with a pinned one) and one plain HTTP request ({@code
 * GET /}, any status counting as an answer). The first failure ends them; the later steps are
 * listed as not tried.
 */
final class NetworkChecks {
  static final String RESOLVE = "name resolution";
  static final String CONNECT = "TCP connect";
  static final String TLS = "TLS";
  static final String HTTP = "HTTP";

  private NetworkChecks() {}

  static List<DoctorStep> run(DeviceDoctor doctor, Duration timeout) {
    URI address = doctor.address();
    String host = address.getHost();
    boolean tls = "https".equalsIgnoreCase(address.getScheme());
    int port = address.getPort() >= 0 ? address.getPort() : tls ? 443 : 80;
    List<DoctorStep> steps = new ArrayList<>();
    InetAddress ip;
    try {
      ip = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      steps.add(
          DoctorStep.failed(
              RESOLVE,
              "no such host " + host,
              List.of(
                  "check the spelling of the host name in the address, or give the device's IP"
                      + " address (your router's list of connected devices shows it)",
                  "a .local name needs mDNS (avahi) on this machine; a name from your router's DNS"
                      + " works only where that router is the DNS server")));
      return notTried(steps, CONNECT, TLS, HTTP);
    }
    String where = ip.getHostAddress() + ":" + port;
    steps.add(
        DoctorStep.passed(
            RESOLVE,
            host.equals(ip.getHostAddress())
                ? host + " is an IP address"
                : host + " is " + ip.getHostAddress()));
    int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    try (Socket plain = new Socket()) {
      if (!connect(plain, new InetSocketAddress(ip, port), millis, where, steps)) {
        return notTried(steps, TLS, HTTP);
      }
      plain.setSoTimeout(millis);
      Socket socket = plain;
      if (tls) {
        SSLSocket secure = handshake(plain, host, port, doctor, where, steps);
        if (secure == null) {
          return notTried(steps, HTTP);
        }
        socket = secure;
      } else {
        steps.add(DoctorStep.skipped(TLS, "the address is http, so no TLS"));
      }
      steps.add(http(socket, address, where));
    } catch (IOException e) {
      steps.add(DoctorStep.failed(CONNECT, "cannot open a socket: " + e.getMessage(), List.of()));
    }
    return steps;
  }

  private static boolean connect(
      Socket socket, InetSocketAddress target, int millis, String where, List<DoctorStep> steps) {
    try {
      socket.connect(target, millis);
      steps.add(DoctorStep.passed(CONNECT, where + " accepted the connection"));
      return true;
    } catch (ConnectException e) {
      steps.add(
          DoctorStep.failed(
              CONNECT,
              "connection refused by " + where,
              List.of(
                  "the host is there but nothing listens on port "
                      + target.getPort()
                      + ": check the port in the address, and that this address is the device"
                      + " (after a router restart it may have another one; give it a DHCP"
                      + " reservation)")));
    } catch (NoRouteToHostException e) {
      steps.add(DoctorStep.failed(CONNECT, "no route to " + where, wrongSubnet()));
    } catch (SocketTimeoutException e) {
      steps.add(
          DoctorStep.failed(
              CONNECT, "no answer from " + where + " within " + millis + " ms", wrongSubnet()));
    } catch (IOException e) {
      steps.add(
          DoctorStep.failed(
              CONNECT, "cannot connect to " + where + ": " + e.getMessage(), wrongSubnet()));
    }
    return false;
  }

  private static List<String> wrongSubnet() {
    return List.of(
        "the device is off, off the network, or in another subnet than this machine (a guest"
            + " Wi-Fi, another VLAN, a Docker network): check that this machine can reach it");
  }

  private static SSLSocket handshake(
      Socket plain,
      String host,
      int port,
      DeviceDoctor doctor,
      String where,
      List<DoctorStep> steps) {
    X509Certificate pinned = doctor.pinnedCertificate();
    X509Certificate seen;
    SSLSocket secure;
    try {
      secure =
          (SSLSocket)
              SelfSignedTrust.context(SelfSignedTrust.trustingAny())
                  .getSocketFactory()
                  .createSocket(plain, host, port, true);
      String serverName = doctor.tlsServerName();
      if (serverName != null) {
        SSLParameters parameters = secure.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(serverName)));
        secure.setSSLParameters(parameters);
      }
      secure.startHandshake();
      Certificate[] chain = secure.getSession().getPeerCertificates();
      seen = (X509Certificate) chain[0];
    } catch (SSLException e) {
      steps.add(
          DoctorStep.failed(
              TLS,
              "no TLS handshake with " + where + ": " + e.getMessage(),
              List.of(
                  "the port may not speak TLS: check http or https in the address (and the"
                      + " device's TLS setting)")));
      return null;
    } catch (IOException e) {
      steps.add(
          DoctorStep.failed(
              TLS, "the TLS handshake with " + where + " failed: " + e.getMessage(), List.of()));
      return null;
    }
    String fingerprint = fingerprint(seen);
    if (pinned == null) {
      steps.add(
          DoctorStep.passed(
              TLS,
              secure.getSession().getProtocol()
                  + ", certificate SHA-256 "
                  + fingerprint
                  + " (not pinned)"));
    } else if (sameEncoding(pinned, seen)) {
      steps.add(
          DoctorStep.passed(
              TLS,
              secure.getSession().getProtocol()
                  + ", certificate SHA-256 "
                  + fingerprint
                  + ", the pinned one"));
    } else {
      steps.add(
          DoctorStep.failed(
              TLS,
              "the device's certificate SHA-256 "
                  + fingerprint
                  + " is not the pinned one, SHA-256 "
                  + fingerprint(pinned),
              List.of(doctor.pinMismatchHint())));
      return null;
    }
    return secure;
  }

  private static DoctorStep http(Socket socket, URI address, String where) {
    String hostHeader =
        address.getPort() >= 0 ? address.getHost() + ":" + address.getPort() : address.getHost();
    try {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET / HTTP/1.1\r\nHost: " + hostHeader + "\r\nAccept: */*\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      if (status == null) {
        return DoctorStep.failed(
            HTTP,
            where + " closed the connection without an HTTP answer",
            List.of("check the port and the scheme (http or https) in the address"));
      }
      String[] parts = status.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        return DoctorStep.failed(
            HTTP,
            where + " does not answer HTTP",
            List.of("check the port and the scheme (http or https) in the address"));
      }
      return DoctorStep.passed(
          HTTP, "answers " + parts[0] + " (status " + parts[1] + " for GET /)");
    } catch (SocketTimeoutException e) {
      return DoctorStep.failed(
          HTTP,
          "no HTTP answer from " + where + " in time",
          List.of("the device accepts connections but does not answer; it may be busy or hung"));
    } catch (IOException e) {
      return DoctorStep.failed(
          HTTP, "the HTTP request to " + where + " failed: " + e.getMessage(), List.of());
    }
  }

  private static List<DoctorStep> notTried(List<DoctorStep> steps, String... names) {
    for (String name : names) {
      steps.add(DoctorStep.skipped(name, "not tried"));
    }
    return steps;
  }

  private static boolean sameEncoding(X509Certificate a, X509Certificate b) {
    try {
      return Arrays.equals(a.getEncoded(), b.getEncoded());
    } catch (CertificateEncodingException e) {
      return false;
    }
  }

  /** The certificate's SHA-256 fingerprint as colon-separated upper-case hex, as openssl prints. */
  static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
