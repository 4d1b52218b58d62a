package dev.molt.appup.override;

import dev.molt.appup.diff.ClassFiles;
import dev.molt.appup.diff.ClassInfo;
import dev.molt.appup.error.CorruptClassException;
import dev.molt.appup.error.InvalidOverrideException;
import dev.molt.format.Appup;
import dev.molt.format.Instruction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks that every class and method an override names exists in the versions involved:
 * redefined and updated classes in both, defined classes in the version moved to, migrations in
 * the newer version, applied methods as {@code static} no-argument methods in either. Every
 * problem is reported at once.
 */
public final class OverrideValidator {
  private OverrideValidator() {}

  /** Validates {@code appup} (from {@code file}) against the app's two versions. */
  public static void validate(Path file, Appup appup, ClassFiles older, ClassFiles newer)
      throws InvalidOverrideException, CorruptClassException {
    List<String> problems = new ArrayList<>();
    check(appup.up(), "up", older, newer, newer, problems);
    check(appup.down(), "down", older, newer, older, problems);
    if (!problems.isEmpty()) {
      throw new InvalidOverrideException(file + ": " + String.join("; ", problems)
          + "; fix the override or delete it to use the generated appup");
    }
  }

  private static void check(List<Instruction> list, String name, ClassFiles older, ClassFiles newer,
      ClassFiles target, List<String> problems) throws CorruptClassException {
    for (int i = 0; i < list.size(); i++) {
      String where = name + "[" + i + "] " + list.get(i).op();
      Instruction in = list.get(i);
      if (in instanceof Instruction.Redefine r) {
        for (String c : r.classes()) {
          inBoth(c, where, older, newer, problems);
        }
      } else if (in instanceof Instruction.Define d) {
        for (String c : d.classes()) {
          in(c, where, target, problems);
        }
      } else if (in instanceof Instruction.Update u) {
        inBoth(u.service(), where, older, newer, problems);
        u.migration().ifPresent(m -> in(m, where + " migration", newer, problems));
      } else if (in instanceof Instruction.Apply a) {
        apply(a, where, older, newer, problems);
      }
    }
  }

  private static void inBoth(String c, String where, ClassFiles older, ClassFiles newer, List<String> problems) {
    in(c, where, older, problems);
    in(c, where, newer, problems);
  }

  private static void in(String c, String where, ClassFiles files, List<String> problems) {
    if (!files.has(c)) {
      problems.add(where + " names class " + c + ", which " + files.app() + " " + files.version()
          + " does not have");
    }
  }

  private static void apply(Instruction.Apply a, String where, ClassFiles older, ClassFiles newer,
      List<String> problems) throws CorruptClassException {
    Optional<ClassInfo> info = newer.info(a.className());
    if (info.isEmpty()) {
      info = older.info(a.className());
    }
    if (info.isEmpty()) {
      problems.add(where + " names class " + a.className() + ", which neither " + older.version()
          + " nor " + newer.version() + " of " + newer.app() + " has");
    } else if (!info.get().staticNoArgMethods().contains(a.method())) {
      problems.add(where + " names method " + a.className() + "." + a.method()
          + "(), which is not a static method without parameters"
          + (info.get().methods().contains(a.method()) ? "" : " (no method of that name exists)"));
    }
  }
}
