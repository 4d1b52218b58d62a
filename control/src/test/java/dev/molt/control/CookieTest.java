package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CookieTest {
  @TempDir Path dir;

  @Test
  void resolve_file_stripsTrailingNewline() throws Exception {
    Path file = CookieFiles.write(dir.resolve("COOKIE"), "s3cret\n");
    assertThat(new String(Cookie.resolve(file, Map.of()), StandardCharsets.UTF_8)).isEqualTo("s3cret");
  }

  @Test
  void resolve_envSet_winsOverFile() throws Exception {
    Path file = CookieFiles.write(dir.resolve("COOKIE"), "from-file");
    assertThat(new String(Cookie.resolve(file, Map.of("MOLT_COOKIE", "from-env")), StandardCharsets.UTF_8))
        .isEqualTo("from-env");
  }

  @Test
  void resolve_missingFileAndNoEnv_namesBoth() {
    assertThatThrownBy(() -> Cookie.resolve(dir.resolve("COOKIE"), Map.of("MOLT_COOKIE", "")))
        .isInstanceOf(CookieException.class).hasMessageContaining("COOKIE does not exist")
        .hasMessageContaining("MOLT_COOKIE is not set");
  }

  @Test
  void resolve_emptyFile_fails() throws Exception {
    Path file = CookieFiles.write(dir.resolve("COOKIE"), " \n");
    assertThatThrownBy(() -> Cookie.resolve(file, Map.of())).isInstanceOf(CookieException.class)
        .hasMessageContaining("is empty");
  }
}
