package dev.molt.format;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completes and checks the class paths of a release's applications (docs/class-loading.md): an
 * application's loader reads its own jars, then its class path's libraries, and delegates to the
 * loaders of the applications it depends on. Walking {@code dependsOn} from an application, a
 * library joins its class path and is walked further; an application is a delegate and is not
 * walked: what it reaches, its own loader shows.
 */
final class ClassPaths {
  private ClassPaths() {}

  /** The release's apps with every application's class path completed; libraries unchanged. */
  static List<AppSpec> complete(List<AppSpec> apps, Map<String, AppSpec> byName) {
    List<AppSpec> out = new ArrayList<>(apps.size());
    for (AppSpec app : apps) {
      if (app.isLibrary()) {
        out.add(app);
        continue;
      }
      for (String entry : app.classPath()) {
        AppSpec lib = byName.get(entry);
        if (lib == null || !lib.isLibrary()) {
          throw new IllegalArgumentException("the class path of app " + app.name() + " names "
              + entry + ", which is " + (lib == null ? "not in the release" : "an application, not"
              + " a library (list it in dependsOn instead)"));
        }
      }
      Set<String> path = new LinkedHashSet<>(app.classPath());
      walk(app, byName, path, new LinkedHashSet<>());
      out.add(path.size() == app.classPath().size() ? app : app.withClassPath(List.copyOf(path)));
    }
    return out;
  }

  /** The applications whose loaders the loader of {@code app} delegates to, nearest first. */
  static List<String> delegates(AppSpec app, Map<String, AppSpec> byName) {
    Set<String> delegates = new LinkedHashSet<>();
    walk(app, byName, new LinkedHashSet<>(app.classPath()), delegates);
    return List.copyOf(delegates);
  }

  /**
   * Breadth-first from {@code app} and the libraries already in {@code libraries}: a library met
   * joins {@code libraries} and is walked; an application met joins {@code applications}.
   */
  private static void walk(AppSpec app, Map<String, AppSpec> byName, Set<String> libraries,
      Set<String> applications) {
    Deque<AppSpec> todo = new ArrayDeque<>();
    todo.add(app);
    libraries.forEach(lib -> todo.add(byName.get(lib)));
    while (!todo.isEmpty()) {
      for (String depName : todo.removeFirst().dependsOn()) {
        AppSpec dep = byName.get(depName);
        if (dep != null && !dep.isLibrary()) {
          applications.add(depName);
        } else if (dep != null && libraries.add(depName)) {
          todo.add(dep);
        }
      }
    }
  }
}
