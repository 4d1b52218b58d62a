package dev.molt.appup.plan;

import dev.molt.appup.diff.ClassChange;
import dev.molt.appup.diff.ClassFiles;
import dev.molt.appup.diff.ClassInfo;
import dev.molt.appup.error.CorruptClassException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Orders new classes so that each comes after the new supertypes it needs to be defined. */
final class AddedClasses {
  private AddedClasses() {}

  static List<String> superclassesFirst(ClassFiles newer, List<ClassChange> added)
      throws CorruptClassException {
    Set<String> names = new TreeSet<>();
    added.forEach(c -> names.add(c.className()));
    Set<String> out = new LinkedHashSet<>();
    for (String name : names) {
      visit(newer, name, names, out, new LinkedHashSet<>());
    }
    return new ArrayList<>(out);
  }

  private static void visit(ClassFiles newer, String name, Set<String> added, Set<String> out,
      Set<String> path) throws CorruptClassException {
    if (out.contains(name) || !path.add(name)) {
      return; // done, or a cycle the JVM would reject anyway
    }
    Optional<ClassInfo> info = newer.info(name);
    if (info.isPresent()) {
      List<String> supers = new ArrayList<>(info.get().interfaces());
      info.get().superName().ifPresent(supers::add);
      for (String s : new TreeSet<>(supers)) {
        if (added.contains(s)) {
          visit(newer, s, added, out, path);
        }
      }
    }
    out.add(name);
  }
}
