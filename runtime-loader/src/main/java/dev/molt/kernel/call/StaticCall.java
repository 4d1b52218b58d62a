package dev.molt.kernel.call;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Calls {@code pkg.Class.method arg…} — a public static method — with text arguments, for {@code
 * rpc} (in the running node) and {@code eval} (in a clean one). Arguments convert to the
 * parameter types {@link Arguments} knows. The call runs on the caller's thread with the context
 * class loader set to the loader that defined the class. Stateless and thread-safe.
 */
public final class StaticCall {
  private static final Pattern TARGET =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+");

  /** The value a void method returns from {@link #invoke}. */
  public static final Object VOID = new Object() {
    @Override
    public String toString() {
      return "";
    }
  };

  private StaticCall() {}

  /** True when {@code text} has the shape {@code pkg.Class.method} (and is not Java source). */
  public static boolean isTarget(String text) {
    return TARGET.matcher(text).matches();
  }

  /**
   * Finds the class in the first of {@code loaders} that has it (app name to loader, in release
   * order), picks the public static method of that name whose parameters the arguments convert
   * to, and calls it.
   *
   * @return the method's result, or {@link #VOID}; with no arguments, {@code pkg.Class.FIELD}
   *     names a public static field when no method has that name, and returns its value
   * @throws CallException when nothing of that name can be called with these arguments
   * @throws Throwable what the method threw, unwrapped
   */
  public static Object invoke(Map<String, ClassLoader> loaders, String target, List<String> args)
      throws Throwable {
    if (!isTarget(target)) {
      throw new CallException("'" + target + "' is not a Class.method target; give the fully"
          + " qualified class name and the method, e.g. com.example.ReleaseTasks.migrate");
    }
    int dot = target.lastIndexOf('.');
    Class<?> type = find(loaders, target.substring(0, dot));
    String name = target.substring(dot + 1);
    Optional<java.lang.reflect.Field> field = args.isEmpty() ? staticField(type, name)
        : Optional.empty();
    if (field.isPresent()) {
      return field.get().get(null);
    }
    Bound bound = pick(type, name, args);
    Method method = bound.method();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(type.getClassLoader());
    try {
      Object result = method.invoke(null, bound.values());
      return method.getReturnType() == void.class ? VOID : result;
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } catch (IllegalAccessException e) {
      throw new CallException(describe(method) + " cannot be called (" + e.getMessage()
          + "); make the class and the method public", e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** {@code pkg.Class.FIELD}: a public static field, when no method has that name. */
  private static Optional<java.lang.reflect.Field> staticField(Class<?> type, String name) {
    boolean method = Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(name));
    if (method || !Modifier.isPublic(type.getModifiers())) {
      return Optional.empty();
    }
    try {
      java.lang.reflect.Field f = type.getField(name);
      return Modifier.isStatic(f.getModifiers()) ? Optional.of(f) : Optional.empty();
    } catch (NoSuchFieldException e) {
      return Optional.empty();
    }
  }

  private static Class<?> find(Map<String, ClassLoader> loaders, String className)
      throws CallException {
    for (ClassLoader loader : loaders.values()) {
      try {
        return Class.forName(className, true, loader);
      } catch (ClassNotFoundException | NoClassDefFoundError e) {
        // not in this app; try the next
      }
    }
    throw new CallException("class " + className + " not found in any app of the release ("
        + String.join(", ", loaders.keySet()) + "); check the fully qualified name");
  }

  /** A method and the arguments converted to its parameter types. */
  private record Bound(Method method, Object[] values) {}

  /**
   * The cheapest method of that name whose parameters the arguments convert to, with them
   * converted; when none converts, the cheapest one's conversion error.
   */
  private static Bound pick(Class<?> type, String name, List<String> args) throws CallException {
    int argCount = args.size();
    if (!Modifier.isPublic(type.getModifiers())) {
      throw new CallException("class " + type.getName() + " is not public; rpc and eval call "
          + "public static methods of public classes");
    }
    List<Method> named = Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals(name) && Modifier.isStatic(m.getModifiers()))
        .sorted(Comparator.comparing(StaticCall::describe))
        .toList();
    if (named.isEmpty()) {
      throw new CallException(type.getName() + " has no public static method " + name
          + "; its public static methods: " + staticMethods(type));
    }
    List<Method> fits = named.stream()
        .filter(m -> Arguments.accepts(m, argCount))
        .sorted(Comparator.comparingInt(Arguments::cost))
        .toList();
    if (fits.isEmpty()) {
      throw new CallException(type.getName() + "." + name
          + " takes no " + argCount + " argument(s) of types rpc can pass; candidates: "
          + named.stream().map(StaticCall::describe).collect(Collectors.joining(", "))
          + "; arguments may be String, int, long, double, boolean, Path or String...");
    }
    CallException first = null;
    for (Method m : fits) {
      try {
        return new Bound(m, Arguments.convert(m, args));
      } catch (CallException e) {
        first = first == null ? e : first;
      }
    }
    throw first;
  }

  private static String staticMethods(Class<?> type) {
    String names = Arrays.stream(type.getMethods())
        .filter(m -> Modifier.isStatic(m.getModifiers()))
        .map(Method::getName).distinct().sorted().collect(Collectors.joining(", "));
    return names.isEmpty() ? "none" : names;
  }

  static String describe(Method m) {
    return m.getDeclaringClass().getName() + "." + m.getName() + "("
        + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
            .collect(Collectors.joining(", ")) + ")";
  }
}
