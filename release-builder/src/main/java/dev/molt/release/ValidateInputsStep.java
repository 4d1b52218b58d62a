package dev.molt.release;

import dev.molt.format.EntryPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;

/**
 * Checks every input before anything is written: names, jars (present, readable zips), the
 * dependency graph (known names, no cycles) and entry classes. Drops dev.molt:molt-api, which the
 * kernel provides to every app through the shared parent loader.
 */
final class ValidateInputsStep implements Step {
  static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.-]*";
  static final String VERSION = "[A-Za-z0-9][A-Za-z0-9_.+-]*";

  @Override
  public String describe(BuildContext c) {
    return "Checking " + c.request.apps().size() + " apps and the kernel";
  }

  @Override
  public void run(BuildContext c) throws ReleaseBuildException {
    requireMatch(c.name(), NAME, "release name");
    requireMatch(c.version(), VERSION, "release version");
    requireMatch(c.request.kernel().version(), VERSION, "kernel version");
    List<AppInput> apps = withMainArgs(withoutApi(c.request.apps()), c.config.args());
    Set<String> names = new HashSet<>();
    for (AppInput app : apps) {
      requireMatch(app.name(), NAME, "app name");
      requireMatch(app.version(), VERSION, "version of app " + app.name());
      if (!names.add(app.name())) {
        throw new InvalidInputException("app " + app.name() + " is listed twice; give each app a "
            + "unique name (e.g. groupId.artifactId)");
      }
      checkJars("app " + app.name(), app.jars());
    }
    checkJars("the kernel", c.request.kernel().jars());
    AppGraph graph = checkGraph(apps, names);
    Map<String, AppInput> byName = new HashMap<>();
    apps.forEach(a -> byName.put(a.name(), a));
    for (AppInput app : apps) {
      if (app.entry().isPresent()) {
        List<AppInput> classPath = classPath(app, byName);
        checkOneVersionEach(app, classPath);
        checkEntry(app, app.entry().get(), classPath);
      }
    }
    c.apps = graph.installOrder();
    if (c.apps.stream().noneMatch(a -> a.entry().isPresent())) {
      c.progress.accept("warning: no app has an entry point; the node will start no application");
    }
  }

  private static AppGraph checkGraph(List<AppInput> apps, Set<String> names) throws InvalidInputException {
    Set<String> libraries = new HashSet<>();
    apps.stream().filter(a -> a.entry().isEmpty()).forEach(a -> libraries.add(a.name()));
    for (AppInput app : apps) {
      for (String dep : app.dependsOn()) {
        if (!names.contains(dep)) {
          throw new InvalidInputException("app " + app.name() + " depends on '" + dep
              + "', which is not an app of the release; known apps: " + new TreeSet<>(names));
        }
      }
      if (app.entry().isEmpty() && !app.classPath().isEmpty()) {
        throw new InvalidInputException("library " + app.name() + " has a class path "
            + app.classPath() + "; only applications (apps with an entry point) have one");
      }
      for (String lib : app.classPath()) {
        if (!libraries.contains(lib)) {
          throw new InvalidInputException("the class path of app " + app.name() + " names '"
              + lib + "', which is not a library of the release; known libraries: "
              + new TreeSet<>(libraries));
        }
      }
    }
    AppGraph graph = new AppGraph(apps);
    List<String> cycle = graph.findCycle();
    if (!cycle.isEmpty()) {
      throw new InvalidInputException("apps depend on each other in a cycle: "
          + String.join(" -> ", cycle) + "; remove one of these dependencies");
    }
    return graph;
  }

  /** Gives rel/molt.json's {@code args} to the one app started by a {@code main} method. */
  private static List<AppInput> withMainArgs(List<AppInput> apps, List<String> args)
      throws InvalidInputException {
    if (args.isEmpty()) {
      return apps;
    }
    List<String> mains = apps.stream().filter(a -> a.entry().isPresent()
        && a.entry().get().kind() == EntryPoint.Kind.MAIN).map(AppInput::name).toList();
    if (mains.size() != 1) {
      throw new InvalidInputException("rel/molt.json gives args " + args + ", which go to the one"
          + " app started by a main method; this release has " + mains.size() + " such apps "
          + mains + "; drop args, or start the others as applications");
    }
    List<AppInput> out = new ArrayList<>();
    for (AppInput a : apps) {
      out.add(!a.name().equals(mains.get(0)) ? a : a.withEntry(Optional.of(new EntryPoint(
          EntryPoint.Kind.MAIN, a.entry().get().className(), args))));
    }
    return out;
  }

  /** Removes molt-api and every edge to it: the kernel already gives every app the API. */
  private static List<AppInput> withoutApi(List<AppInput> apps) {
    Set<String> api = new HashSet<>();
    for (AppInput a : apps) {
      boolean isApi = a.coordinates().map(co -> co.startsWith("dev.molt:molt-api:"))
          .orElse(a.name().equals("molt-api"));
      if (isApi) {
        api.add(a.name());
      }
    }
    List<AppInput> out = new ArrayList<>();
    for (AppInput a : apps) {
      if (!api.contains(a.name())) {
        List<String> deps = a.dependsOn().stream().filter(d -> !api.contains(d)).toList();
        List<String> path = a.classPath().stream().filter(d -> !api.contains(d)).toList();
        out.add(new AppInput(a.name(), a.version(), a.coordinates(), a.jars(), deps, path,
            a.entry()));
      }
    }
    return out;
  }

  private static void checkJars(String owner, List<Path> jars) throws InvalidInputException {
    if (jars.isEmpty()) {
      throw new InvalidInputException(owner + " has no jars; give it at least one jar");
    }
    Set<String> fileNames = new HashSet<>();
    for (Path jar : jars) {
      if (!Files.isRegularFile(jar)) {
        throw new InvalidInputException(owner + ": jar " + jar + " does not exist; build it "
            + "(mvn package) or fetch the dependency (mvn dependency:copy-dependencies) first");
      }
      if (!fileNames.add(jar.getFileName().toString())) {
        throw new InvalidInputException(owner + " has two jars named " + jar.getFileName()
            + "; rename one of them");
      }
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        zip.size();
      } catch (IOException e) {
        throw new InvalidInputException(owner + ": " + jar + " is not a readable jar ("
            + e.getMessage() + "); rebuild or re-download it", e);
      }
    }
  }

  /**
   * The libraries of an application's class path as its loader will read them: the listed ones,
   * then those its {@code dependsOn} edges reach through libraries (see format's ClassPaths).
   */
  private static List<AppInput> classPath(AppInput app, Map<String, AppInput> byName) {
    Set<String> path = new LinkedHashSet<>(app.classPath());
    Deque<AppInput> todo = new ArrayDeque<>();
    todo.add(app);
    path.forEach(lib -> todo.add(byName.get(lib)));
    while (!todo.isEmpty()) {
      for (String dep : todo.removeFirst().dependsOn()) {
        AppInput d = byName.get(dep);
        if (d.entry().isEmpty() && path.add(dep)) {
          todo.add(d);
        }
      }
    }
    return path.stream().map(byName::get).toList();
  }

  /**
   * One loader cannot hold two versions of one artifact: the first would hide the second. Two jars
   * of one artifact at one version (a plain and a classified jar, say) are what {@code java -cp}
   * gets too, and pass.
   */
  private static void checkOneVersionEach(AppInput app, List<AppInput> classPath)
      throws InvalidInputException {
    Map<String, AppInput> byArtifact = new HashMap<>();
    for (AppInput lib : classPath) {
      Optional<String> artifact = lib.coordinates().map(c -> c.substring(0, c.lastIndexOf(':')));
      AppInput other = artifact.isPresent() ? byArtifact.putIfAbsent(artifact.get(), lib) : null;
      if (other != null && !other.version().equals(lib.version())) {
        throw new InvalidInputException("app " + app.name() + " would load " + artifact.get()
            + " twice, at versions " + other.version() + " (" + other.name() + ") and "
            + lib.version() + " (" + lib.name() + "); keep one version (dependencyManagement or"
            + " an exclusion), or put the other in an application of its own");
      }
    }
  }

  private static void checkEntry(AppInput app, EntryPoint entry, List<AppInput> classPath)
      throws InvalidInputException {
    String resource = entry.className().replace('.', '/') + ".class";
    List<Path> jars = new ArrayList<>(app.jars());
    classPath.forEach(lib -> jars.addAll(lib.jars()));
    for (Path jar : jars) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        if (zip.getEntry(resource) != null) {
          return;
        }
      } catch (IOException e) {
        throw new InvalidInputException("app " + app.name() + ": cannot read " + jar, e);
      }
    }
    throw new InvalidInputException("app " + app.name() + ": entry class " + entry.className()
        + " is not in its jars nor in its libraries' " + jars + "; check the class name"
        + " (mainClass)");
  }

  static void requireMatch(String value, String regex, String what) throws InvalidInputException {
    if (!value.matches(regex)) {
      throw new InvalidInputException(what + " '" + value + "' must be letters, digits and "
          + (regex.equals(VERSION) ? "'_', '.', '+', '-'" : "'_', '.', '-'") + "; change it");
    }
  }
}
