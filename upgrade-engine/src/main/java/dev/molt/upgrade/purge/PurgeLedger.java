package dev.molt.upgrade.purge;

import dev.molt.kernel.spi.DescribeSection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * The old class loaders purged since the node booted, and whether the collector took them: what
 * {@code releases} and {@code describe} report under {@code old class loaders:}. A loader not
 * collected at its purge is looked at again at each report (collected since, or its holders now);
 * no report forces a collection. Keeps the last {@value #KEPT} loaders and counts the others.
 * Thread-safe.
 */
public final class PurgeLedger implements DescribeSection {
  static final int KEPT = 50;
  private final Supplier<List<ClassLoader>> liveLoaders;
  private final Deque<PurgedLoader> entries = new ArrayDeque<>();
  private long forgotten;
  private long forgottenLeaks;

  /** @param liveLoaders the loaders of the applications running at the time of a look */
  public PurgeLedger(Supplier<List<ClassLoader>> liveLoaders) {
    this.liveLoaders = liveLoaders;
  }

  LeakFinder finder() {
    return new LeakFinder(liveLoaders.get());
  }

  synchronized void record(PurgedLoader entry) {
    entries.addLast(entry);
    while (entries.size() > KEPT) {
      PurgedLoader old = entries.removeFirst();
      forgotten++;
      forgottenLeaks += old.collected() ? 0 : 1;
    }
  }

  /** The loaders as they are now: each one not collected is looked at again. */
  public List<PurgedLoader> now() {
    List<PurgedLoader> snapshot;
    synchronized (this) {
      snapshot = new ArrayList<>(entries);
    }
    List<PurgedLoader> now = new ArrayList<>();
    LeakFinder finder = null;
    for (PurgedLoader entry : snapshot) {
      ClassLoader loader = entry.ref().get();
      if (loader == null) {
        now.add(entry.holders().isEmpty() ? entry : entry.withHolders(List.of()));
      } else {
        finder = finder != null ? finder : finder();
        now.add(entry.withHolders(finder.find(loader)));
      }
    }
    return now;
  }

  /** The report, empty when nothing was purged since the boot. */
  @Override
  public List<String> lines() {
    List<PurgedLoader> now = now();
    long before;
    long beforeLeaks;
    synchronized (this) {
      before = forgotten;
      beforeLeaks = forgottenLeaks;
    }
    if (now.isEmpty() && before == 0) {
      return List.of();
    }
    long leaks = beforeLeaks + now.stream().filter(e -> !e.collected()).count();
    List<String> lines = new ArrayList<>();
    lines.add("old class loaders: " + (now.size() + before) + " purged since boot, "
        + (leaks == 0 ? "all collected" : leaks + " not collected"));
    if (before > 0) {
      lines.add("  (" + before + " older ones not listed, " + beforeLeaks + " of them not"
          + " collected when last listed)");
    }
    Instant at = Instant.now();
    for (PurgedLoader e : now) {
      lines.addAll(entry(e, at));
    }
    return lines;
  }

  private static List<String> entry(PurgedLoader e, Instant now) {
    String drivers = e.drivers().isEmpty() ? "" : "; JDBC drivers it left registered, now"
        + " deregistered: " + String.join(", ", e.drivers());
    if (e.collected()) {
      return List.of("  " + e.label() + " collected (" + e.cause() + drivers + ")");
    }
    List<String> lines = new ArrayList<>();
    lines.add("  " + e.label() + " NOT collected (" + e.cause() + ", purged "
        + Duration.between(e.purgedAt(), now).toSeconds() + " s ago" + drivers
        + "); likely held by:");
    boolean named = false;
    for (Holder h : e.holders()) {
      lines.add("    " + h.text());
      named |= h.kind() != Holder.Kind.NOT_CHECKED;
    }
    if (!named) {
      lines.add("    nothing found among threads, java.util.logging and application loaders;"
          + " a heap dump shows the path: jcmd <pid> GC.heap_dump <file>, then the loader's"
          + " paths to GC roots");
    }
    return lines;
  }
}
