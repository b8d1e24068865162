package dev.homeenergy.device.sunpower;

import dev.homeenergy.config.Secret;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.Deadline;
import dev.homeenergy.devicehttp.LoginGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ssm_owner} session with one PVS on the 2025 firmware: logged in lazily, reused across
 * polls until the PVS rejects it (sessions expire after about five minutes), logged in again at
 * most once per poll, and with logins spaced out by a {@link LoginGate} after a rejected one so a
 * wrong password never hammers the PVS. The session id stays in memory and in request headers only.
 */
final class VarsSession {
  private static final Logger LOG = LoggerFactory.getLogger(VarsSession.class);

  private final String deviceName;
  private final PvsTransport transport;
  private final LoginGate gate;
  private String session;
  private boolean loggedInThisPoll;
  private boolean everLoggedIn;

  VarsSession(String deviceName, PvsTransport transport, LoginGate gate) {
    this.deviceName = deviceName;
    this.transport = transport;
    this.gate = gate;
  }

  /** Starts a poll: it may log in once. */
  void beginPoll() {
    loggedInThisPoll = false;
  }

  /** The current session, logging in first when there is none. */
  String current(Secret password, Deadline deadline) throws PollException {
    return session != null ? session : login(password, deadline, null);
  }

  /**
   * Forgets the session the PVS rejected and logs in again, unless this poll already logged in or
   * the gate is closed.
   *
   * @param rejection the failure of the read the PVS refused with the old session
   */
  String relogin(String rejected, PollException rejection, Secret password, Deadline deadline)
      throws PollException {
    forget(rejected);
    return login(password, deadline, rejection);
  }

  /** Forgets {@code rejected} if it is still the current session. */
  void forget(String rejected) {
    if (rejected != null && rejected.equals(session)) {
      session = null;
    }
  }

  private String login(Secret password, Deadline deadline, PollException rejection)
      throws PollException {
    gate.checkOpen();
    if (loggedInThisPoll) {
      throw new PollException(
          FailureReason.AUTH,
          (rejection == null ? "" : rejection.getMessage() + ": ")
              + "the PVS rejected the session from this poll's login; logging in at most once per poll");
    }
    loggedInThisPoll = true;
    String issued;
    try {
      issued = transport.login(password, deadline);
    } catch (PollException e) {
      if (LoginGate.closesOn(e.reason())) {
        PollException refused =
            new PollException(
                e.reason(),
                e.getMessage()
                    + " (the PVS refused user "
                    + PvsTransport.LOGIN_USER
                    + " with the configured password, or the serial's last five characters when none is set)",
                e.httpStatus());
        gate.failed(refused);
        throw refused;
      }
      throw e;
    }
    if (issued == null) {
      PollException failure =
          new PollException(
              FailureReason.AUTH,
              PvsTransport.LOGIN_ENDPOINT
                  + ": the answer holds no session (neither a session cookie nor a body)");
      gate.failed(failure);
      throw failure;
    }
    gate.succeeded();
    session = issued;
    if (everLoggedIn) {
      LOG.debug("Logged in to PVS {} again", deviceName);
    } else {
      everLoggedIn = true;
      LOG.info("Logged in to PVS {}", deviceName);
    }
    return issued;
  }
}
