package dev.homeenergy.core;

import java.util.List;

/**
 * One step of {@code home-energy-exporter doctor} for one device (name resolution, a login, a read
 * of one endpoint): its verdict, what was seen, and hints at the usual causes when it failed. Plain
 * words only, and never a password or token.
 *
 * @param verdict passed, failed or skipped
 * @param name the step, e.g. {@code TCP connect} or {@code read vitals}
 * @param detail what the step saw, e.g. {@code 192.168.1.50:80 accepted the connection}
 * @param hints what usually causes this failure and what to try, one sentence each
 */
public record DoctorStep(Verdict verdict, String name, String detail, List<String> hints) {

  public DoctorStep {
    hints = List.copyOf(hints);
  }

  public static DoctorStep passed(String name, String detail) {
    return new DoctorStep(Verdict.PASSED, name, detail, List.of());
  }

  public static DoctorStep failed(String name, String detail, List<String> hints) {
    return new DoctorStep(Verdict.FAILED, name, detail, hints);
  }

  public static DoctorStep skipped(String name, String detail) {
    return new DoctorStep(Verdict.SKIPPED, name, detail, List.of());
  }

  /** A step that failed with a poll's failure, its message as it is. */
  public static DoctorStep failed(String name, PollException failure, List<String> hints) {
    return failed(name, failure.reason().label() + ": " + failure.getMessage(), hints);
  }

  /** How a step went, with the mark {@code doctor} prints before it. */
  public enum Verdict {
    PASSED("✓"),
    FAILED("✗"),
    SKIPPED("-");

    private final String mark;

    Verdict(String mark) {
      this.mark = mark;
    }

    public String mark() {
      return mark;
    }
  }
}
