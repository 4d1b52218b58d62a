package dev.molt.kernel.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** rpc/eval's static calls: lookup, overloads, conversions, and the messages when they fail. */
class StaticCallTest {
  private static final Map<String, ClassLoader> LOADERS =
      Map.of("tests", StaticCallTest.class.getClassLoader());
  private static final String TARGETS = Targets.class.getName();

  /** Targets for the calls below. */
  public static final class Targets {
    public static final String NAME = "targets";
    public static int calls;

    private Targets() {}

    public static String echo(String text) {
      return "echo " + text;
    }

    public static String pick(int n) {
      return "int " + n;
    }

    public static String pick(double n) {
      return "double " + n;
    }

    public static String join(String first, String... rest) {
      return first + List.of(rest);
    }

    public static String typed(long big, boolean flag, Path path) {
      return big + " " + flag + " " + path.getFileName();
    }

    public static void touch() {
      calls++;
    }

    public static String loader() {
      return Thread.currentThread().getContextClassLoader() == Targets.class.getClassLoader()
          ? "own loader" : "other loader";
    }

    public static String fail() {
      throw new IllegalStateException("out of books", new java.io.IOException("disk gone"));
    }
  }

  @Test
  void isTarget_acceptsQualifiedMethodsOnly() {
    assertThat(StaticCall.isTarget("com.example.Tasks.migrate")).isTrue();
    assertThat(StaticCall.isTarget("migrate")).isFalse();
    assertThat(StaticCall.isTarget("1 + 2")).isFalse();
    assertThat(StaticCall.isTarget("Tasks.migrate()")).isFalse();
  }

  @Test
  void invoke_convertsArgumentsAndPrefersTheNarrowestOverload() throws Throwable {
    assertThat(call("echo", "hi")).isEqualTo("echo hi");
    assertThat(call("pick", "3")).isEqualTo("int 3");
    assertThat(call("pick", "3.5")).isEqualTo("double 3.5");
    assertThat(call("join", "a", "b", "c")).isEqualTo("a[b, c]");
    assertThat(call("join", "a")).isEqualTo("a[]");
    assertThat(call("typed", "9000000000", "TRUE", "/srv/book/data.db"))
        .isEqualTo("9000000000 true data.db");
    assertThat(call("loader")).isEqualTo("own loader");
  }

  @Test
  void invoke_voidMethodReturnsVoid_fieldIsRead() throws Throwable {
    int before = Targets.calls;
    assertThat(call("touch")).isSameAs(StaticCall.VOID);
    assertThat(Targets.calls).isEqualTo(before + 1);
    assertThat(call("NAME")).isEqualTo("targets");
  }

  @Test
  void invoke_whatTheMethodThrowsComesBackUnwrapped() {
    assertThatThrownBy(() -> call("fail")).isInstanceOf(IllegalStateException.class)
        .hasMessage("out of books").hasCauseInstanceOf(java.io.IOException.class);
  }

  @Test
  void invoke_wrongTargets_namedWithTheRemedy() {
    assertThatThrownBy(() -> StaticCall.invoke(LOADERS, "com.example.Nope.run", List.of()))
        .isInstanceOf(CallException.class)
        .hasMessage("class com.example.Nope not found in any app of the release (tests); check"
            + " the fully qualified name");
    assertThatThrownBy(() -> call("nope")).isInstanceOf(CallException.class)
        .hasMessageContaining("has no public static method nope; its public static methods:")
        .hasMessageContaining("echo, fail, join, loader, pick, touch, typed");
    assertThatThrownBy(() -> call("echo", "a", "b")).isInstanceOf(CallException.class)
        .hasMessageContaining("takes no 2 argument(s)").hasMessageContaining("echo(String)");
    assertThatThrownBy(() -> call("typed", "x", "true", "p")).isInstanceOf(CallException.class)
        .hasMessageContaining("argument 1 of " + TARGETS + ".typed(long, boolean, Path) is 'x',"
            + " not a long");
    assertThatThrownBy(() -> call("typed", "1", "maybe", "p")).isInstanceOf(CallException.class)
        .hasMessageContaining("is 'maybe', not a boolean");
    assertThatThrownBy(() -> StaticCall.invoke(LOADERS, "not a target", List.of()))
        .isInstanceOf(CallException.class).hasMessageContaining("is not a Class.method target");
  }

  private static Object call(String method, String... args) throws Throwable {
    return StaticCall.invoke(LOADERS, TARGETS + "." + method, List.of(args));
  }
}
