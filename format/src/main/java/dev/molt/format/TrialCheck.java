package dev.molt.format;

import java.util.Locale;
import java.util.Objects;

/**
 * The health check of an upgrade's trial ({@code "upgrade": {"trial": ...}} in
 * {@code rel/molt.json}, copied into release.json): after an upgrade to this release, the check
 * runs every {@code intervalMs} for {@code seconds}; the release becomes permanent only when
 * every run passed, and a failing run moves the node back. Immutable.
 *
 * @param kind what the check calls
 * @param target for {@code http}, the URL ({@code ${VAR}} resolved against the node's
 *     environment when the check runs), passing on a 2xx answer; for {@code rpc},
 *     {@code "<app> <class>.<method>"}, a public static method without arguments run in the
 *     app's loader, passing when it returns (and, if it returns a boolean, returns true); for
 *     {@code hook}, the file name of a script in the release's {@code hooks/trial/}, passing on
 *     exit 0
 * @param seconds how long the check must keep passing, 1 to 3600
 * @param intervalMs the time between two runs, 100 to 60000; also each run's deadline (at least
 *     1 s)
 */
public record TrialCheck(Kind kind, String target, int seconds, int intervalMs) {
  /** The default {@code interval_ms}. */
  public static final int DEFAULT_INTERVAL_MS = 1000;

  /** What the check calls. */
  public enum Kind {
    HTTP, RPC, HOOK;

    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public TrialCheck {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    if (seconds < 1 || seconds > 3600) {
      throw new IllegalArgumentException("trial seconds must be 1 to 3600, not " + seconds);
    }
    if (intervalMs < 100 || intervalMs > 60_000) {
      throw new IllegalArgumentException("trial interval_ms must be 100 to 60000, not "
          + intervalMs);
    }
    String problem = switch (kind) {
      case HTTP -> target.startsWith("http://") || target.startsWith("https://") ? null
          : "trial http must be an http:// or https:// URL, not \"" + target + "\"";
      case RPC -> target.matches(
          "[A-Za-z0-9][A-Za-z0-9_.-]* [A-Za-z_$][\\w$.]*\\.[A-Za-z_$][\\w$]*") ? null
          : "trial rpc must be \"<app> <class>.<method>\" (e.g. \"book_app"
          + " com.example.Health.check\"), not \"" + target + "\"";
      case HOOK -> target.matches("[A-Za-z0-9][A-Za-z0-9_.-]*\\.sh") ? null
          : "trial hook must be the file name of a .sh script in rel/hooks/trial/, not \""
          + target + "\"";
    };
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** One line for reports, e.g. {@code http http://127.0.0.1:8080/health for 10 s}. */
  public String describe() {
    return kind.json() + " " + target + " for " + seconds + " s, every " + intervalMs + " ms";
  }
}
