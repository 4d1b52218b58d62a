package dev.molt.release;

import dev.molt.format.EntryPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    List<AppInput> apps = withoutApi(c.request.apps());
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
    for (AppInput app : apps) {
      if (app.entry().isPresent()) {
        checkEntry(app, app.entry().get());
      }
    }
    c.apps = graph.installOrder();
    if (c.apps.stream().noneMatch(a -> a.entry().isPresent())) {
      c.progress.accept("warning: no app has an entry point; the node will start no application");
    }
  }

  private static AppGraph checkGraph(List<AppInput> apps, Set<String> names) throws InvalidInputException {
    for (AppInput app : apps) {
      for (String dep : app.dependsOn()) {
        if (!names.contains(dep)) {
          throw new InvalidInputException("app " + app.name() + " depends on '" + dep
              + "', which is not an app of the release; known apps: " + new TreeSet<>(names));
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
        out.add(new AppInput(a.name(), a.version(), a.coordinates(), a.jars(), deps, a.entry()));
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

  private static void checkEntry(AppInput app, EntryPoint entry) throws InvalidInputException {
    String resource = entry.className().replace('.', '/') + ".class";
    for (Path jar : app.jars()) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        if (zip.getEntry(resource) != null) {
          return;
        }
      } catch (IOException e) {
        throw new InvalidInputException("app " + app.name() + ": cannot read " + jar, e);
      }
    }
    throw new InvalidInputException("app " + app.name() + ": entry class " + entry.className()
        + " is not in its jars " + app.jars() + "; check the class name (mainClass)");
  }

  static void requireMatch(String value, String regex, String what) throws InvalidInputException {
    if (!value.matches(regex)) {
      throw new InvalidInputException(what + " '" + value + "' must be letters, digits and "
          + (regex.equals(VERSION) ? "'_', '.', '+', '-'" : "'_', '.', '-'") + "; change it");
    }
  }
}
