package dev.molt.release;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;

/**
 * Names the JDK modules a framework may need at run time that the linked runtime lacks. jdeps sees
 * only static references; a class looked up by name ({@code Class.forName("java.beans.Introspector")},
 * a JNDI factory, an optional dependency probed by name) is a string constant it cannot see, and
 * under {@code java -cp} on a full JDK it is found. So every string constant of every jar of the
 * release that names a class of a JDK package whose module is not in the runtime is a warning,
 * one line per module, naming the module to add to {@code runtime.addModules}. Warnings only: a
 * probe for an optional class is often meant to fail. At run time the kernel names the module
 * again when such a class is not found (docs/class-loading.md).
 */
final class CheckJdkClassNamesStep implements Step {
  /** A fully qualified class name as code writes it for {@code Class.forName}. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.[A-Z][A-Za-z0-9_$]*");
  private static final int CONSTANT_STRING = 8;
  /**
   * The largest class entry read, in bytes: the largest class files compilers write are a few
   * megabytes; a larger entry (or a zip bomb named .class) is skipped, not read into the heap.
   */
  static final int MAX_CLASS_BYTES = 16 * 1024 * 1024;
  /** Examples named per module in a warning. */
  private static final int EXAMPLES = 3;

  @Override
  public boolean applies(BuildContext c) {
    return c.env.includeRuntime();
  }

  @Override
  public String describe(BuildContext c) {
    return "Checking for JDK classes named in strings whose module the runtime lacks";
  }

  @Override
  public void run(BuildContext c) throws IOException {
    Set<String> linked = linkedModules(c);
    Map<String, String> moduleOfPackage = jdkPackages();
    for (Map.Entry<String, Map<String, String>> missing
        : missing(c.apps, linked, moduleOfPackage).entrySet()) {
      String module = missing.getKey();
      List<String> examples = missing.getValue().entrySet().stream().limit(EXAMPLES)
          .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
      int more = missing.getValue().size() - examples.size();
      c.progress.accept("warning: JDK module " + module + " is not in the runtime, and the"
          + " release names classes of it in strings, as code that loads them by name does: "
          + String.join(", ", examples) + (more > 0 ? " and " + more + " more" : "")
          + "; if the app loads them (under java -cp on a full JDK they are found), add \""
          + module + "\" to runtime.addModules in rel/molt.json and build again");
    }
  }

  /**
   * Classes named in the apps' jars whose package belongs to a JDK module not in {@code linked}:
   * by module, then by class name, the app that names it first.
   */
  static Map<String, Map<String, String>> missing(List<AppInput> apps, Set<String> linked,
      Map<String, String> moduleOfPackage) throws IOException {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (AppInput app : apps) {
      for (Path jar : app.jars()) {
        for (String name : classNames(jar)) {
          String module = moduleOfPackage.get(name.substring(0, name.lastIndexOf('.')));
          if (module != null && !linked.contains(module)) {
            out.computeIfAbsent(module, m -> new TreeMap<>()).putIfAbsent(name, app.name());
          }
        }
      }
    }
    return out;
  }

  /** The string constants of a jar's classes that look like class names. */
  static Set<String> classNames(Path jar) throws IOException {
    Set<String> names = new TreeSet<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        if (entry.getSize() > MAX_CLASS_BYTES) {
          continue; // no compiler writes such a class; a warning is not worth the heap
        }
        byte[] bytes;
        try (InputStream in = file.getInputStream(entry)) {
          bytes = in.readNBytes(MAX_CLASS_BYTES + 1); // the zip directory's size may lie
        }
        if (bytes.length > MAX_CLASS_BYTES) {
          continue;
        }
        try {
          addClassNames(new ClassReader(bytes), names);
        } catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
          continue; // not a class file this ASM reads; the JVM will say so if it is loaded
        }
      }
    }
    return names;
  }

  /** Adds the string constants of a class that look like class names. */
  private static void addClassNames(ClassReader reader, Set<String> names) {
    char[] buffer = new char[reader.getMaxStringLength()];
    for (int i = 1; i < reader.getItemCount(); i++) {
      int offset = reader.getItem(i);
      if (offset > 0 && reader.readByte(offset - 1) == CONSTANT_STRING) {
        String value = reader.readUTF8(offset, buffer);
        if (value != null && value.length() < 200 && value.indexOf('.') > 0
            && CLASS_NAME.matcher(value).matches()) {
          names.add(value);
        }
      }
    }
  }

  /** The modules of the linked runtime, from the MODULES line jlink writes to its release file. */
  private static Set<String> linkedModules(BuildContext c) throws IOException {
    Path release = c.staging.resolve("runtime").resolve("release");
    if (Files.isRegularFile(release)) {
      for (String line : Files.readAllLines(release)) {
        if (line.startsWith("MODULES=")) {
          String value = line.substring("MODULES=".length()).replace("\"", "").strip();
          return new TreeSet<>(List.of(value.split("\\s+")));
        }
      }
    }
    return new TreeSet<>(c.runtime.modules());
  }

  /** Every package of the building JDK's modules, with its module. */
  static Map<String, String> jdkPackages() {
    Map<String, String> out = new HashMap<>();
    for (ModuleReference ref : ModuleFinder.ofSystem().findAll()) {
      ModuleDescriptor module = ref.descriptor();
      module.packages().forEach(p -> out.putIfAbsent(p, module.name()));
    }
    return out;
  }
}
