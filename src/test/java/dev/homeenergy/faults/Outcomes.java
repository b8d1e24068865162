package dev.homeenergy.faults;

import dev.homeenergy.faults.FaultTarget.Outcome;
import dev.homeenergy.testing.FaultServer.Fault;

/** The outcomes every family shares; a family overrides only where its API differs. */
final class Outcomes {
  private Outcomes() {}

  static Outcome common(Fault fault) {
    return switch (fault) {
      case REFUSED, RESET_MID_BODY -> new Outcome.Fails("connect");
      case SILENT, TRICKLE -> new Outcome.Fails("timeout");
      case HUGE_BODY, HTML_PAGE, WRONG_SHAPE, NODE_BOMB, DEEP_NESTING -> new Outcome.Fails("parse");
      case HTML_ERROR_PAGE -> new Outcome.Fails("http_status");
      case WRONG_CONTENT_TYPE ->
          new Outcome.Accepted(
              "devices label JSON loosely (the PVS answers text/html for some JSON); the body decides",
              true);
      case ODD_TEXT -> new Outcome.Accepted("any text is a valid label value once escaped", true);
      case NUMBERS_AS_STRINGS ->
          new Outcome.Accepted("a number in a string is read as that number", true);
      case STRINGS_AS_NUMBERS ->
          new Outcome.Accepted("a number where text belongs is read as its digits", true);
      case NON_FINITE ->
          new Outcome.Accepted(
              "bare NaN/Infinity (the Wall Connector writes nan) is read as a missing or non-finite value",
              true);
      case NONE -> throw new IllegalArgumentException("NONE is not a fault");
    };
  }
}
