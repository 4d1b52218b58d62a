package dev.molt.appup.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.RecordComponentNode;

/**
 * Compares two parsed versions of one class. Structure is what {@code redefineClasses} refuses to
 * change (hierarchy, modifiers, fields, method set, nest, record and permitted-subclass attributes)
 * plus runtime-visible annotations, which frameworks read at run time. Everything else that
 * differs is in method bodies.
 */
final class ClassComparator {
  /** Flags that say nothing about behaviour: ASM's pseudo-flag for {@code @Deprecated}. */
  private static final int IGNORED_FLAGS = Opcodes.ACC_DEPRECATED;

  private ClassComparator() {}

  /** The change between the two versions; empty when they behave the same. */
  static Optional<ClassChange> compare(String className, ClassNode old, ClassNode neu) {
    List<String> reasons = new ArrayList<>();
    classLevel(old, neu, reasons);
    List<String> addedFields = new ArrayList<>();
    List<String> removedFields = new ArrayList<>();
    fields(old, neu, reasons, addedFields, removedFields);
    List<String> changedMethods = new ArrayList<>();
    boolean clinit = methods(old, neu, reasons, changedMethods);
    if (reasons.isEmpty() && changedMethods.isEmpty() && !clinit) {
      return Optional.empty();
    }
    ChangeKind kind = reasons.isEmpty() ? ChangeKind.BODY_ONLY : ChangeKind.STRUCTURAL;
    return Optional.of(new ClassChange(className, kind, changedMethods, clinit, reasons,
        addedFields, removedFields));
  }

  private static void classLevel(ClassNode old, ClassNode neu, List<String> reasons) {
    // ACC_SUPER is set by every compiler since Java 1.0.2 and ignored by the JVM since 8.
    int ignored = IGNORED_FLAGS | Opcodes.ACC_SUPER;
    differs(reasons, "class modifiers", Modifiers.text(old.access & ~ignored, false),
        Modifiers.text(neu.access & ~ignored, false));
    differs(reasons, "superclass", old.superName, neu.superName);
    differs(reasons, "interfaces", old.interfaces, neu.interfaces);
    differs(reasons, "nest host", old.nestHostClass, neu.nestHostClass);
    differs(reasons, "nest members", sorted(old.nestMembers), sorted(neu.nestMembers));
    differs(reasons, "permitted subclasses", sorted(old.permittedSubclasses), sorted(neu.permittedSubclasses));
    differs(reasons, "record components", components(old.recordComponents), components(neu.recordComponents));
    differs(reasons, "class annotations", Annotations.text(old.visibleAnnotations),
        Annotations.text(neu.visibleAnnotations));
  }

  private static void fields(ClassNode old, ClassNode neu, List<String> reasons,
      List<String> added, List<String> removed) {
    Map<String, FieldNode> before = byKey(old.fields);
    Map<String, FieldNode> after = byKey(neu.fields);
    for (String key : before.keySet()) {
      if (!after.containsKey(key)) {
        removed.add(key);
        reasons.add("field " + key + " removed");
      }
    }
    for (Map.Entry<String, FieldNode> e : after.entrySet()) {
      FieldNode b = before.get(e.getKey());
      FieldNode a = e.getValue();
      if (b == null) {
        added.add(e.getKey());
        reasons.add("field " + e.getKey() + " added");
        continue;
      }
      differs(reasons, "modifiers of field " + e.getKey(), Modifiers.text(b.access & ~IGNORED_FLAGS, false),
          Modifiers.text(a.access & ~IGNORED_FLAGS, false));
      differs(reasons, "constant value of field " + e.getKey(), Annotations.value(b.value), Annotations.value(a.value));
      differs(reasons, "annotations of field " + e.getKey(), Annotations.text(b.visibleAnnotations),
          Annotations.text(a.visibleAnnotations));
    }
  }

  private static boolean methods(ClassNode old, ClassNode neu, List<String> reasons, List<String> changed) {
    Map<String, MethodNode> before = methodsByKey(old.methods);
    Map<String, MethodNode> after = methodsByKey(neu.methods);
    boolean clinit = clinitChanged(before.remove("<clinit>()V"), after.remove("<clinit>()V"));
    for (String key : before.keySet()) {
      if (!after.containsKey(key)) {
        reasons.add("method " + key + " removed");
      }
    }
    for (Map.Entry<String, MethodNode> e : after.entrySet()) {
      MethodNode b = before.get(e.getKey());
      MethodNode a = e.getValue();
      if (b == null) {
        reasons.add("method " + e.getKey() + " added");
        continue;
      }
      differs(reasons, "modifiers of method " + e.getKey(), Modifiers.text(b.access & ~IGNORED_FLAGS, true),
          Modifiers.text(a.access & ~IGNORED_FLAGS, true));
      differs(reasons, "annotations of method " + e.getKey(), Annotations.text(b.visibleAnnotations),
          Annotations.text(a.visibleAnnotations));
      if (!BodyText.of(b).equals(BodyText.of(a))) {
        changed.add(e.getKey());
      }
    }
    return clinit;
  }

  private static boolean clinitChanged(MethodNode before, MethodNode after) {
    if (before == null || after == null) {
      return before != after;
    }
    return !BodyText.of(before).equals(BodyText.of(after));
  }

  private static Map<String, FieldNode> byKey(List<FieldNode> fields) {
    Map<String, FieldNode> map = new TreeMap<>();
    fields.forEach(f -> map.put(f.name + ":" + f.desc, f));
    return map;
  }

  private static Map<String, MethodNode> methodsByKey(List<MethodNode> methods) {
    Map<String, MethodNode> map = new TreeMap<>();
    methods.forEach(m -> map.put(m.name + m.desc, m));
    return map;
  }

  private static List<String> sorted(List<String> values) {
    return values == null ? List.of() : new ArrayList<>(new TreeSet<>(values));
  }

  private static List<String> components(List<RecordComponentNode> list) {
    return list == null ? List.of() : list.stream().map(c -> c.name + ":" + c.descriptor).toList();
  }

  private static void differs(List<String> reasons, String what, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      reasons.add(what + " changed from " + before + " to " + after);
    }
  }
}
