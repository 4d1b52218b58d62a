package dev.molt.kernel.node;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.format.AppSpec;
import dev.molt.format.EntryPoint;
import dev.molt.format.JarRef;
import dev.molt.format.KernelRef;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.RuntimeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hostile config.json fails fast with an error naming the file, the line and the limit. */
class ConfigFileLimitsTest {
  private static final ReleaseDescriptor RELEASE = new ReleaseDescriptor("book", "0.1.0", "prod",
      new KernelRef("0.1.0", List.of(new JarRef("k.jar", "0".repeat(64)))), RuntimeSpec.system(),
      List.of(new AppSpec("book_app", "0.1.0", Optional.empty(), List.of(new JarRef("b.jar", "0".repeat(64))),
          List.of(), Optional.of(new EntryPoint(EntryPoint.Kind.APPLICATION, "book.App")))), List.of());

  @TempDir Path dir;

  @Test
  void read_hugeExponent_refusedWithoutAllocatingItsDigits() throws Exception {
    Path file = Files.writeString(dir.resolve("config.json"), "{\"book_app\": {\n  \"n\": 1e2000000000}}");
    assertThatThrownBy(() -> ConfigFile.read(file, RELEASE, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("at line 2")
        .hasMessageContaining("limit MAX_EXPONENT");
  }

  @Test
  void read_fileOverOneMebibyte_refusedNamingTheLimit() throws Exception {
    Path file = Files.writeString(dir.resolve("config.json"),
        "{\"book_app\": {\"s\": \"" + "x".repeat(1 << 20) + "\"}}");
    assertThatThrownBy(() -> ConfigFile.read(file, RELEASE, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("limit of 1048576 bytes");
  }
}
