package dev.molt.appup.diff;

import dev.molt.appup.error.CorruptClassException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * Diffs the classes of one app between two versions. Classes whose zip entries have the same
 * CRC-32 and size are not read; the others are parsed without debug information and frames and compared with
 * {@link ClassComparator}. Stateless and thread-safe: apps are diffed in parallel by the caller.
 */
public final class AppDiffer {
  private static final int FLAGS = ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES;

  private AppDiffer() {}

  /** Diffs the jars of {@code app}: {@code fromJars} at {@code fromVersion} to {@code toJars}. */
  public static AppDiff diff(String app, String fromVersion, List<Path> fromJars, String toVersion,
      List<Path> toJars) throws CorruptClassException {
    ClassFiles from = ClassFiles.read(app, fromVersion, fromJars);
    ClassFiles to = ClassFiles.read(app, toVersion, toJars);
    List<ClassChange> changes = new ArrayList<>();
    int unchanged = 0;
    TreeSet<String> names = new TreeSet<>(from.classNames());
    names.addAll(to.classNames());
    for (String name : names) {
      Optional<ClassChange> change = compare(name, from, to);
      if (change.isPresent()) {
        changes.add(change.get());
      } else {
        unchanged++;
      }
    }
    return new AppDiff(app, fromVersion, toVersion, changes, unchanged, resources(from, to),
        Optional.of(from), Optional.of(to));
  }

  /** An app whose jars are byte-identical in both versions: nothing to read. */
  public static AppDiff identical(String app, String fromVersion, String toVersion) {
    return new AppDiff(app, fromVersion, toVersion, List.of(), 0, List.of(), Optional.empty(),
        Optional.empty());
  }

  private static Optional<ClassChange> compare(String name, ClassFiles from, ClassFiles to)
      throws CorruptClassException {
    if (!to.has(name)) {
      from.parse(name, ClassReader.SKIP_CODE); // a corrupt class is reported even when removed
      return Optional.of(ClassChange.presence(name, ChangeKind.REMOVED));
    }
    if (!from.has(name)) {
      to.parse(name, ClassReader.SKIP_CODE);
      return Optional.of(ClassChange.presence(name, ChangeKind.ADDED));
    }
    if (from.sameEntry(name, to)) {
      return Optional.empty(); // same CRC-32 and size: identical bytes but for a 1-in-2^32 chance
    }
    ClassNode old = from.parse(name, FLAGS);
    ClassNode neu = to.parse(name, FLAGS);
    return ClassComparator.compare(name, old, neu);
  }

  private static List<String> resources(ClassFiles from, ClassFiles to) {
    TreeSet<String> paths = new TreeSet<>(from.resources().keySet());
    paths.addAll(to.resources().keySet());
    List<String> changed = new ArrayList<>();
    Map<String, String> a = from.resources();
    Map<String, String> b = to.resources();
    for (String p : paths) {
      if (!a.containsKey(p)) {
        changed.add(p + " added");
      } else if (!b.containsKey(p)) {
        changed.add(p + " removed");
      } else if (!a.get(p).equals(b.get(p))) {
        changed.add(p + " changed");
      }
    }
    return changed;
  }
}
