package dev.molt.upgrade.purge;

import java.io.Closeable;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops old class loaders after an upgrade's point of no return and proves each went: closes
 * it, deregisters the JDBC drivers it left in {@code DriverManager}, then asks the collector
 * ({@code System.gc()}) at most {@value #MAX_COLLECTIONS} times within {@link #BOUND} until a
 * weak reference to it is cleared. A loader still reachable is not an error: its likely holders
 * are looked for ({@link LeakFinder}) and everything is recorded in the {@link PurgeLedger} that
 * {@code releases} and {@code describe} report. Used by one upgrade's thread at a time.
 *
 * <p>The seam for every step that retires a loader ({@code restart_application},
 * {@code remove_application}, and the unit loaders {@code update} replaces): hand the loaders
 * over in a list made for the call, and keep no other reference to them.
 */
public final class LoaderPurge {
  /** How long a purge waits for the collector at most. */
  public static final Duration BOUND = Duration.ofSeconds(2);
  static final int MAX_COLLECTIONS = 8;
  private final PurgeLedger ledger;

  public LoaderPurge(PurgeLedger ledger) {
    this.ledger = ledger;
  }

  /** The ledger this purge records into. */
  public PurgeLedger ledger() {
    return ledger;
  }

  /**
   * Drops {@code loaders} and waits (at most {@link #BOUND}) for the collector to take them.
   *
   * @param cause the upgrade that retired them, e.g. {@code upgrade 0.3.0 -> 0.4.0}
   * @param loaders the old loaders; the caller must hold no other reference to them
   * @return one entry per loader, collected or with its likely holders
   */
  public List<PurgedLoader> purge(String cause, List<? extends ClassLoader> loaders) {
    List<PurgedLoader> dropped = drop(cause, loaders);
    loaders = null; // the last strong references this purge held
    awaitCollection(dropped);
    List<PurgedLoader> result = new ArrayList<>();
    for (PurgedLoader entry : dropped) {
      PurgedLoader looked = entry.collected() ? entry : entry.withHolders(holders(entry));
      ledger.record(looked);
      result.add(looked);
    }
    return result;
  }

  private static List<PurgedLoader> drop(String cause, List<? extends ClassLoader> loaders) {
    List<PurgedLoader> dropped = new ArrayList<>();
    Instant now = Instant.now();
    for (ClassLoader loader : loaders) {
      JdbcDriverRelease.Released drivers = JdbcDriverRelease.from(loader);
      List<String> found = new ArrayList<>(drivers.drivers());
      found.addAll(drivers.failures());
      if (loader instanceof Closeable closeable) {
        try {
          closeable.close();
        } catch (IOException e) {
          // its jars stay open until it is collected; nothing else depends on them
        }
      }
      dropped.add(new PurgedLoader(Labels.of(loader), cause, now, new WeakReference<>(loader),
          found, List.of()));
    }
    return dropped;
  }

  private static void awaitCollection(List<PurgedLoader> dropped) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    long pauseMs = 20;
    for (int i = 0; i < MAX_COLLECTIONS && !allCollected(dropped); i++) {
      System.gc();
      long leftMs = (deadline - System.nanoTime()) / 1_000_000;
      if (allCollected(dropped) || leftMs <= 0) {
        return;
      }
      sleep(Math.min(pauseMs, leftMs));
      pauseMs *= 2;
    }
  }

  private List<Holder> holders(PurgedLoader entry) {
    ClassLoader loader = entry.ref().get();
    return loader == null ? List.of() : ledgerFinder().find(loader);
  }

  private LeakFinder ledgerFinder() {
    return ledger.finder();
  }

  private static boolean allCollected(List<PurgedLoader> dropped) {
    for (PurgedLoader e : dropped) {
      if (!e.collected()) {
        return false;
      }
    }
    return true;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
