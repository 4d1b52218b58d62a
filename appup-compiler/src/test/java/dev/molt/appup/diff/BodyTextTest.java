package dev.molt.appup.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

class BodyTextTest {
  /** {@code a(); [L:] b(); goto L} with the loop head before a() or before b(). */
  private static MethodNode loop(boolean headFirst, boolean extraLabel) {
    MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC, "run", "()V", null, null);
    Label head = new Label();
    if (headFirst) {
      m.visitLabel(head);
    }
    m.visitMethodInsn(Opcodes.INVOKESTATIC, "x/Y", "a", "()V", false);
    if (extraLabel) {
      Label unused = new Label();
      m.visitLabel(unused);
      m.visitLineNumber(12, unused);
    }
    if (!headFirst) {
      m.visitLabel(head);
    }
    m.visitMethodInsn(Opcodes.INVOKESTATIC, "x/Y", "b", "()V", false);
    m.visitJumpInsn(Opcodes.GOTO, head);
    return m;
  }

  @Test
  void of_backwardJumpToAnotherPosition_differs() {
    assertThat(BodyText.of(loop(true, false))).isNotEqualTo(BodyText.of(loop(false, false)));
  }

  @Test
  void of_unreferencedLabelAndLineNumber_areIgnored() {
    assertThat(BodyText.of(loop(false, true))).isEqualTo(BodyText.of(loop(false, false)));
  }
}
