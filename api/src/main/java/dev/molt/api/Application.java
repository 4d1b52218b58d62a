package dev.molt.api;

/**
 * An application that the Molt node starts and stops.
 *
 * <p>The node creates one instance per release boot through the public no-argument constructor,
 * calls {@link #start} once its dependencies have started, and {@link #stop} in reverse dependency
 * order when the node stops (on {@code bin/<name> stop} or SIGTERM). Both are called on a kernel
 * thread whose context class loader is the application's own loader.
 *
 * <p>An application that does not depend on this API (a class with {@code main(String[])}) can be
 * run as well; it is simply not told when the node stops.
 */
public interface Application {

  /**
   * Starts the application. Returning normally means the application is up; throwing aborts the
   * boot of the node, and the applications already started are stopped in reverse order.
   *
   * @param context the application's name, version, configuration and data directory; never null
   * @throws Exception any failure, reported with the application's name
   */
  void start(ApplicationContext context) throws Exception;

  /**
   * Stops the application: release ports, stop threads, close files. Called at most once, and only
   * after a successful {@link #start}.
   *
   * @throws Exception any failure; it is reported and the other applications are still stopped
   */
  void stop() throws Exception;

  /**
   * Called after {@code bin/<name> reload_config} re-read the release's configuration and found
   * keys of this application changed, added or removed. The default does nothing: the
   * application keeps the values it read at start. Called on a kernel thread whose context class
   * loader is the application's own loader, never concurrently with {@link #start} or {@link
   * #stop}.
   *
   * @param config the whole new configuration of this application; never null
   * @param changedKeys the keys whose value differs from before (added, changed or removed);
   *     never empty
   * @throws Exception any failure; it is reported to the caller of {@code reload_config} and the
   *     application keeps running
   */
  default void configChanged(Config config, java.util.Set<String> changedKeys) throws Exception {}
}
