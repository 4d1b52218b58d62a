package dev.molt.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Map;
import java.util.Optional;

/**
 * Where the release cookie comes from, the same rule on the node and in {@code bin/<name>}: the
 * {@code MOLT_COOKIE} environment variable when set and not empty, else the cookie file
 * ({@code releases/COOKIE}). Surrounding whitespace (the file's trailing newline) is not part of
 * the cookie. As Erlang does for {@code .erlang.cookie}, the file must be a regular file (not a
 * link) owned by the user, and neither group nor others may read or write it. A node also refuses
 * a cookie shorter than {@link #MIN_LENGTH} ({@link #resolveForNode}). Stateless and thread-safe.
 */
public final class Cookie {
  /** The environment variable that overrides the cookie file. */
  public static final String ENV = "MOLT_COOKIE";
  /** The fewest characters a node accepts as its cookie (a generated one has 64). */
  public static final int MIN_LENGTH = 16;

  private Cookie() {}

  /** {@link #resolve}, refusing a cookie shorter than {@link #MIN_LENGTH}: for the node's side. */
  public static byte[] resolveForNode(Path cookieFile, Map<String, String> env) throws CookieException {
    byte[] cookie = resolve(cookieFile, env);
    int length = new String(cookie, StandardCharsets.UTF_8).length();
    if (length < MIN_LENGTH) {
      String from = env.getOrDefault(ENV, "").isBlank() ? cookieFile.toString() : ENV;
      throw new CookieException("the cookie of " + from + " has " + length + " characters; a node"
          + " needs at least " + MIN_LENGTH + " (bin/<name> makes one of 64 when releases/COOKIE is"
          + " missing)");
    }
    return cookie;
  }

  /** The cookie bytes (UTF-8), never empty. */
  public static byte[] resolve(Path cookieFile, Map<String, String> env) throws CookieException {
    String fromEnv = env.getOrDefault(ENV, "").strip();
    if (!fromEnv.isEmpty()) {
      return fromEnv.getBytes(StandardCharsets.UTF_8);
    }
    checkFile(cookieFile);
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

  private static void checkFile(Path cookieFile) throws CookieException {
    Optional<PosixFileAttributes> attributes;
    try {
      attributes = FileOwnership.of(cookieFile);
    } catch (IOException e) {
      return; // missing or unreadable: reading it reports that
    }
    if (attributes.isEmpty()) {
      return;
    }
    PosixFileAttributes a = attributes.get();
    if (!a.isRegularFile()) {
      throw new CookieException(cookieFile + " is " + (a.isSymbolicLink() ? "a symbolic link"
          : "not a regular file") + "; a cookie file must be a regular file: remove it (bin/<name>"
          + " makes a new one) or set " + ENV);
    }
    if (!FileOwnership.ownedByUs(a)) {
      throw new CookieException(cookieFile + " belongs to " + a.owner().getName() + ", not to you;"
          + " run as the user that owns the release, or set " + ENV);
    }
    if (FileOwnership.grants(a, FileOwnership.OTHERS)) {
      throw new CookieException(cookieFile + " is readable or writable by others; run chmod 0400 "
          + cookieFile);
    }
  }
}
