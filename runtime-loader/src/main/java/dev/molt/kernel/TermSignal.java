package dev.molt.kernel;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/**
 * Runs an action when the process receives SIGTERM, instead of the JVM's default (run shutdown
 * hooks, exit 143). The node uses it to stop its apps before any shutdown hook runs (an app's
 * own hooks, e.g. H2 closing its database, would otherwise race with the app's stop) and to exit
 * 0. Uses {@code sun.misc.Signal} from jdk.unsupported by reflection: javac flags any direct use
 * as proprietary API, and a runtime without jdk.unsupported must still boot (it then falls back
 * to the shutdown hook and exit code 143).
 */
final class TermSignal {
  private TermSignal() {}

  /** Installs {@code action} for SIGTERM; false when this runtime cannot handle signals. */
  static boolean onTerm(Runnable action) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      InvocationHandler call = (proxy, method, args) -> {
        switch (method.getName()) {
          case "handle":
            action.run();
            return null;
          case "hashCode":
            return System.identityHashCode(proxy);
          case "equals":
            return proxy == args[0];
          default:
            return "molt SIGTERM handler";
        }
      };
      Object proxy = Proxy.newProxyInstance(TermSignal.class.getClassLoader(),
          new Class<?>[] {handler}, call);
      Object term = signal.getConstructor(String.class).newInstance("TERM");
      signal.getMethod("handle", signal, handler).invoke(null, term, proxy);
      return true;
    } catch (ReflectiveOperationException | IllegalArgumentException | LinkageError e) {
      return false;
    }
  }
}
