package dev.molt.appup.diff;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.RecordComponentNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeAnnotationNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Every class a parsed class refers to, wherever it names it: hierarchy, nest and inner-class
 * attributes, fields, method descriptors, signatures, thrown exceptions, annotations, and each
 * instruction's operands. Instructions in {@code skipped} are left out (the class literals given to
 * {@code Services.publish}). Names are internal ({@code a/b/C}); array types give their element.
 */
final class ClassRefs {
  /** A class named in a descriptor or signature: {@code L} up to {@code ;} or {@code <}. */
  private static final Pattern IN_DESCRIPTOR = Pattern.compile("L([^;<>:]+)[;<]");

  private ClassRefs() {}

  static void of(ClassNode node, Set<AbstractInsnNode> skipped, Consumer<String> out) {
    name(node.superName, out);
    node.interfaces.forEach(i -> name(i, out));
    descriptor(node.signature, out);
    name(node.outerClass, out);
    name(node.nestHostClass, out);
    names(node.nestMembers, out);
    names(node.permittedSubclasses, out);
    for (InnerClassNode inner : node.innerClasses) {
      name(inner.name, out);
      name(inner.outerName, out);
    }
    annotations(node.visibleAnnotations, out);
    annotations(node.invisibleAnnotations, out);
    typeAnnotations(node.visibleTypeAnnotations, out);
    typeAnnotations(node.invisibleTypeAnnotations, out);
    if (node.recordComponents != null) {
      for (RecordComponentNode c : node.recordComponents) {
        descriptor(c.descriptor, out);
        descriptor(c.signature, out);
      }
    }
    for (FieldNode f : node.fields) {
      descriptor(f.desc, out);
      descriptor(f.signature, out);
      annotations(f.visibleAnnotations, out);
      annotations(f.invisibleAnnotations, out);
      value(f.value, out);
    }
    for (MethodNode m : node.methods) {
      method(m, skipped, out);
    }
  }

  private static void method(MethodNode m, Set<AbstractInsnNode> skipped, Consumer<String> out) {
    descriptor(m.desc, out);
    descriptor(m.signature, out);
    names(m.exceptions, out);
    annotations(m.visibleAnnotations, out);
    annotations(m.invisibleAnnotations, out);
    value(m.annotationDefault, out);
    for (TryCatchBlockNode t : m.tryCatchBlocks) {
      name(t.type, out);
    }
    for (AbstractInsnNode insn : m.instructions) {
      if (!skipped.contains(insn)) {
        instruction(insn, out);
      }
    }
  }

  private static void instruction(AbstractInsnNode insn, Consumer<String> out) {
    if (insn instanceof TypeInsnNode t) {
      nameOrArray(t.desc, out);
    } else if (insn instanceof FieldInsnNode f) {
      nameOrArray(f.owner, out);
      descriptor(f.desc, out);
    } else if (insn instanceof MethodInsnNode m) {
      nameOrArray(m.owner, out);
      descriptor(m.desc, out);
    } else if (insn instanceof InvokeDynamicInsnNode d) {
      descriptor(d.desc, out);
      value(d.bsm, out);
      for (Object arg : d.bsmArgs) {
        value(arg, out);
      }
    } else if (insn instanceof LdcInsnNode l) {
      value(l.cst, out);
    } else if (insn instanceof MultiANewArrayInsnNode a) {
      descriptor(a.desc, out);
    }
  }

  private static void value(Object value, Consumer<String> out) {
    if (value instanceof Type t) {
      descriptor(t.getDescriptor(), out);
    } else if (value instanceof Handle h) {
      nameOrArray(h.getOwner(), out);
      descriptor(h.getDesc(), out);
    } else if (value instanceof ConstantDynamic c) {
      descriptor(c.getDescriptor(), out);
      value(c.getBootstrapMethod(), out);
      for (int i = 0; i < c.getBootstrapMethodArgumentCount(); i++) {
        value(c.getBootstrapMethodArgument(i), out);
      }
    } else if (value instanceof AnnotationNode a) {
      annotation(a, out);
    } else if (value instanceof String[] enumValue && enumValue.length == 2) {
      descriptor(enumValue[0], out);
    } else if (value instanceof List<?> list) {
      list.forEach(v -> value(v, out));
    }
  }

  private static void annotations(List<AnnotationNode> list, Consumer<String> out) {
    if (list != null) {
      list.forEach(a -> annotation(a, out));
    }
  }

  private static void typeAnnotations(List<TypeAnnotationNode> list, Consumer<String> out) {
    if (list != null) {
      list.forEach(a -> annotation(a, out));
    }
  }

  private static void annotation(AnnotationNode a, Consumer<String> out) {
    descriptor(a.desc, out);
    if (a.values != null) {
      for (int i = 1; i < a.values.size(); i += 2) {
        value(a.values.get(i), out);
      }
    }
  }

  private static void names(List<String> list, Consumer<String> out) {
    if (list != null) {
      list.forEach(n -> name(n, out));
    }
  }

  private static void name(String internalName, Consumer<String> out) {
    if (internalName != null) {
      out.accept(internalName);
    }
  }

  /** An owner or type operand: an internal name, or an array descriptor. */
  private static void nameOrArray(String operand, Consumer<String> out) {
    if (operand.startsWith("[")) {
      descriptor(operand, out);
    } else {
      out.accept(operand);
    }
  }

  /** The classes named in a descriptor or generic signature. */
  static void descriptor(String text, Consumer<String> out) {
    if (text == null) {
      return;
    }
    Matcher m = IN_DESCRIPTOR.matcher(text);
    while (m.find()) {
      // a signature's inner class after '.' (Outer<T>.Inner) is not a full name: skip its tail
      out.accept(m.group(1));
    }
  }
}
