package dev.molt.format;

import java.util.regex.Pattern;

/** Shared checks for the names and versions that end up in directory names. */
final class Names {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]*");

  private Names() {}

  static void requireName(String value, String what) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + " must be letters, digits, '_', '.', '-' (got '" + value + "')");
    }
  }

  static void requireVersion(String value, String what) {
    if (value == null || !VERSION.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + " must be letters, digits, '_', '.', '+', '-' (got '" + value + "')");
    }
  }
}
