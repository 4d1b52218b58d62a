package dev.molt.services.update;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies a service's state as plain data: a tree of {@code null}, {@link String}, {@link
 * Boolean}, the JDK's numbers ({@code Integer}, {@code Long}, {@code Short}, {@code Byte}, {@code
 * Double}, {@code Float}, {@code BigInteger}, {@code BigDecimal}), {@link List} and {@link Map}
 * with {@code String} keys. The copy shares nothing with the original (a version cannot keep a
 * reference into the other's state) and is unmodifiable. Anything else is refused, naming where
 * it is: a live object (of the old version's classes, or a resource) or a cycle.
 */
public final class PlainData {
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
    @SuppressWarnings("unchecked") // a Map copies to a Map
    Map<String, Object> copy = (Map<String, Object>) copy(state, "state", what,
        Collections.newSetFromMap(new IdentityHashMap<>()));
    return copy;
  }

  private static Object copy(Object value, String path, String what, Set<Object> onPath)
      throws NotPlainDataException {
    if (value == null || SCALARS.contains(value.getClass())) {
      return value;
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      if (!onPath.add(value)) {
        throw new NotPlainDataException(what + " has a cycle at " + path + ": it contains itself;"
            + " plain data is a tree, so write the shared part once and refer to it by a key");
      }
      try {
        if (value instanceof Map<?, ?> map) {
          Map<String, Object> copy = new LinkedHashMap<>();
          for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
              throw new NotPlainDataException(what + " has a key that is not a String at " + path
                  + ": " + describe(e.getKey()) + "; use String keys");
            }
            copy.put(key, copy(e.getValue(), path + "." + key, what, onPath));
          }
          return Collections.unmodifiableMap(copy);
        }
        List<?> list = (List<?>) value;
        List<Object> copy = new ArrayList<>(list.size());
        int i = 0;
        for (Object element : list) {
          copy.add(copy(element, path + "[" + i++ + "]", what, onPath));
        }
        return Collections.unmodifiableList(copy);
      } finally {
        onPath.remove(value);
      }
    }
    throw new NotPlainDataException(what + " is not plain data at " + path + ": "
        + describe(value) + ". Live objects never travel in a service's state: export their"
        + " data (String, Boolean, a JDK Number, List, Map), or provide them as a resource"
        + " (Services.provide) that every version borrows");
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    ClassLoader loader = value.getClass().getClassLoader();
    return "a " + value.getClass().getName() + (loader == null ? ""
        : " (of class loader " + loader.getName() + ")");
  }

  /** The state is not plain data: the message says where and why. */
  public static final class NotPlainDataException extends Exception {
    private static final long serialVersionUID = 1L;

    NotPlainDataException(String message) {
      super(message);
    }
  }
}
