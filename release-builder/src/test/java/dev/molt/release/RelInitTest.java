package dev.molt.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelInitTest {
  @TempDir Path dir;
  private final ReleaseBuilder builder = new ReleaseBuilder(s -> {});

  @Test
  void init_emptyFolder_writesAllFiles() throws Exception {
    InitResult r = builder.init(dir.resolve("rel"), "book_app");
    assertThat(r.written()).extracting(p -> dir.resolve("rel").relativize(p).toString())
        .containsExactly("molt.json", "jvm.options", "config.json", "hooks/README.md", "commands/README.md",
            "trusted-keys/README.md");
    assertThat(r.kept()).isEmpty();
    assertThat(Files.readString(dir.resolve("rel/config.json"))).contains("\"book_app\"", "${PORT:-4000}");
    assertThat(Files.readString(dir.resolve("rel/jvm.options"))).contains("-XX:+ExitOnOutOfMemoryError", "#-Xmx");
    assertThat(Files.readString(dir.resolve("rel/hooks/README.md")))
        .contains("pre_configure", "post_configure", "pre_start", "post_start", "pre_stop",
            "post_stop", "pre_upgrade", "post_upgrade", "RELEASE_ROOT");
    assertThat(Files.readString(dir.resolve("rel/trusted-keys/README.md")))
        .contains("releases/<vsn>/trusted-keys/", "molt keygen", "-Dmolt.signingKey");
  }

  @Test
  void init_existingFiles_neverOverwritten() throws Exception {
    Path rel = dir.resolve("rel");
    Files.createDirectories(rel);
    Files.writeString(rel.resolve("jvm.options"), "-Xmx1g\n");
    Files.writeString(rel.resolve("molt.json"), "{\"schema\": 1}");
    InitResult r = builder.init(rel, "book_app");
    assertThat(Files.readString(rel.resolve("jvm.options"))).isEqualTo("-Xmx1g\n");
    assertThat(Files.readString(rel.resolve("molt.json"))).isEqualTo("{\"schema\": 1}");
    assertThat(r.kept()).containsExactlyInAnyOrder(rel.resolve("jvm.options"), rel.resolve("molt.json"));
    assertThat(r.written()).hasSize(4);

    InitResult again = builder.init(rel, "book_app");
    assertThat(again.written()).isEmpty();
    assertThat(again.kept()).hasSize(6);
  }

  @Test
  void init_badName_fails() {
    assertThatThrownBy(() -> builder.init(dir, "../x")).isInstanceOf(InvalidInputException.class);
  }
}
