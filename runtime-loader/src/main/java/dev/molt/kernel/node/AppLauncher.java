package dev.molt.kernel.node;

import dev.molt.api.Application;
import dev.molt.api.ApplicationContext;
import dev.molt.format.EntryPoint;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Calls an app's entry point and its stop, always with the app's loader as the thread context
 * class loader (JDBC, ServiceLoader and logging libraries look classes up through it), each on a
 * thread of its own bounded by the node's {@link CallbackDeadline} ({@link AppCalls}), so no
 * kernel thread runs app code and no app loader stays pinned to a kernel thread.
 */
final class AppLauncher {
  private AppLauncher() {}

  /** Something app code does; may throw anything. */
  interface AppCall {
    void run() throws Exception;
  }

  static void start(NodeApp app, EntryPoint entry, ApplicationContext context,
      Consumer<AppFailure> onMainFailure, Duration deadline) throws AppStartException {
    Class<?> type = entryClass(app, entry);
    registerJdbcDrivers(app, deadline);
    if (entry.kind() == EntryPoint.Kind.APPLICATION) {
      startApplication(app, type, context, deadline);
    } else {
      startMain(app, type, onMainFailure);
    }
  }

  /** Drivers' static initializers are app code too: they run under the start deadline. */
  private static void registerJdbcDrivers(NodeApp app, Duration deadline)
      throws AppStartException {
    try {
      AppCalls.run(app, "JDBC driver registration", deadline, () -> JdbcDrivers.register(app));
    } catch (CallbackOverrunException e) {
      throw new AppStartException("app " + e.getMessage(), e);
    } catch (Exception e) { // register reports a broken driver itself and never throws
      throw new AppStartException("app " + app.label() + " failed to start: " + e, e);
    }
  }

  static void stop(NodeApp app, Duration deadline) throws Exception {
    if (app.instance().isPresent()) {
      Application instance = app.instance().get();
      AppCalls.run(app, "stop", deadline, instance::stop);
    }
  }

  private static void startApplication(NodeApp app, Class<?> type, ApplicationContext context,
      Duration deadline) throws AppStartException {
    if (!Application.class.isAssignableFrom(type)) {
      throw cannotStart(app, "class " + type.getName() + " does not implement "
          + Application.class.getName() + "; implement it, or declare the entry as kind \"main\""
          + " if the class has a main method");
    }
    Constructor<?> constructor;
    try {
      constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw cannotStart(app, "class " + type.getName() + " has no no-argument constructor; add one");
    }
    Application[] created = new Application[1];
    try {
      AppCalls.run(app, "start", deadline, () -> {
        created[0] = (Application) constructor.newInstance();
        created[0].start(context);
      });
    } catch (CallbackOverrunException e) {
      throw new AppStartException("app " + e.getMessage(), e);
    } catch (InvocationTargetException e) {
      throw failed(app, e.getCause());
    } catch (Exception | LinkageError e) { // app code: its errors are reported, not fatal to us
      throw failed(app, e);
    }
    app.started(created[0]);
  }

  private static void startMain(NodeApp app, Class<?> type, Consumer<AppFailure> onMainFailure)
      throws AppStartException {
    Method main;
    try {
      main = type.getMethod("main", String[].class);
    } catch (NoSuchMethodException e) {
      main = null;
    }
    if (main == null || !Modifier.isStatic(main.getModifiers())) {
      throw cannotStart(app, "class " + type.getName() + " has no public static void"
          + " main(String[]); add one, or declare the entry as kind \"application\"");
    }
    main.setAccessible(true); // the launcher runs main of non-public classes too
    Thread thread = new Thread(runMain(app, main, onMainFailure), app.name() + "-main");
    thread.setContextClassLoader(app.applicationLoader());
    thread.setDaemon(false);
    app.started(thread);
    thread.start();
  }

  private static Runnable runMain(NodeApp app, Method main, Consumer<AppFailure> onMainFailure) {
    return () -> {
      try {
        main.invoke(null, (Object) app.mainArgs().toArray(new String[0]));
      } catch (InvocationTargetException e) {
        app.state(AppState.FAILED);
        onMainFailure.accept(new AppFailure(app.name(), app.version(), e.getCause()));
      } catch (IllegalAccessException | RuntimeException | LinkageError e) {
        app.state(AppState.FAILED);
        onMainFailure.accept(new AppFailure(app.name(), app.version(),
            e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e));
      }
    };
  }

  private static Class<?> entryClass(NodeApp app, EntryPoint entry) throws AppStartException {
    try {
      return Class.forName(entry.className(), false, app.applicationLoader());
    } catch (ClassNotFoundException e) {
      throw cannotStart(app, "entry class " + entry.className() + " is not in "
          + app.spec().dir() + " nor in the apps it depends on; fix entry.class in release.json");
    } catch (LinkageError e) {
      throw failed(app, e);
    }
  }

  private static AppStartException cannotStart(NodeApp app, String why) {
    return new AppStartException("app " + app.label() + " cannot start: " + why);
  }

  private static AppStartException failed(NodeApp app, Throwable error) {
    return new AppStartException(
        "app " + app.label() + " failed to start: " + Failures.describe(error), error);
  }
}
