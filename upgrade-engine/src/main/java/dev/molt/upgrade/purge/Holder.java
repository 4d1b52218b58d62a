package dev.molt.upgrade.purge;

import java.util.Objects;

/**
 * One likely holder of an old class loader that the collector could not take, as found by
 * {@link LeakFinder}: what kind of reference it is and a line naming it (the thread, the driver,
 * the logger) for {@code releases} and {@code describe}.
 *
 * @param kind what holds the loader
 * @param text one line, e.g. {@code thread "ticker" (daemon): it runs a.Ticker.run of app-1.0}
 */
public record Holder(Kind kind, String text) {
  /** The kinds of holder the finder looks for; docs/upgrades.md says how to fix each. */
  public enum Kind {
    /** A live thread of the old code, or one whose context class loader is the old loader. */
    THREAD,
    /** A JDBC driver of the old loader still registered with {@code DriverManager}. */
    JDBC_DRIVER,
    /** A shutdown hook whose thread is of the old code or has its loader as context loader. */
    SHUTDOWN_HOOK,
    /** A ThreadLocal value (or ThreadLocal) of the old code on a live thread. */
    THREAD_LOCAL,
    /** A {@code java.util.logging} logger, handler, formatter or filter of the old code. */
    LOGGING,
    /** The loader of a running application that still delegates to the old loader. */
    LOADER,
    /** Something the finder could not look at; the text says what and how to make it. */
    NOT_CHECKED
  }

  public Holder {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }
}
