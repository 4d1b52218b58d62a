package dev.molt.appup.diff;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;

/** Renders access flags as Java-like words for messages ("public static final"). */
final class Modifiers {
  private static final int[] FLAGS = {Opcodes.ACC_PUBLIC, Opcodes.ACC_PRIVATE, Opcodes.ACC_PROTECTED,
      Opcodes.ACC_STATIC, Opcodes.ACC_FINAL, Opcodes.ACC_SYNCHRONIZED, Opcodes.ACC_VOLATILE,
      Opcodes.ACC_TRANSIENT, Opcodes.ACC_NATIVE, Opcodes.ACC_INTERFACE, Opcodes.ACC_ABSTRACT,
      Opcodes.ACC_STRICT, Opcodes.ACC_SYNTHETIC, Opcodes.ACC_ANNOTATION, Opcodes.ACC_ENUM,
      Opcodes.ACC_RECORD};
  private static final String[] FIELD_OR_CLASS = {"public", "private", "protected", "static", "final",
      "super", "volatile", "transient", "native", "interface", "abstract", "strictfp", "synthetic",
      "annotation", "enum", "record"};
  private static final String[] METHOD = {"public", "private", "protected", "static", "final",
      "synchronized", "bridge", "varargs", "native", "interface", "abstract", "strictfp", "synthetic",
      "annotation", "enum", "record"};

  private Modifiers() {}

  static String text(int access, boolean method) {
    String[] words = method ? METHOD : FIELD_OR_CLASS;
    List<String> out = new ArrayList<>();
    int rest = access;
    for (int i = 0; i < FLAGS.length; i++) {
      if ((access & FLAGS[i]) != 0) {
        out.add(words[i]);
        rest &= ~FLAGS[i];
      }
    }
    if (rest != 0) {
      out.add("0x" + Integer.toHexString(rest));
    }
    return out.isEmpty() ? "(none)" : String.join(" ", out);
  }
}
