package dev.molt.appup.input;

import java.util.Comparator;

/**
 * Orders release versions: dot- or dash-separated parts, numeric parts compared as numbers, others
 * as text, and a version with a qualifier ({@code 1.0.0-rc1}) before the same version without.
 */
public final class Versions {
  /** Compares two version strings; thread-safe. */
  public static final Comparator<String> ORDER = Versions::compare;

  private Versions() {}

  static int compare(String a, String b) {
    String[] pa = a.split("[.+-]");
    String[] pb = b.split("[.+-]");
    for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
      if (i >= pa.length) {
        return isNumber(pb[i]) ? -1 : 1;
      }
      if (i >= pb.length) {
        return isNumber(pa[i]) ? 1 : -1;
      }
      int c = part(pa[i], pb[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int part(String a, String b) {
    if (isNumber(a) && isNumber(b)) {
      int c = Integer.compare(a.length(), b.length());
      return c != 0 ? c : a.compareTo(b);
    }
    if (isNumber(a) != isNumber(b)) {
      return isNumber(a) ? 1 : -1;
    }
    return a.compareTo(b);
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }
}
