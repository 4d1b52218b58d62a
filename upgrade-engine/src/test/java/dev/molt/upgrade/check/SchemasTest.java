package dev.molt.upgrade.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemasTest {
  @TempDir Path dir;

  @Test
  void sameFieldsInTheSameOrder_otherBodies_noDifference() throws Exception {
    Class<?> before = compile("a", "int a; String b; int m() { return 1; }");
    Class<?> after = compile("b", "int a; String b; int m() { return 2; }");

    assertThat(Schemas.difference(before, after)).isEmpty();
  }

  @Test
  void sameFieldsInAnotherOrder_isADifference_theJvmCannotRedefineIt() throws Exception {
    Class<?> before = compile("a", "int a; String b;");
    Class<?> after = compile("b", "String b; int a;");

    assertThat(Schemas.difference(before, after))
        .hasValue("fields declared in another order: [a, b] -> [b, a]");
  }

  @Test
  void anAddedMethod_isADifference() throws Exception {
    Class<?> before = compile("a", "int a;");
    Class<?> after = compile("b", "int a; void added() {}");

    assertThat(Schemas.difference(before, after)).hasValueSatisfying(d ->
        assertThat(d).contains("added [method  void added()]"));
  }

  /** Compiles class {@code P} with {@code body} into its own folder and loads it alone. */
  private Class<?> compile(String name, String body) throws Exception {
    Path out = Files.createDirectories(dir.resolve(name));
    Path source = out.resolve("P.java");
    Files.writeString(source, "public class P { " + body + " }\n");
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(),
        source.toString());
    assertThat(rc).as("javac").isZero();
    URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, null);
    return Class.forName("P", false, loader);
  }
}
