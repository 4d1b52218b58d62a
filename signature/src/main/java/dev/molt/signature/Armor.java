package dev.molt.signature;

import java.util.Base64;
import java.util.function.Function;

/**
 * The text armor OpenSSH puts around binary keys and signatures: a BEGIN line, base64 in lines of
 * 70 characters (as ssh-keygen writes them), an END line.
 */
final class Armor {
  static final String SIGNATURE = "SSH SIGNATURE";
  static final String PRIVATE_KEY = "OPENSSH PRIVATE KEY";
  private static final int LINE = 70;

  private Armor() {}

  static String encode(String label, byte[] bytes) {
    String base64 = Base64.getEncoder().encodeToString(bytes);
    StringBuilder out = new StringBuilder(begin(label)).append('\n');
    for (int i = 0; i < base64.length(); i += LINE) {
      out.append(base64, i, Math.min(base64.length(), i + LINE)).append('\n');
    }
    return out.append(end(label)).append('\n').toString();
  }

  /**
   * The bytes inside the armor of {@code label}; a missing BEGIN or END line or invalid base64 is
   * reported through {@code error}.
   */
  static byte[] decode(String text, String label, Function<String, SigningException> error)
      throws SigningException {
    int begin = text.indexOf(begin(label));
    if (begin < 0) {
      throw error.apply("no '" + begin(label) + "' line");
    }
    int from = begin + begin(label).length();
    int end = text.indexOf(end(label), from);
    if (end < 0) {
      throw error.apply("no '" + end(label) + "' line: the file is truncated");
    }
    String base64 = text.substring(from, end).replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw error.apply("invalid base64 between the BEGIN and END lines (" + e.getMessage() + ")");
    }
  }

  private static String begin(String label) {
    return "-----BEGIN " + label + "-----";
  }

  private static String end(String label) {
    return "-----END " + label + "-----";
  }
}
