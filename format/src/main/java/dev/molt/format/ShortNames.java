package dev.molt.format;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names classes for people: the shortest suffix of the qualified name (whole segments) that no
 * other class of the same report shares, so {@code Main} stays {@code Main} unless a second
 * package holds one, and then reads {@code a.Main} and {@code b.Main}. The appup compiler's
 * reports and the node's plan lines ({@code redefine book_app: a.Main, b.Main}) both use it, each
 * among the classes of the whole plan. Immutable, thread-safe.
 */
public final class ShortNames {
  private final Set<String> names;
  private final Map<String, Integer> holders = new HashMap<>();

  private ShortNames(Collection<String> classNames) {
    this.names = new TreeSet<>(classNames);
    for (String name : names) {
      for (String suffix : suffixes(name)) {
        holders.merge(suffix, 1, Integer::sum);
      }
    }
  }

  /** The naming for a report whose classes are {@code classNames} (qualified, dotted). */
  public static ShortNames among(Collection<String> classNames) {
    return new ShortNames(classNames);
  }

  /** The shortest unambiguous name of {@code className}; its full name if it is not one of them. */
  public String of(String className) {
    if (!names.contains(className)) {
      return className;
    }
    for (String suffix : suffixes(className)) {
      if (holders.get(suffix) == 1) {
        return suffix;
      }
    }
    return className;
  }

  /** The names of {@code classNames}, in their order, joined by {@code ", "}. */
  public String join(List<String> classNames) {
    List<String> out = new ArrayList<>(classNames.size());
    for (String className : classNames) {
      out.add(of(className));
    }
    return String.join(", ", out);
  }

  /** {@code c}, {@code b.c}, {@code a.b.c} for {@code a.b.c}: shortest first. */
  private static List<String> suffixes(String name) {
    List<String> out = new ArrayList<>();
    for (int end = name.length(); ; ) {
      int dot = name.lastIndexOf('.', end - 1);
      out.add(name.substring(dot + 1));
      if (dot < 0) {
        return out;
      }
      end = dot;
    }
  }
}
