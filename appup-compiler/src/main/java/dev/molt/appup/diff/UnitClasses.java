package dev.molt.appup.diff;

import dev.molt.appup.error.CorruptClassException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * What the unit rules of {@code update} check on the classes of a unit and on its contract: the
 * implementation's constructors, the unit's static fields, what unit code reaches outside the
 * unit, and the types that cross the contract. Stateless.
 */
public final class UnitClasses {
  /** Return types whose work runs after the call returned, outside the handle's gate. */
  private static final Set<String> LAZY = Set.of("java.util.stream.Stream",
      "java.util.stream.BaseStream", "java.util.stream.IntStream", "java.util.stream.LongStream",
      "java.util.stream.DoubleStream", "java.util.Iterator", "java.util.ListIterator",
      "java.util.PrimitiveIterator", "java.util.Spliterator", "java.util.Enumeration",
      "java.io.InputStream", "java.io.Reader", "java.util.concurrent.Future",
      "java.util.concurrent.CompletionStage", "java.util.concurrent.CompletableFuture",
      "java.util.concurrent.ScheduledFuture", "java.util.concurrent.Flow$Publisher");
  private static final String SERVICE_CONTEXT = "(Ldev/molt/api/ServiceContext;)V";

  /** A static field of a unit class; {@code isFinal} ones are recomputed, others start empty. */
  public record StaticField(String owner, String name, boolean isFinal) {}

  /** The contract's methods and the application classes that cross it. */
  public record Crossing(Set<String> types, List<String> lazyMethods) {}

  private UnitClasses() {}

  /** Classes of {@code files} in package {@code unit}, sorted. */
  public static List<String> inUnit(ClassFiles files, String unit) {
    return files.classNames().stream().filter(c -> UnitScan.packageOf(c).equals(unit)).sorted()
        .toList();
  }

  /**
   * Why the kernel could not construct {@code implementation} (public, concrete, with a public
   * {@code (ServiceContext)} or no-argument constructor); empty when it can.
   */
  public static Optional<String> constructorProblem(ClassFiles files, String implementation)
      throws CorruptClassException {
    ClassNode node = files.parse(implementation, ClassReader.SKIP_CODE);
    if ((node.access & Opcodes.ACC_PUBLIC) == 0 || (node.access & Opcodes.ACC_ABSTRACT) != 0) {
      return Optional.of("is not a public concrete class");
    }
    for (MethodNode m : node.methods) {
      if (m.name.equals("<init>") && (m.access & Opcodes.ACC_PUBLIC) != 0
          && (m.desc.equals(SERVICE_CONTEXT) || m.desc.equals("()V"))) {
        return Optional.empty();
      }
    }
    return Optional.of("has neither a public (ServiceContext) nor a public no-argument constructor");
  }

  /** The static fields of the unit's classes, except compile-time constants. */
  public static List<StaticField> staticFields(ClassFiles files, String unit)
      throws CorruptClassException {
    List<StaticField> out = new ArrayList<>();
    for (String c : inUnit(files, unit)) {
      for (FieldNode f : files.parse(c, ClassReader.SKIP_CODE).fields) {
        if ((f.access & Opcodes.ACC_STATIC) != 0 && f.value == null
            && (f.access & Opcodes.ACC_SYNTHETIC) == 0) {
          out.add(new StaticField(c, f.name, (f.access & Opcodes.ACC_FINAL) != 0));
        }
      }
    }
    return out;
  }

  /**
   * Where unit code uses a member or class of another package of the app that is not public (a
   * unit loaded by its own loader is another runtime package: the JVM refuses such an access
   * with {@code IllegalAccessError}), as {@code "Unit.method uses Other.member (package-private)"}.
   */
  public static List<String> nonPublicAccesses(ClassFiles files, String unit)
      throws CorruptClassException {
    Set<String> out = new TreeSet<>();
    for (String c : inUnit(files, unit)) {
      ClassNode node = files.parse(c, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
      for (MethodNode m : node.methods) {
        for (AbstractInsnNode insn : m.instructions) {
          access(files, unit, insn).ifPresent(p -> out.add(simple(c) + "." + m.name + " uses " + p));
        }
      }
    }
    return List.copyOf(out);
  }

  private static Optional<String> access(ClassFiles files, String unit, AbstractInsnNode insn)
      throws CorruptClassException {
    String owner;
    String member = null;
    String desc = null;
    if (insn instanceof FieldInsnNode f) {
      owner = f.owner;
      member = f.name;
      desc = f.desc;
    } else if (insn instanceof MethodInsnNode m) {
      owner = m.owner;
      member = m.name;
      desc = m.desc;
    } else if (insn instanceof TypeInsnNode t) {
      owner = t.desc;
    } else if (insn instanceof LdcInsnNode l && l.cst instanceof Type t && t.getSort() == Type.OBJECT) {
      owner = t.getInternalName();
    } else {
      return Optional.empty();
    }
    String ownerName = UnitScan.dotted(owner);
    if (owner.startsWith("[") || UnitScan.packageOf(ownerName).equals(unit) || !files.has(ownerName)) {
      return Optional.empty();
    }
    ClassNode ownerNode = files.parse(ownerName, ClassReader.SKIP_CODE);
    if ((ownerNode.access & Opcodes.ACC_PUBLIC) == 0) {
      return Optional.of("class " + simple(ownerName) + " (not public)");
    }
    if (member == null) {
      return Optional.empty();
    }
    Optional<Integer> memberAccess = memberAccess(files, ownerName, member, desc, insn instanceof FieldInsnNode);
    if (memberAccess.isPresent() && (memberAccess.get() & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) == 0) {
      return Optional.of(simple(ownerName) + "." + member
          + ((memberAccess.get() & Opcodes.ACC_PRIVATE) != 0 ? " (private)" : " (package-private)"));
    }
    return Optional.empty();
  }

  /** The access flags of the member as resolved from {@code owner} up its hierarchy in the app. */
  private static Optional<Integer> memberAccess(ClassFiles files, String owner, String name,
      String desc, boolean field) throws CorruptClassException {
    Deque<String> todo = new ArrayDeque<>(List.of(owner));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String c = todo.poll();
      if (!seen.add(c) || !files.has(c)) {
        continue;
      }
      ClassNode node = files.parse(c, ClassReader.SKIP_CODE);
      if (field) {
        for (FieldNode f : node.fields) {
          if (f.name.equals(name) && f.desc.equals(desc)) {
            return Optional.of(f.access);
          }
        }
      } else {
        for (MethodNode m : node.methods) {
          if (m.name.equals(name) && m.desc.equals(desc)) {
            return Optional.of(m.access);
          }
        }
      }
      if (node.superName != null) {
        todo.add(UnitScan.dotted(node.superName));
      }
      node.interfaces.forEach(i -> todo.add(UnitScan.dotted(i)));
    }
    return Optional.empty();
  }

  /**
   * The classes of {@code files} that cross {@code contract} (in its methods' and its
   * super-interfaces' parameters, results, generic arguments and exceptions), and the methods
   * returning lazy work.
   */
  public static Crossing crossing(ClassFiles files, String contract) throws CorruptClassException {
    Set<String> types = new TreeSet<>();
    Set<String> lazy = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(contract));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String c = todo.poll();
      if (!seen.add(c) || !files.has(c)) {
        continue;
      }
      ClassNode node = files.parse(c, ClassReader.SKIP_CODE);
      node.interfaces.forEach(i -> todo.add(UnitScan.dotted(i)));
      for (MethodNode m : node.methods) {
        if (m.name.startsWith("<") || (m.access & Opcodes.ACC_PRIVATE) != 0) {
          continue;
        }
        ClassRefs.descriptor(m.desc, n -> types.add(UnitScan.dotted(n)));
        ClassRefs.descriptor(m.signature, n -> types.add(UnitScan.dotted(n)));
        if (m.exceptions != null) {
          m.exceptions.forEach(e -> types.add(UnitScan.dotted(e)));
        }
        Type result = Type.getReturnType(m.desc);
        if (result.getSort() == Type.OBJECT && LAZY.contains(result.getClassName())) {
          lazy.add(m.name + "() returns " + simple(result.getClassName()));
        }
      }
    }
    types.removeIf(t -> !files.has(t));
    return new Crossing(types, List.copyOf(lazy));
  }

  private static String simple(String binaryName) {
    return binaryName.substring(binaryName.lastIndexOf('.') + 1);
  }
}
