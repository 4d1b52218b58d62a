package edge.api;

import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Lookups made from inside this jar, which does not depend on the jar that answers them: the way
 * a framework finds plugins and drivers.
 */
public final class Lookups {
  private Lookups() {}

  /** The providers of {@link Greeter} seen through the thread context class loader. */
  public static String greetersViaContextLoader() {
    return names(ServiceLoader.load(Greeter.class));
  }

  /** The providers of {@link Greeter} seen through this jar's own class loader. */
  public static String greetersViaOwnLoader() {
    return names(ServiceLoader.load(Greeter.class, Greeter.class.getClassLoader()));
  }

  /** {@code Class.forName} from this jar, of a class this jar knows only by name. */
  public static String forName(String className) throws ClassNotFoundException {
    return Class.forName(className).getName();
  }

  private static String names(ServiceLoader<Greeter> loader) {
    return loader.stream().map(p -> p.get().greet()).collect(Collectors.joining(","));
  }
}
