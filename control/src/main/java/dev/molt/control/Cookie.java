package dev.molt.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the release cookie comes from, the same rule on the node and in {@code bin/<name>}: the
 * {@code MOLT_COOKIE} environment variable when set and not empty, else the cookie file
 * ({@code releases/COOKIE}). Surrounding whitespace (the file's trailing newline) is not part of
 * the cookie. Stateless and thread-safe.
 */
public final class Cookie {
  /** The environment variable that overrides the cookie file. */
  public static final String ENV = "MOLT_COOKIE";

  private Cookie() {}

  /** The cookie bytes (UTF-8), never empty. */
  public static byte[] resolve(Path cookieFile, Map<String, String> env) throws CookieException {
    String fromEnv = env.getOrDefault(ENV, "").strip();
    if (!fromEnv.isEmpty()) {
      return fromEnv.getBytes(StandardCharsets.UTF_8);
    }
    String text;
    try {
      text = Files.readString(cookieFile, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw new CookieException("no cookie: " + cookieFile + " does not exist and " + ENV
          + " is not set; restore releases/COOKIE from the release archive or set " + ENV, e);
    } catch (IOException e) {
      throw new CookieException("cannot read the cookie file " + cookieFile + ": " + e.getMessage()
          + "; run as the user that owns the release or set " + ENV, e);
    }
    if (text.isEmpty()) {
      throw new CookieException("no cookie: " + cookieFile + " is empty and " + ENV
          + " is not set; restore releases/COOKIE from the release archive or set " + ENV);
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
