package dev.molt.services.update;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies a service's state as plain data: a tree of {@code null}, {@link String}, {@link
 * Boolean}, the JDK's numbers ({@code Integer}, {@code Long}, {@code Short}, {@code Byte}, {@code
 * Double}, {@code Float}, {@code BigInteger}, {@code BigDecimal}), {@link List} and {@link Map}
 * with {@code String} keys, at most {@value #MAX_DEPTH} levels deep. The copy shares nothing with
 * the original (a version cannot keep a reference into the other's state) and is unmodifiable.
 * Anything else is refused, naming where it is: a live object (of the old version's classes, or a
 * resource) or a cycle.
 *
 * <p>The copy runs inside an update's pause, so it does no work per value beyond the copy: the
 * path of a bad value is built only when one is found, and cycles are found by comparing a
 * container with those above it (a short stack) rather than by hashing every container.
 */
public final class PlainData {
  /** How deep containers may nest. */
  public static final int MAX_DEPTH = 256;

  private static final Set<Class<?>> SCALARS = Set.of(String.class, Boolean.class,
      Integer.class, Long.class, Short.class, Byte.class, Double.class, Float.class,
      BigInteger.class, BigDecimal.class);

  private PlainData() {}

  /**
   * @param what what the state is, for messages (e.g. {@code "the state exported by 0.2.0"})
   * @throws NotPlainDataException naming the path of the first value that is not plain data
   */
  public static Map<String, Object> copy(Map<String, Object> state, String what)
      throws NotPlainDataException {
    if (state == null) {
      throw new NotPlainDataException(what + " is null; return an empty map for no state");
    }
    try {
      @SuppressWarnings("unchecked") // a Map copies to a Map
      Map<String, Object> copy = (Map<String, Object>) copy(state, new Object[MAX_DEPTH], 0);
      return copy;
    } catch (Bad bad) {
      StringBuilder path = new StringBuilder("state");
      bad.path.forEach(path::append);
      throw new NotPlainDataException(switch (bad.kind) {
        case CYCLE -> what + " has a cycle at " + path + ": it contains itself; plain data is a"
            + " tree, so write the shared part once and refer to it by a key";
        case KEY -> what + " has a key that is not a String at " + path + ": " + bad.detail
            + "; use String keys";
        case DEPTH -> what + " nests deeper than " + MAX_DEPTH + " levels at " + path
            + "; flatten it";
        case LIVE -> what + " is not plain data at " + path + ": " + bad.detail + ". Live"
            + " objects never travel in a service's state: export their data (String, Boolean,"
            + " a JDK Number, List, Map), or provide them as a resource (Services.provide) that"
            + " every version borrows";
      });
    }
  }

  private static Object copy(Object value, Object[] above, int depth) throws Bad {
    if (value == null || SCALARS.contains(value.getClass())) {
      return value;
    }
    if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
      throw new Bad(Kind.LIVE, describe(value));
    }
    for (int i = 0; i < depth; i++) {
      if (above[i] == value) {
        throw new Bad(Kind.CYCLE, "");
      }
    }
    if (depth == above.length) {
      throw new Bad(Kind.DEPTH, "");
    }
    above[depth] = value;
    try {
      if (value instanceof Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>(capacity(map.size()));
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!(e.getKey() instanceof String key)) {
            throw new Bad(Kind.KEY, describe(e.getKey()));
          }
          try {
            copy.put(key, copy(e.getValue(), above, depth + 1));
          } catch (Bad bad) {
            bad.path.addFirst("." + key);
            throw bad;
          }
        }
        return Collections.unmodifiableMap(copy);
      }
      List<?> list = (List<?>) value;
      List<Object> copy = new ArrayList<>(list.size());
      for (Object element : list) {
        try {
          copy.add(copy(element, above, depth + 1));
        } catch (Bad bad) {
          bad.path.addFirst("[" + copy.size() + "]");
          throw bad;
        }
      }
      return Collections.unmodifiableList(copy);
    } finally {
      above[depth] = null;
    }
  }

  private static int capacity(int size) {
    return size < 12 ? 16 : (int) (size / 0.75f) + 1;
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    ClassLoader loader = value.getClass().getClassLoader();
    return "a " + value.getClass().getName() + (loader == null ? ""
        : " (of class loader " + loader.getName() + ")");
  }

  private enum Kind { LIVE, CYCLE, KEY, DEPTH }

  /** A bad value found below; each level adds its step of the path on the way up. */
  private static final class Bad extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Kind kind;
    final String detail;
    final transient Deque<String> path = new ArrayDeque<>();

    Bad(Kind kind, String detail) {
      super(null, null, false, false); // no stack trace: it is caught above
      this.kind = kind;
      this.detail = detail;
    }
  }

  /** The state is not plain data: the message says where and why. */
  public static final class NotPlainDataException extends Exception {
    private static final long serialVersionUID = 1L;

    NotPlainDataException(String message) {
      super(message);
    }
  }
}
