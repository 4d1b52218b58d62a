package dev.molt.appup.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;

/** Canonical text of annotations and constant values, for comparison. */
final class Annotations {
  private Annotations() {}

  /** The runtime-visible annotations in declaration order, as text; "" when there are none. */
  static String text(List<AnnotationNode> annotations) {
    if (annotations == null || annotations.isEmpty()) {
      return "";
    }
    List<String> out = new ArrayList<>();
    for (AnnotationNode a : annotations) {
      out.add(one(a));
    }
    return String.join(" ", out);
  }

  private static String one(AnnotationNode a) {
    return "@" + a.desc + "(" + (a.values == null ? "" : value(a.values)) + ")";
  }

  /** Text of a constant, annotation value or bootstrap argument. */
  static String value(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof AnnotationNode a) {
      return one(a);
    }
    if (v instanceof String s) {
      return '"' + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + '"';
    }
    if (v instanceof Type t) {
      return t.getDescriptor();
    }
    if (v instanceof String[] enumValue) {
      return Arrays.toString(enumValue);
    }
    if (v instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      list.forEach(x -> parts.add(value(x)));
      return parts.toString();
    }
    if (v.getClass().isArray()) {
      return arrayText(v);
    }
    return v.toString();
  }

  private static String arrayText(Object array) {
    int n = java.lang.reflect.Array.getLength(array);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      parts.add(String.valueOf(java.lang.reflect.Array.get(array, i)));
    }
    return parts.toString();
  }
}
