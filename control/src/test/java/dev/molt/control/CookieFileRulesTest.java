package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cookie file's owner, mode and type, and the node's minimum cookie length. */
class CookieFileRulesTest {
  @TempDir Path dir;

  @Test
  void resolve_fileReadableByOthers_refusedWithChmodRemedy() throws Exception {
    Path file = CookieFiles.write(dir.resolve("COOKIE"), "0123456789abcdef0123");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    assertThatThrownBy(() -> Cookie.resolve(file, Map.of())).isInstanceOf(CookieException.class)
        .hasMessageContaining("readable or writable by others").hasMessageContaining("chmod 0400 " + file);
  }

  @Test
  void resolve_symbolicLinkToAGoodFile_refused() throws Exception {
    Path target = CookieFiles.write(dir.resolve("elsewhere"), "0123456789abcdef0123");
    Path link = Files.createSymbolicLink(dir.resolve("COOKIE"), target);
    assertThatThrownBy(() -> Cookie.resolve(link, Map.of())).isInstanceOf(CookieException.class)
        .hasMessageContaining("is a symbolic link");
  }

  @Test
  void resolve_fileOfAnotherUser_refused() throws Exception {
    assumeThat(ProcessHandle.current().info().user()).as("only root can give a file away; skipping")
        .contains("root");
    Path file = CookieFiles.write(dir.resolve("COOKIE"), "0123456789abcdef0123");
    Files.setAttribute(file, "unix:uid", 4321, LinkOption.NOFOLLOW_LINKS);
    assertThatThrownBy(() -> Cookie.resolve(file, Map.of())).isInstanceOf(CookieException.class)
        .hasMessageContaining("not to you");
  }

  @Test
  void resolve_privateFile_read() throws Exception {
    Path file = CookieFiles.write(dir.resolve("COOKIE"), "0123456789abcdef0123\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
    assertThat(new String(Cookie.resolve(file, Map.of()), StandardCharsets.UTF_8))
        .isEqualTo("0123456789abcdef0123");
  }

  @Test
  void resolveForNode_shortEnvCookie_refusedNamingTheMinimum() throws Exception {
    assertThatThrownBy(() -> Cookie.resolveForNode(dir.resolve("COOKIE"), Map.of(Cookie.ENV, "fifteen-chars!!")))
        .isInstanceOf(CookieException.class).hasMessageContaining("MOLT_COOKIE has 15 characters")
        .hasMessageContaining("at least 16");
    assertThat(Cookie.resolveForNode(dir.resolve("COOKIE"), Map.of(Cookie.ENV, "sixteen-chars!!!"))).hasSize(16);
  }
}
