package dev.molt.upgrade.purge;

import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.List;

/**
 * One old class loader a purge dropped: its name, the upgrade that retired it, a weak reference
 * (never a strong one: the entry must not keep it) and what was found holding it at the purge.
 * Immutable; a later look ({@link PurgeLedger}) makes a new entry.
 *
 * @param label the loader's name, e.g. {@code book_app-0.3.0}
 * @param cause the upgrade, e.g. {@code upgrade 0.3.0 -> 0.4.0}
 * @param purgedAt when the purge dropped it
 * @param ref the loader, until the collector takes it
 * @param drivers the JDBC drivers of the loader that the purge deregistered, and failures
 * @param holders its likely holders when last looked at; empty once collected
 */
public record PurgedLoader(String label, String cause, Instant purgedAt,
    WeakReference<ClassLoader> ref, List<String> drivers, List<Holder> holders) {
  public PurgedLoader {
    drivers = List.copyOf(drivers);
    holders = List.copyOf(holders);
  }

  /** Whether the collector took the loader. */
  public boolean collected() {
    return ref.get() == null;
  }

  PurgedLoader withHolders(List<Holder> now) {
    return new PurgedLoader(label, cause, purgedAt, ref, drivers, now);
  }

  /** The first holder that names something (not a "not checked" line), for one-line reports. */
  public String likelyHolder() {
    for (Holder h : holders) {
      if (h.kind() != Holder.Kind.NOT_CHECKED) {
        return h.text();
      }
    }
    return "no likely holder found (bin/<name> describe says what was checked)";
  }
}
