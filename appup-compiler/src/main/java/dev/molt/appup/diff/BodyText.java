package dev.molt.appup.diff;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * A canonical text of a method body: opcodes with resolved operands (so constant-pool order does
 * not matter), the positions of the labels that jumps, switches and handlers refer to, numbered by
 * first mention (so other labels, line numbers and frames do not matter), and the exception table. Two bodies behave the same when their texts are equal.
 */
final class BodyText {
  private final Map<LabelNode, Integer> labels = new HashMap<>();
  private final Set<LabelNode> referenced;
  private final StringBuilder out = new StringBuilder();

  private BodyText(Set<LabelNode> referenced) {
    this.referenced = referenced;
  }

  static String of(MethodNode m) {
    BodyText t = new BodyText(referencedLabels(m));
    for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
      t.insn(insn);
    }
    for (TryCatchBlockNode tc : m.tryCatchBlocks) {
      t.out.append("try ").append(t.label(tc.start)).append(' ').append(t.label(tc.end)).append(' ')
          .append(t.label(tc.handler)).append(' ').append(tc.type).append('\n');
    }
    if (m.annotationDefault != null) {
      t.out.append("default ").append(Annotations.value(m.annotationDefault)).append('\n');
    }
    return t.out.toString();
  }

  /** Labels that jumps, switches and the exception table refer to; the others carry nothing. */
  private static Set<LabelNode> referencedLabels(MethodNode m) {
    Set<LabelNode> refs = new HashSet<>();
    for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
      if (insn instanceof JumpInsnNode j) {
        refs.add(j.label);
      } else if (insn instanceof TableSwitchInsnNode s) {
        refs.add(s.dflt);
        refs.addAll(s.labels);
      } else if (insn instanceof LookupSwitchInsnNode s) {
        refs.add(s.dflt);
        refs.addAll(s.labels);
      }
    }
    for (TryCatchBlockNode tc : m.tryCatchBlocks) {
      refs.add(tc.start);
      refs.add(tc.end);
      refs.add(tc.handler);
    }
    return refs;
  }

  private void insn(AbstractInsnNode insn) {
    if (insn.getOpcode() < 0) {
      if (insn instanceof LabelNode l && referenced.contains(l)) {
        out.append(label(l)).append(":\n");
      }
      return; // line numbers, frames and unreferenced labels carry no behaviour
    }
    out.append(insn.getOpcode());
    if (insn instanceof IntInsnNode i) {
      out.append(' ').append(i.operand);
    } else if (insn instanceof VarInsnNode v) {
      out.append(' ').append(v.var);
    } else if (insn instanceof TypeInsnNode t) {
      out.append(' ').append(t.desc);
    } else if (insn instanceof FieldInsnNode f) {
      out.append(' ').append(f.owner).append('.').append(f.name).append(':').append(f.desc);
    } else if (insn instanceof MethodInsnNode m) {
      out.append(' ').append(m.owner).append('.').append(m.name).append(m.desc).append(m.itf ? " itf" : "");
    } else if (insn instanceof InvokeDynamicInsnNode d) {
      out.append(' ').append(d.name).append(d.desc).append(' ').append(d.bsm)
          .append(' ').append(Annotations.value(Arrays.asList(d.bsmArgs)));
    } else if (insn instanceof JumpInsnNode j) {
      out.append(' ').append(label(j.label));
    } else if (insn instanceof LdcInsnNode c) {
      out.append(' ').append(c.cst.getClass().getSimpleName()).append(' ').append(Annotations.value(c.cst));
    } else if (insn instanceof IincInsnNode i) {
      out.append(' ').append(i.var).append(' ').append(i.incr);
    } else if (insn instanceof TableSwitchInsnNode s) {
      out.append(' ').append(s.min).append(' ').append(s.max).append(' ').append(label(s.dflt));
      labels(s.labels);
    } else if (insn instanceof LookupSwitchInsnNode s) {
      out.append(' ').append(s.keys).append(' ').append(label(s.dflt));
      labels(s.labels);
    } else if (insn instanceof MultiANewArrayInsnNode a) {
      out.append(' ').append(a.desc).append(' ').append(a.dims);
    }
    out.append('\n');
  }

  private void labels(List<LabelNode> list) {
    for (LabelNode l : list) {
      out.append(' ').append(label(l));
    }
  }

  /** Numbers labels in order of first mention: a position or a reference, whichever comes first. */
  private String label(LabelNode l) {
    return "L" + labels.computeIfAbsent(l, k -> labels.size());
  }
}
