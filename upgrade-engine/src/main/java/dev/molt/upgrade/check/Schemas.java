package dev.molt.upgrade.check;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What {@code redefineClasses} refuses to change — the "schema" of a class: its modifiers, its
 * superclass and interfaces, its fields (and their order), its methods and constructors with their
 * signatures and modifiers. Compared at the check, so a {@code redefine} of a class whose change is not body-only
 * (a hand-edited appup) is refused before anything runs, instead of failing at the step.
 */
final class Schemas {
  private Schemas() {}

  /** A difference between the two classes' schemas, described; empty when they have the same. */
  static Optional<String> difference(Class<?> running, Class<?> next) {
    List<String> old = schema(running);
    List<String> neu = schema(next);
    if (old.equals(neu)) {
      // the JVM also wants the fields in the same order (redefineClasses compares them one by
      // one); reflection lists them as declared
      List<String> before = fieldOrder(running);
      List<String> after = fieldOrder(next);
      return before.equals(after) ? Optional.empty() : Optional.of("fields declared in another"
          + " order: " + before + " -> " + after);
    }
    TreeSet<String> removed = new TreeSet<>(old);
    neu.forEach(removed::remove);
    TreeSet<String> added = new TreeSet<>(neu);
    old.forEach(added::remove);
    return Optional.of((removed.isEmpty() ? "" : "removed " + removed)
        + (removed.isEmpty() || added.isEmpty() ? "" : ", ")
        + (added.isEmpty() ? "" : "added " + added));
  }

  private static List<String> schema(Class<?> type) {
    List<String> parts = new ArrayList<>();
    parts.add("class " + Modifier.toString(type.getModifiers()) + " extends "
        + Optional.ofNullable(type.getSuperclass()).map(Class::getName).orElse("-"));
    Arrays.stream(type.getInterfaces()).map(i -> "implements " + i.getName()).sorted()
        .forEach(parts::add);
    for (Field f : type.getDeclaredFields()) {
      parts.add("field " + Modifier.toString(f.getModifiers()) + " " + f.getType().getName()
          + " " + f.getName());
    }
    for (Method m : type.getDeclaredMethods()) {
      parts.add("method " + Modifier.toString(m.getModifiers()) + " "
          + m.getReturnType().getName() + " " + m.getName() + params(m.getParameterTypes()));
    }
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      parts.add("constructor " + Modifier.toString(c.getModifiers())
          + params(c.getParameterTypes()));
    }
    parts.sort(null);
    return parts;
  }

  private static List<String> fieldOrder(Class<?> type) {
    return Arrays.stream(type.getDeclaredFields()).map(Field::getName).toList();
  }

  private static String params(Class<?>[] types) {
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < types.length; i++) {
      s.append(i == 0 ? "" : ", ").append(types[i].getName());
    }
    return s.append(')').toString();
  }
}
