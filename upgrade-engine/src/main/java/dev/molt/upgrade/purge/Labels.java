package dev.molt.upgrade.purge;

/** How the leak report names a class loader and a thread. */
final class Labels {
  private Labels() {}

  static String of(ClassLoader loader) {
    return loader.getName() != null ? loader.getName() : loader.getClass().getName() + "@"
        + Integer.toHexString(System.identityHashCode(loader));
  }

  static String thread(Thread t) {
    return "thread \"" + t.getName() + "\" (" + (t.isDaemon() ? "daemon, " : "")
        + t.getState().name().toLowerCase(java.util.Locale.ROOT) + ")";
  }

  static boolean ofLoader(Object value, ClassLoader loader) {
    return value != null && value.getClass().getClassLoader() == loader;
  }
}
