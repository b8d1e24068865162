package dev.homeenergy.device.wallconnector;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Decodes the base64 {@code wifi_ssid}, falling back to the text as sent when it is not base64. */
final class SsidDecoder {

  private SsidDecoder() {}

  /**
   * @return the decoded SSID when {@code raw} is valid base64 of printable UTF-8, else {@code raw}
   */
  static String decode(String raw) {
    if (raw == null || raw.isEmpty()) {
      return raw;
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(raw);
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return isPrintable(text) ? text : raw;
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return raw;
    }
  }

  private static boolean isPrintable(String text) {
    return !text.isEmpty()
        && text.codePoints()
            .noneMatch(
                cp ->
                    Character.isISOControl(cp)
                        || Character.getType(cp) == Character.UNASSIGNED
                        || Character.getType(cp) == Character.FORMAT
                        || Character.getType(cp) == Character.PRIVATE_USE);
  }
}
