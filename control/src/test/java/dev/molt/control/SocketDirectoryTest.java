package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks a socket's directory must pass, without following links. */
class SocketDirectoryTest {
  @TempDir Path dir;

  @Test
  void linkToAPrivateDirectoryOfOurs_refusedOnBothEnds() throws Exception {
    Path target = Files.createDirectory(dir.resolve("target"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path link = Files.createSymbolicLink(dir.resolve("molt-0-123"), target);
    assertThatThrownBy(() -> SocketDirectory.checkPrivate(link))
        .isInstanceOf(SocketAccessDeniedException.class).hasMessageContaining("is a symbolic link");
    assertThatThrownBy(() -> SocketDirectory.checkWritableOnlyByUs(link))
        .isInstanceOf(SocketAccessDeniedException.class).hasMessageContaining("is a symbolic link");
  }

  @Test
  void privateDirectory_openToOthers_refused_0700Accepted() throws Exception {
    Path sockets = Files.createDirectory(dir.resolve("molt-0-123"));
    Files.setPosixFilePermissions(sockets, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThatThrownBy(() -> SocketDirectory.checkPrivate(sockets))
        .isInstanceOf(SocketAccessDeniedException.class).hasMessageContaining("mode 0700");
    Files.setPosixFilePermissions(sockets, PosixFilePermissions.fromString("rwx------"));
    assertThatCode(() -> SocketDirectory.checkPrivate(sockets)).doesNotThrowAnyException();
  }

  @Test
  void clientSide_groupWritableDirectory_refused() throws Exception {
    Path sockets = Files.createDirectory(dir.resolve("tmp"));
    Files.setPosixFilePermissions(sockets, PosixFilePermissions.fromString("rwxrwx---"));
    assertThatThrownBy(() -> SocketDirectory.checkWritableOnlyByUs(sockets))
        .isInstanceOf(SocketAccessDeniedException.class).hasMessageContaining("chmod 0700");
  }

  @Test
  void directoryOfAnotherUser_refused() throws Exception {
    assumeThat(ProcessHandle.current().info().user()).as("only root can give a directory away; skipping")
        .contains("root");
    Path sockets = Files.createDirectory(dir.resolve("molt-0-123"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Files.setAttribute(sockets, "unix:uid", 4321, LinkOption.NOFOLLOW_LINKS);
    assertThatThrownBy(() -> SocketDirectory.checkPrivate(sockets))
        .isInstanceOf(SocketAccessDeniedException.class).hasMessageContaining("not to you");
  }
}
