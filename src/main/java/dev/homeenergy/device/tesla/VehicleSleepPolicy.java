package dev.homeenergy.device.tesla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides, for one car at each poll, whether to read {@code vehicle_data}, only list it (which does
 * not wake it), or wake it — the way the best loggers let cars sleep. Reading data resets a car's
 * inactivity timer, so a parked car is read for a while and then left alone long enough to fall
 * asleep; a sleeping car is only listed, and woken only when the user asked for it.
 */
public final class VehicleSleepPolicy {

  /**
   * @param driving how often to read a car that is driving
   * @param charging how often to read a car that is charging
   * @param online how often to read a car that is parked and awake
   * @param idleBeforeSuspend how long a parked car is read before it is left alone
   * @param suspend how long it is then left alone (only listed) so it can fall asleep
   * @param asleep how often to list a sleeping or offline car
   * @param wakeOnPoll wake a sleeping car at every poll (costs money and battery; off by default)
   * @param maxSleep wake a car that has slept longer than this so its metrics resume, or null
   */
  public record Settings(
      Duration driving,
      Duration charging,
      Duration online,
      Duration idleBeforeSuspend,
      Duration suspend,
      Duration asleep,
      boolean wakeOnPoll,
      Duration maxSleep) {

    public Settings {
      Objects.requireNonNull(driving, "driving");
      Objects.requireNonNull(charging, "charging");
      Objects.requireNonNull(online, "online");
      Objects.requireNonNull(idleBeforeSuspend, "idleBeforeSuspend");
      Objects.requireNonNull(suspend, "suspend");
      Objects.requireNonNull(asleep, "asleep");
    }

    /**
     * TeslaMate-like defaults, slowed to Fleet API prices: 1 min driving, 2 min charging, 5 min
     * parked.
     */
    public static Settings defaults() {
      return new Settings(
          Duration.ofMinutes(1),
          Duration.ofMinutes(2),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofMinutes(21),
          Duration.ofMinutes(5),
          false,
          null);
    }
  }

  /** What to do with a car now. */
  public enum Action {
    READ_DATA,
    LIST_ONLY,
    WAKE
  }

  /** The action and when this car wants to be looked at again. */
  public record Decision(Action action, Duration nextPollIn) {}

  /**
   * What the exporter has learnt about one car across polls. Not thread-safe: one poller uses it.
   */
  public static final class Track {
    private String state = "unknown";
    private Instant stateSince;
    private Instant lastActive;
    private Instant suspendedUntil;
    private boolean activeNow;

    /** The vehicle list said {@code newState} ({@code online}, {@code asleep}, {@code offline}). */
    public void listed(String newState, Instant now) {
      if (!newState.equals(state)) {
        if (newState.equals("online")) {
          lastActive = now;
          suspendedUntil = null;
        }
        state = newState;
        stateSince = now;
      }
    }

    /** Data was read; {@code active} when the car is driving, charging or someone is in it. */
    public void read(boolean active, Instant now) {
      if (active) {
        lastActive = now;
        suspendedUntil = null;
      }
      activeNow = active;
    }

    public String state() {
      return state;
    }

    /** Whether the last read showed the car in use. */
    public boolean active() {
      return activeNow;
    }
  }

  private final Settings settings;

  public VehicleSleepPolicy(Settings settings) {
    this.settings = settings;
  }

  /**
   * @param track the car's history
   * @param charging whether the last read showed it charging (read more often than parked)
   */
  public Decision decide(Track track, boolean charging, Instant now) {
    switch (track.state) {
      case "online" -> {
        if (track.activeNow) {
          return new Decision(
              Action.READ_DATA, charging ? settings.charging() : settings.driving());
        }
        if (track.suspendedUntil != null && now.isBefore(track.suspendedUntil)) {
          return new Decision(
              Action.LIST_ONLY,
              min(settings.asleep(), Duration.between(now, track.suspendedUntil)));
        }
        Instant idleSince = track.lastActive != null ? track.lastActive : track.stateSince;
        if (track.suspendedUntil == null
            && idleSince != null
            && !now.isBefore(idleSince.plus(settings.idleBeforeSuspend()))) {
          track.suspendedUntil = now.plus(settings.suspend());
          return new Decision(Action.LIST_ONLY, settings.asleep());
        }
        if (track.suspendedUntil != null) {
          track.suspendedUntil = null;
          track.lastActive = now.minus(settings.idleBeforeSuspend());
        }
        return new Decision(Action.READ_DATA, settings.online());
      }
      case "asleep", "offline" -> {
        boolean sleptTooLong =
            settings.maxSleep() != null
                && track.stateSince != null
                && !now.isBefore(track.stateSince.plus(settings.maxSleep()));
        if (settings.wakeOnPoll() || sleptTooLong) {
          return new Decision(Action.WAKE, settings.driving());
        }
        return new Decision(Action.LIST_ONLY, settings.asleep());
      }
      default -> {
        return new Decision(Action.LIST_ONLY, settings.asleep());
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
