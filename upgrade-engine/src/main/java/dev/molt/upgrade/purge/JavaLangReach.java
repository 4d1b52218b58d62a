package dev.molt.upgrade.purge;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shutdown hooks and ThreadLocals live in private fields of {@code java.lang}
 * ({@code ApplicationShutdownHooks.hooks}, {@code Thread.threadLocals}), which the kernel reads
 * only when the JVM opens {@code java.lang} to it ({@code --add-opens
 * java.base/java.lang=ALL-UNNAMED} in {@code rel/jvm.options}); the engine never opens it
 * itself. Without it, one {@link Holder.Kind#NOT_CHECKED} line says so.
 */
final class JavaLangReach {
  static final String NOT_OPEN = "shutdown hooks and ThreadLocals not checked: java.lang is not"
      + " open to the kernel (add --add-opens=java.base/java.lang=ALL-UNNAMED to rel/jvm.options"
      + " to have them checked)";

  private JavaLangReach() {}

  /** Hooks and ThreadLocals of the old code, or the line saying they could not be looked at. */
  static List<Holder> find(ClassLoader loader) {
    Optional<Field> hooks = field("java.lang.ApplicationShutdownHooks", "hooks");
    Optional<Field> locals = field("java.lang.Thread", "threadLocals");
    Optional<Field> inherited = field("java.lang.Thread", "inheritableThreadLocals");
    Optional<Field> table = field("java.lang.ThreadLocal$ThreadLocalMap", "table");
    Optional<Field> value = field("java.lang.ThreadLocal$ThreadLocalMap$Entry", "value");
    if (hooks.isEmpty() || locals.isEmpty() || inherited.isEmpty() || table.isEmpty()
        || value.isEmpty()) {
      return List.of(new Holder(Holder.Kind.NOT_CHECKED, NOT_OPEN));
    }
    List<Holder> holders = new ArrayList<>(hooks(hooks.get(), loader));
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      for (Field map : List.of(locals.get(), inherited.get())) {
        threadLocals(t, read(map, t), table.get(), value.get(), loader, holders);
      }
    }
    return holders;
  }

  private static List<Holder> hooks(Field field, ClassLoader loader) {
    Set<Thread> threads;
    Class<?> owner = field.getDeclaringClass();
    synchronized (owner) { // its methods are static synchronized
      Object map = read(field, null);
      threads = map instanceof Map<?, ?> m ? threadKeys(m) : Set.of();
    }
    List<Holder> holders = new ArrayList<>();
    for (Thread hook : threads) {
      Object task = runnable(hook);
      if (Labels.ofLoader(hook, loader) || hook.getContextClassLoader() == loader
          || Labels.ofLoader(task, loader)) {
        holders.add(new Holder(Holder.Kind.SHUTDOWN_HOOK, "shutdown hook thread \""
            + hook.getName() + "\" (" + (task != null ? task : hook).getClass().getName()
            + ") was registered by the old code (Runtime.removeShutdownHook it in stop())"));
      }
    }
    return holders;
  }

  private static Set<Thread> threadKeys(Map<?, ?> map) {
    Set<Thread> keys = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Object key : map.keySet()) {
      keys.add((Thread) key);
    }
    return keys;
  }

  private static void threadLocals(Thread t, Object map, Field table, Field value,
      ClassLoader loader, List<Holder> holders) {
    Object entries = map == null ? null : read(table, map);
    if (!(entries instanceof Object[] array)) {
      return;
    }
    for (Object entry : array) {
      if (entry == null) {
        continue;
      }
      Object key = ((java.lang.ref.Reference<?>) entry).get();
      Object held = read(value, entry);
      if (Labels.ofLoader(key, loader) || Labels.ofLoader(held, loader)) {
        holders.add(new Holder(Holder.Kind.THREAD_LOCAL, Labels.thread(t) + ": a ThreadLocal"
            + (key != null ? " " + key.getClass().getName() : "") + " holds "
            + (held == null ? "null" : "a " + held.getClass().getName()) + " of "
            + Labels.of(loader) + " (call remove() on it in stop())"));
      }
    }
  }

  /** The Runnable a thread was made with: {@code target} up to JDK 20, then {@code holder.task}. */
  private static Object runnable(Thread t) {
    Optional<Field> target = field("java.lang.Thread", "target");
    if (target.isPresent()) {
      return read(target.get(), t);
    }
    Optional<Field> holder = field("java.lang.Thread", "holder");
    Optional<Field> task = field("java.lang.Thread$FieldHolder", "task");
    return holder.isPresent() && task.isPresent() ? read(task.get(), read(holder.get(), t))
        : null;
  }

  private static Optional<Field> field(String className, String name) {
    try {
      Field f = Class.forName(className, false, null).getDeclaredField(name);
      return f.trySetAccessible() ? Optional.of(f) : Optional.empty();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Object read(Field field, Object from) {
    try {
      return from == null && !java.lang.reflect.Modifier.isStatic(field.getModifiers()) ? null
          : field.get(from);
    } catch (IllegalAccessException e) {
      return null;
    }
  }
}
