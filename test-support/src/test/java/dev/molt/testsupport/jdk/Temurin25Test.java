package dev.molt.testsupport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Temurin25Test {
  @TempDir Path dir;

  @Test
  void givenPathWithoutJlink_fails() {
    assertThatThrownBy(() -> withProperty(dir.toString()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("-Dmolt.temurin25=" + dir + " is not a JDK home (no executable bin/jlink)");
  }

  @Test
  void givenJdkOfAnotherVersion_failsNamingIt() throws Exception {
    Path jdk = fakeJdk("17.0.15");
    assertThatThrownBy(() -> withProperty(jdk.toString()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("is Java '17.0.15', not 25");
  }

  @Test
  void givenTemurin25_isUsed() throws Exception {
    Path jdk = fakeJdk("25.0.3");
    assertThat(withProperty(jdk.toString())).isEqualTo(jdk.toAbsolutePath());
  }

  private Path fakeJdk(String version) throws Exception {
    Path jlink = Files.createDirectories(dir.resolve("jdk/bin")).resolve("jlink");
    Files.writeString(jlink, "#!/bin/sh\n");
    Files.setPosixFilePermissions(jlink, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(dir.resolve("jdk/release"), "JAVA_VERSION=\"" + version + "\"\n");
    return dir.resolve("jdk");
  }

  private static Path withProperty(String value) {
    String before = System.getProperty(Temurin25.PROPERTY);
    System.setProperty(Temurin25.PROPERTY, value);
    try {
      return Temurin25.home();
    } finally {
      if (before == null) {
        System.clearProperty(Temurin25.PROPERTY);
      } else {
        System.setProperty(Temurin25.PROPERTY, before);
      }
    }
  }
}
