package dev.molt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PomTimestampTest {
  static final String LINE = PomTimestamp.line(Instant.parse("2026-03-04T05:06:07.891Z"));

  @Test
  void line_isWholeSecondsUtc() {
    assertThat(LINE).isEqualTo(
        "<project.build.outputTimestamp>2026-03-04T05:06:07Z</project.build.outputTimestamp>");
  }

  @Test
  void insert_topLevelProperties_addsOneLineAndKeepsTheRest() throws Exception {
    String pom = "<project>\n  <!-- mine -->\n  <profiles><profile>\n    <properties>\n"
        + "    </properties></profile></profiles>\n  <properties>\n    <a>1</a>\n  </properties>\n</project>\n";
    assertThat(PomTimestamp.insert(pom, LINE)).contains("<project>\n  <!-- mine -->\n  <profiles><profile>\n"
        + "    <properties>\n    </properties></profile></profiles>\n  <properties>\n    " + LINE
        + "\n    <a>1</a>\n  </properties>\n</project>\n");
  }

  @Test
  void insert_crlfPom_keepsCrlf() throws Exception {
    String pom = "<project>\r\n  <properties>\r\n  </properties>\r\n</project>\r\n";
    assertThat(PomTimestamp.insert(pom, LINE))
        .contains("<project>\r\n  <properties>\r\n    " + LINE + "\r\n  </properties>\r\n</project>\r\n");
  }

  @Test
  void insert_noTopLevelPropertiesOrTagSharingItsLine_leavesThePomAlone() throws Exception {
    assertThat(PomTimestamp.insert("<project>\n  <build/>\n</project>\n", LINE)).isEmpty();
    assertThat(PomTimestamp.insert("<project><properties><a>1</a></properties></project>", LINE)).isEmpty();
  }
}
