package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.DeviceJson;
import dev.homeenergy.devicehttp.FailureWords;
import dev.homeenergy.devicehttp.LoginGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer session with one gateway: the token (reused from the {@link SessionStore} after a
 * restart), the login ({@code POST /api/login/Basic}) when there is none or the gateway rejected
 * it, and the {@link LoginGate} that spaces out logins after failures. Neither the password nor the
 * token ever leaves this class except in the requests to the gateway.
 */
final class GatewaySession {
  static final String LOGIN = "login/Basic";
  private static final Logger LOG = LoggerFactory.getLogger(GatewaySession.class);
  private static final ObjectMapper JSON = DeviceJson.mapper();

  private final String deviceName;
  private final GatewayTransport transport;
  private final String email;
  private final Secret password;
  private final LoginGate gate;
  private final SessionStore store;
  private String token;
  private boolean storeRead;

  GatewaySession(
      String deviceName,
      GatewayTransport transport,
      String email,
      Secret password,
      LoginGate gate,
      SessionStore store) {
    this.deviceName = deviceName;
    this.transport = transport;
    this.email = email;
    this.password = password;
    this.gate = gate;
    this.store = store;
  }

  /** The current token, logging in first when there is none. */
  String token(GatewayPoll poll) throws PollException {
    if (!storeRead) {
      storeRead = true;
      token = store.load().orElse(null);
    }
    return token != null ? token : login(poll, null);
  }

  /**
   * Forgets the token the gateway rejected and logs in again, unless this poll already logged in or
   * the gate is closed.
   *
   * @param rejection the failure of the read the gateway refused with the old token
   */
  String relogin(String rejected, PollException rejection, GatewayPoll poll) throws PollException {
    rejected(rejected);
    return login(poll, rejection);
  }

  /** Forgets {@code rejected} (in memory and on disk) if it is still the current token. */
  void rejected(String rejected) {
    if (rejected != null && rejected.equals(token)) {
      token = null;
      store.delete();
    }
  }

  private String login(GatewayPoll poll, PollException rejection) throws PollException {
    gate.checkOpen();
    if (!poll.claimLogin()) {
      throw new PollException(
          FailureReason.AUTH,
          (rejection == null ? "" : rejection.getMessage() + ": ")
              + "the gateway rejected the session from this poll's login; logging in at most once per poll");
    }
    String body;
    try {
      body = transport.postSecret(LOGIN, LOGIN, loginRequest(), poll);
    } catch (PollException e) {
      if (LoginGate.closesOn(e.reason())) {
        PollException refused =
            new PollException(e.reason(), e.getMessage() + explanation(e.reason()));
        gate.failed(refused);
        throw refused;
      }
      throw e;
    }
    String issued = tokenIn(body);
    if (!SessionStore.usable(issued)) {
      PollException failure =
          new PollException(FailureReason.AUTH, LOGIN + ": the answer holds no usable token");
      gate.failed(failure);
      throw failure;
    }
    gate.succeeded();
    token = issued;
    store.save(issued);
    LOG.info("Logged in to the gateway of device {}", deviceName);
    return issued;
  }

  private static String explanation(FailureReason reason) {
    return reason == FailureReason.RATE_LIMITED
        ? " (the gateway limits logins; waiting before the next one)"
        : " (the gateway refused the customer password; firmware 24.36+ also refuses the default one)";
  }

  private String loginRequest() {
    ObjectNode request = JSON.createObjectNode();
    request.put("username", "customer");
    request.put("email", email);
    request.put("password", password.reveal());
    request.put("force_sm_off", false);
    return request.toString();
  }

  /**
   * The token of a login answer, or null when it holds none; an answer breaking a bound of {@link
   * DeviceJson} is the gateway's {@code parse} failure, as an answer over the body cap is.
   */
  private static String tokenIn(String body) throws PollException {
    try {
      JsonNode token = JSON.readTree(body).path("token");
      return token.isTextual() ? token.asText() : null;
    } catch (StreamConstraintsException e) {
      throw new PollException(FailureReason.PARSE, LOGIN + ": " + FailureWords.json(null, e), e);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
