package dev.molt.services.update;

import dev.molt.api.ServiceContext;
import dev.molt.api.StateMigration;
import dev.molt.services.app.AppServices;
import dev.molt.services.app.Units;
import dev.molt.services.unit.UnitLoader;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The check of an {@code update}, before anything changes: the service is published from that
 * unit; every class of the unit in the new version's jars loads and passes the JVM's verifier in
 * a throwaway loader (linked, never initialized: no static initializer runs); the implementation
 * implements the contract and follows the constructor convention; the migration is there (in the
 * new unit going up, in the running unit going down) and implements {@link StateMigration}.
 */
public final class UnitCheck {
  private UnitCheck() {}

  /**
   * @param trialParent a throwaway loader over the new release's class path (what the new unit
   *     will see once every step ran), or the live application loader
   * @return every problem found; empty when the update can run
   */
  public static List<String> problems(AppServices services, UnitUpdate.Request request,
      ClassLoader trialParent) {
    return problems(services, request, trialParent,
        "update " + new UnitUpdate(services, request).label());
  }

  /**
   * @param subject how each problem starts, e.g. {@code update book_app (a.b.BookService)}
   */
  public static List<String> problems(AppServices services, UnitUpdate.Request request,
      ClassLoader trialParent, String subject) {
    List<String> problems = new ArrayList<>();
    UnitUpdate update = new UnitUpdate(services, request);
    String what = subject + ": ";
    Optional<String> live = update.problem();
    if (live.isPresent()) {
      problems.add(what + live.get());
      return problems;
    }
    Units.Published published = services.publishedAs(request.service()).orElseThrow();
    try (UnitLoader trial = new UnitLoader(request.unit(), request.toVersion() + " (check)",
        request.newJars(), trialParent)) {
      List<String> classes = classesOf(request.unit(), request.newJars());
      if (!classes.contains(request.service())) {
        problems.add(what + request.service() + " is not in the new version's jars "
            + request.newJars() + "; regenerate the relup");
      }
      for (String name : classes) {
        try {
          Class.forName(name, false, trial).getDeclaredMethods(); // links: the verifier runs
        } catch (ClassNotFoundException | LinkageError e) {
          problems.add(what + "class " + name + " of version " + request.toVersion()
              + " does not load or verify: " + e + "; rebuild the release");
        }
      }
      if (problems.isEmpty()) {
        checkImplementation(published.contract().getName(), request, trial, trialParent, what,
            problems);
      }
      if (request.migration().isPresent()) {
        ClassLoader from = request.upgrade() ? trial
            : services.classes().orElseThrow().unit(request.unit()).orElseThrow();
        checkMigration(request.migration().get(), from, what, problems);
      }
    } catch (IOException e) {
      problems.add(what + "cannot read " + request.newJars() + ": " + e);
    }
    return problems;
  }

  private static void checkImplementation(String contractName, UnitUpdate.Request request,
      ClassLoader trial, ClassLoader trialParent, String what, List<String> problems) {
    try {
      Class<?> impl = Class.forName(request.service(), false, trial);
      Class<?> contract = Class.forName(contractName, false, trialParent);
      if (!contract.isAssignableFrom(impl)) {
        problems.add(what + impl.getName() + " of version " + request.toVersion() + " does not"
            + " implement " + contractName + "; the appup needs restart_application");
      }
      boolean convention = false;
      for (Constructor<?> c : impl.getConstructors()) {
        Class<?>[] p = c.getParameterTypes();
        convention |= p.length == 0 || (p.length == 1 && p[0] == ServiceContext.class);
      }
      if (!convention) {
        problems.add(what + impl.getName() + " of version " + request.toVersion() + " has"
            + " neither a public (ServiceContext) nor a public no-argument constructor; add one");
      }
    } catch (ClassNotFoundException | LinkageError e) {
      problems.add(what + "cannot load " + request.service() + " or its contract " + contractName
          + " from version " + request.toVersion() + ": " + e);
    }
  }

  private static void checkMigration(String name, ClassLoader from, String what,
      List<String> problems) {
    try {
      Class<?> type = Class.forName(name, false, from);
      if (!StateMigration.class.isAssignableFrom(type)) {
        problems.add(what + "migration " + name + " does not implement "
            + StateMigration.class.getName());
      } else {
        type.getConstructor();
      }
    } catch (NoSuchMethodException e) {
      problems.add(what + "migration " + name + " has no public no-argument constructor");
    } catch (ClassNotFoundException | LinkageError e) {
      problems.add(what + "migration " + name + " is not in " + from + ": " + e
          + "; the newer version carries it (its unit), regenerate the relup");
    }
  }

  /** The classes of exactly the package {@code unit} in {@code jars}. */
  static List<String> classesOf(String unit, List<URL> jars) throws IOException {
    String dir = unit.replace('.', '/') + '/';
    List<String> classes = new ArrayList<>();
    for (URL url : jars) {
      Path path;
      try {
        path = Path.of(url.toURI());
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new IOException("not a file: " + url, e);
      }
      try (JarFile jar = new JarFile(path.toFile())) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          String entry = entries.nextElement().getName();
          if (entry.startsWith(dir) && entry.endsWith(".class")
              && entry.indexOf('/', dir.length()) < 0) {
            String name = entry.substring(0, entry.length() - 6).replace('/', '.');
            if (!classes.contains(name)) {
              classes.add(name);
            }
          }
        }
      }
    }
    return classes;
  }
}
