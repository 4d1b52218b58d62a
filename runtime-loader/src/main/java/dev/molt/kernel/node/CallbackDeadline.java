package dev.molt.kernel.node;

import java.time.Duration;
import java.util.Map;

/**
 * How long an app's {@code start}, {@code stop} or {@code configChanged} may run before the
 * kernel goes on without it: {@code -Dmolt.app.timeout=SECONDS} (jvm.options), else the
 * environment variable {@code MOLT_APP_TIMEOUT}, else {@value #DEFAULT_SECONDS} s.
 */
public final class CallbackDeadline {
  /** The system property, in whole seconds. */
  public static final String PROPERTY = "molt.app.timeout";
  /** The environment variable, in whole seconds. */
  public static final String ENV = "MOLT_APP_TIMEOUT";
  public static final int DEFAULT_SECONDS = 30;

  private CallbackDeadline() {}

  /** The deadline the property or {@code env} set, else the default. */
  public static Duration from(Map<String, String> env) throws ConfigException {
    String property = System.getProperty(PROPERTY, "");
    if (!property.isBlank()) {
      return parse(property, "-D" + PROPERTY);
    }
    String variable = env.getOrDefault(ENV, "");
    return variable.isBlank() ? Duration.ofSeconds(DEFAULT_SECONDS) : parse(variable, ENV);
  }

  private static Duration parse(String text, String where) throws ConfigException {
    try {
      long seconds = Long.parseLong(text.strip());
      if (seconds >= 1) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(where + " is '" + text + "'; give the app callbacks' deadline in"
        + " whole seconds, at least 1 (default " + DEFAULT_SECONDS + ")");
  }
}
