package dev.molt.kernel.call;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Converts {@code rpc}'s text arguments to a method's parameter types. */
final class Arguments {
  private static final Map<Class<?>, String> KNOWN = Map.ofEntries(
      Map.entry(String.class, "String"), Map.entry(Object.class, "String"),
      Map.entry(CharSequence.class, "String"),
      Map.entry(int.class, "int"), Map.entry(Integer.class, "int"),
      Map.entry(long.class, "long"), Map.entry(Long.class, "long"),
      Map.entry(double.class, "double"), Map.entry(Double.class, "double"),
      Map.entry(boolean.class, "boolean"), Map.entry(Boolean.class, "boolean"),
      Map.entry(Path.class, "Path"));

  private Arguments() {}

  /** True when {@code m} can take {@code count} text arguments. */
  static boolean accepts(Method m, int count) {
    Class<?>[] types = m.getParameterTypes();
    if (m.isVarArgs()) {
      return count >= types.length - 1 && known(types, types.length - 1)
          && KNOWN.containsKey(types[types.length - 1].getComponentType());
    }
    return count == types.length && known(types, types.length);
  }

  /**
   * Prefers exact arity over varargs, then Strings over conversions, then the narrowest number
   * ({@code max 3 4} picks {@code max(int, int)}).
   */
  static int cost(Method m) {
    int cost = m.isVarArgs() ? 100 : 0;
    for (Class<?> t : m.getParameterTypes()) {
      cost += switch (KNOWN.getOrDefault(t, "String")) {
        case "String" -> 0;
        case "long" -> 2;
        case "double" -> 3;
        default -> 1;
      };
    }
    return cost;
  }

  static Object[] convert(Method m, List<String> args) throws CallException {
    Class<?>[] types = m.getParameterTypes();
    Object[] values = new Object[types.length];
    int fixed = m.isVarArgs() ? types.length - 1 : types.length;
    for (int i = 0; i < fixed; i++) {
      values[i] = one(m, i, types[i], args.get(i));
    }
    if (m.isVarArgs()) {
      Class<?> component = types[fixed].getComponentType();
      Object rest = Array.newInstance(component, args.size() - fixed);
      for (int i = fixed; i < args.size(); i++) {
        Array.set(rest, i - fixed, one(m, i, component, args.get(i)));
      }
      values[fixed] = rest;
    }
    return values;
  }

  private static boolean known(Class<?>[] types, int count) {
    for (int i = 0; i < count; i++) {
      if (!KNOWN.containsKey(types[i])) {
        return false;
      }
    }
    return true;
  }

  private static Object one(Method m, int index, Class<?> type, String text) throws CallException {
    String kind = KNOWN.get(type);
    try {
      return switch (kind) {
        case "int" -> Integer.valueOf(text.trim());
        case "long" -> Long.valueOf(text.trim());
        case "double" -> Double.valueOf(text.trim());
        case "boolean" -> bool(text);
        case "Path" -> Path.of(text);
        default -> text;
      };
    } catch (IllegalArgumentException e) {
      throw new CallException("argument " + (index + 1) + " of " + StaticCall.describe(m) + " is '"
          + text + "', not " + article(kind) + "; pass " + article(kind), e);
    }
  }

  private static String article(String kind) {
    return (kind.equals("int") ? "an " : "a ") + kind;
  }

  private static Boolean bool(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }
}
