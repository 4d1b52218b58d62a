package dev.molt.upgrade.purge;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * {@code java.util.logging} objects of the old code: the {@code LogManager} is JVM-wide, so a
 * handler an app added to a logger (the root logger included) and never removed holds its
 * loader, as does a logger subclass, a filter or a formatter of its classes.
 */
final class LoggingHolders {
  private LoggingHolders() {}

  static List<Holder> find(ClassLoader loader) {
    List<Holder> holders = new ArrayList<>();
    LogManager manager = LogManager.getLogManager();
    Enumeration<String> names = manager.getLoggerNames();
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      Logger logger = manager.getLogger(name);
      if (logger == null) {
        continue; // collected since it was listed
      }
      String label = "java.util.logging logger \"" + name + "\"";
      if (Labels.ofLoader(logger, loader)) {
        holders.add(holder(label + " is a " + logger.getClass().getName()));
      }
      if (Labels.ofLoader(logger.getFilter(), loader)) {
        holders.add(holder(label + " has the filter " + logger.getFilter().getClass().getName()));
      }
      for (Handler handler : logger.getHandlers()) {
        handler(label, handler, loader, holders);
      }
    }
    return holders;
  }

  private static void handler(String label, Handler handler, ClassLoader loader,
      List<Holder> holders) {
    String of = " of " + Labels.of(loader);
    if (Labels.ofLoader(handler, loader)) {
      holders.add(holder(label + " has the handler " + handler.getClass().getName() + of));
    }
    if (Labels.ofLoader(handler.getFormatter(), loader)) {
      holders.add(holder(label + " has a handler with the formatter "
          + handler.getFormatter().getClass().getName() + of));
    }
    if (Labels.ofLoader(handler.getFilter(), loader)) {
      holders.add(holder(label + " has a handler with the filter "
          + handler.getFilter().getClass().getName() + of));
    }
  }

  private static Holder holder(String text) {
    return new Holder(Holder.Kind.LOGGING, text);
  }
}
