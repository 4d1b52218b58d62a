package dev.molt.appup.diff;

import dev.molt.appup.error.CorruptClassException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Reads what the unit rules of {@code update} need from the bytecode of the classes around a
 * unit (the package an {@code update} loads anew): the calls {@code Services.publish(contract,
 * implementation)}, and every other reference into the unit. Stateless.
 */
public final class UnitScan {
  static final String SERVICES = "dev/molt/api/Services";

  /**
   * A call {@code services.publish(Contract.class, Implementation.class)}.
   *
   * @param caller the class making it
   * @param contract the class literal given as contract, when it is one
   */
  public record PublishSite(String caller, Optional<String> contract, String implementation) {}

  /** Class {@code from} refers to class {@code to} of a unit, other than as a publish literal. */
  public record Reference(String from, String to) {}

  /** What one version of one app (or a dependent) does with the given units. */
  public record Result(List<PublishSite> sites, List<Reference> references) {
    public Result {
      sites = List.copyOf(sites);
      references = List.copyOf(references);
    }
  }

  private UnitScan() {}

  /**
   * Scans every class of {@code files} outside each of {@code units} (package names): the publish
   * calls it makes, and its references to classes of a unit not its own. A class whose constant
   * pool names neither {@code Services} nor a unit is not parsed.
   */
  public static Result scan(ClassFiles files, Set<String> units) throws CorruptClassException {
    List<PublishSite> sites = new ArrayList<>();
    List<Reference> references = new ArrayList<>();
    for (String name : new TreeSet<>(files.classNames())) {
      Optional<List<String>> read = pool(files, name);
      List<String> pool = read.orElse(List.of());
      // a pool this reader does not know (a newer class file format) is parsed in full
      boolean publishes = read.isEmpty() || pool.contains(SERVICES);
      Set<String> mentioned = read.isEmpty() ? others(units, packageOf(name))
          : mentioned(pool, units, packageOf(name));
      if (!publishes && mentioned.isEmpty()) {
        continue;
      }
      ClassNode node = files.parse(name, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
      Set<AbstractInsnNode> literals = Collections.newSetFromMap(new IdentityHashMap<>());
      publishSites(node, sites, literals);
      if (!mentioned.isEmpty()) {
        references(node, pool, mentioned, literals, references);
      }
    }
    return new Result(sites, references);
  }

  private static Optional<List<String>> pool(ClassFiles files, String name)
      throws CorruptClassException {
    try {
      return Optional.of(ConstantPool.utf8(files.bytes(name)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Set<String> others(Set<String> units, String own) {
    Set<String> out = new TreeSet<>(units);
    out.remove(own);
    return out;
  }

  /** The units (other than {@code own}) whose classes the pool names, by internal or binary name. */
  private static Set<String> mentioned(List<String> pool, Set<String> units, String own) {
    Set<String> out = new TreeSet<>();
    for (String unit : units) {
      if (unit.equals(own)) {
        continue;
      }
      String internal = unit.replace('.', '/') + "/";
      String binary = unit + ".";
      for (String s : pool) {
        if (s.contains(internal) || s.startsWith(binary)) {
          out.add(unit);
          break;
        }
      }
    }
    return out;
  }

  private static void publishSites(ClassNode node, List<PublishSite> sites,
      Set<AbstractInsnNode> literals) {
    for (MethodNode m : node.methods) {
      for (AbstractInsnNode insn : m.instructions) {
        if (isClassLiteral(insn) && isPublish(next(insn))) {
          AbstractInsnNode before = previous(insn);
          Optional<String> contract = isClassLiteral(before)
              ? Optional.of(dotted(((Type) ((LdcInsnNode) before).cst).getInternalName()))
              : Optional.empty();
          sites.add(new PublishSite(dotted(node.name), contract,
              dotted(((Type) ((LdcInsnNode) insn).cst).getInternalName())));
          literals.add(insn);
        }
      }
    }
  }

  private static void references(ClassNode node, List<String> pool, Set<String> units,
      Set<AbstractInsnNode> literals, List<Reference> out) {
    Set<String> found = new TreeSet<>();
    ClassRefs.of(node, literals, n -> {
      if (units.contains(packageOf(n.replace('/', '.')))) {
        found.add(n.replace('/', '.'));
      }
    });
    Set<String> everything = new TreeSet<>();
    ClassRefs.of(node, Set.of(), n -> everything.add(n.replace('/', '.')));
    // The safety net: a unit class the pool names where the walk saw none (an attribute ASM
    // keeps as bytes, a class name in a string for Class.forName) counts as a reference too.
    for (String s : pool) {
      String binary = s.replace('/', '.');
      if (units.contains(packageOf(binary)) && !everything.contains(binary)
          && binary.matches("[\\w.$]+")) {
        found.add(binary);
      }
      ClassRefs.descriptor(s, n -> {
        String b = n.replace('/', '.');
        if (units.contains(packageOf(b)) && !everything.contains(b)) {
          found.add(b);
        }
      });
    }
    found.forEach(to -> out.add(new Reference(dotted(node.name), to)));
  }

  private static boolean isClassLiteral(AbstractInsnNode insn) {
    return insn instanceof LdcInsnNode l && l.cst instanceof Type t && t.getSort() == Type.OBJECT;
  }

  private static boolean isPublish(AbstractInsnNode insn) {
    return insn instanceof MethodInsnNode m && m.owner.equals(SERVICES) && m.name.equals("publish");
  }

  /** The next instruction, skipping labels, line numbers and frames. */
  private static AbstractInsnNode next(AbstractInsnNode insn) {
    AbstractInsnNode n = insn.getNext();
    while (n != null && n.getOpcode() < 0) {
      n = n.getNext();
    }
    return n;
  }

  private static AbstractInsnNode previous(AbstractInsnNode insn) {
    AbstractInsnNode n = insn.getPrevious();
    while (n != null && n.getOpcode() < 0) {
      n = n.getPrevious();
    }
    return n;
  }

  /** The package of a binary class name; {@code ""} for the unnamed package. */
  public static String packageOf(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    return dot < 0 ? "" : binaryName.substring(0, dot);
  }

  static String dotted(String internalName) {
    return internalName.replace('/', '.');
  }
}
