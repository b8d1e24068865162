package dev.homeenergy.cli;

import com.sun.net.httpserver.HttpServer;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.PollException;
import dev.homeenergy.device.tesla.OAuthClient;
import dev.homeenergy.device.tesla.TokenFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Signs in to the Fleet API: prints the authorize URL, takes the redirect back (pasted, or caught
 * on a local port with {@code --listen}), checks its state, exchanges the code and writes the token
 * file (0600, crash-safe). Tokens are never printed.
 */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    versionProvider = Commands.Version.class,
    description = {
      "Signs in to the Tesla Fleet API and writes the device's token file.",
      "Open the printed URL, sign in, then paste the URL your browser was sent to (or use --listen with a "
          + "redirect_uri of http://localhost:PORT/callback registered for your app).",
      "Without --config.file it reads tesla serve's environment variables, TESLA_REDIRECT_URI included."
    })
public final class TeslaLoginCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;
  @Mixin TeslaCommand.DeviceOptions options = new TeslaCommand.DeviceOptions();

  @Option(
      names = "--listen",
      paramLabel = "PORT",
      description =
          "Catch the redirect on http://localhost:PORT/callback instead of reading a pasted URL; "
              + "the redirect_uri must lead there (refused at once otherwise).")
  Integer listenPort;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description = "How long to wait for the sign-in (default: ${DEFAULT-VALUE}).")
  int waitSeconds;

  public TeslaLoginCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    TeslaCommand.Loaded loaded = options.load(context);
    URI redirectUri = URI.create(loaded.settings().oauth().redirectUri());
    if (listenPort != null) {
      String unreachable = unreachable(redirectUri, listenPort);
      if (unreachable != null) {
        throw CommandException.config(
            "--listen "
                + listenPort
                + ": the redirect_uri "
                + redirectUri
                + " "
                + unreachable
                + "; set redirect_uri (TESLA_REDIRECT_URI) to http://localhost:"
                + listenPort
                + "/callback and register it for your app, or leave out --listen and paste the URL");
      }
    }
    OAuthClient oauth = loaded.oauth(context.clock());
    OAuthClient.AuthorizationRequest request = oauth.authorizationRequest();
    out.println("Open this URL in a browser and sign in with your Tesla account:");
    out.println();
    out.println("  " + request.url());
    out.println();
    out.flush();
    String redirect;
    try {
      redirect = listenPort != null ? catchRedirect(listenPort, redirectUri, out) : readPasted(out);
    } catch (IOException e) {
      throw CommandException.runtime(e.getMessage());
    }
    if (redirect == null || redirect.isBlank()) {
      throw CommandException.runtime("no redirect URL received");
    }
    try {
      Secret code = OAuthClient.codeFromRedirect(redirect.strip(), request.state());
      TokenFile file = TokenFile.at(loaded.settings().fleet().tokenFile());
      file.write(oauth.exchangeCode(code));
      out.println("Signed in. Tokens written to " + file.path() + " (mode 0600).");
      out.flush();
      return Serving.EXIT_OK;
    } catch (IllegalArgumentException e) {
      throw CommandException.runtime(e.getMessage());
    } catch (PollException e) {
      throw CommandException.runtime("the token exchange failed: " + e.getMessage());
    } catch (IOException e) {
      throw CommandException.runtime("cannot write the token file: " + e.getMessage());
    }
  }

  private String readPasted(PrintWriter out) throws IOException {
    out.print("Paste the URL you were redirected to: ");
    out.flush();
    return context.stdin().readLine();
  }

  /**
   * Why a browser sent to {@code redirect} would not reach a plain-HTTP listener on loopback port
   * {@code port}, or null when it would.
   */
  static String unreachable(URI redirect, int port) {
    if (!"http".equalsIgnoreCase(redirect.getScheme())) {
      return "is not plain http, which is all --listen answers";
    }
    String host = redirect.getHost();
    if (host == null || !(host.equalsIgnoreCase("localhost") || isLoopbackAddress(host))) {
      return "does not point at this machine (localhost or a loopback address)";
    }
    int redirectPort = redirect.getPort() == -1 ? 80 : redirect.getPort();
    if (redirectPort != port) {
      return "points at port " + redirectPort + ", not " + port;
    }
    return null;
  }

  private static boolean isLoopbackAddress(String host) {
    String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private String catchRedirect(int port, URI redirectUri, PrintWriter out) throws IOException {
    CompletableFuture<String> received = new CompletableFuture<>();
    String path =
        redirectUri.getRawPath() == null || redirectUri.getRawPath().isEmpty()
            ? "/"
            : redirectUri.getRawPath();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(
        path,
        exchange -> {
          byte[] body = "Signed in; you can close this tab.\n".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
          received.complete("http://localhost:" + port + exchange.getRequestURI());
        });
    server.start();
    out.println(
        "Waiting for the redirect on http://localhost:"
            + server.getAddress().getPort()
            + path
            + " ...");
    out.flush();
    try {
      return received.get(waitSeconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException("no redirect arrived within " + waitSeconds + " s");
    } finally {
      server.stop(0);
    }
  }
}
