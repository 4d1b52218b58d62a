package dev.molt.appup.diff;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Builds {@link ClassInfo} from a parsed class. */
final class ClassInfos {
  private ClassInfos() {}

  static ClassInfo of(ClassNode node) {
    Set<String> methods = new HashSet<>();
    Set<String> staticNoArg = new HashSet<>();
    for (MethodNode m : node.methods) {
      methods.add(m.name);
      if ((m.access & Opcodes.ACC_STATIC) != 0 && m.desc.startsWith("()")) {
        staticNoArg.add(m.name);
      }
    }
    List<String> interfaces = node.interfaces.stream().map(ClassInfos::dotted).toList();
    return new ClassInfo(dotted(node.name), Optional.ofNullable(node.superName).map(ClassInfos::dotted),
        interfaces, methods, staticNoArg);
  }

  static String dotted(String internalName) {
    return internalName.replace('/', '.');
  }
}
