package dev.molt.maven;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Adds {@code project.build.outputTimestamp} to a pom that lacks it, as one new line in the
 * pom's own top-level {@code <properties>}, leaving every other byte as the user wrote it. Where
 * that cannot be done with certainty (no such element, the tag not alone on its line) nothing
 * is edited and the caller prints the line instead. See docs/maven-plugin.md for why.
 */
final class PomTimestamp {
  static final String PROPERTY = "project.build.outputTimestamp";

  private PomTimestamp() {}

  /** The line to add, for a value fixed now (whole seconds, UTC). */
  static String line(Instant now) {
    return "<" + PROPERTY + ">" + now.truncatedTo(ChronoUnit.SECONDS) + "</" + PROPERTY + ">";
  }

  /** The pom text with {@code line} inserted first in {@code <properties>}, if that is safe. */
  static Optional<String> insert(String pom, String line) throws IOException {
    int at = propertiesLine(pom);
    String[] lines = pom.split("\n", -1);
    if (at < 1 || at > lines.length || !lines[at - 1].trim().equals("<properties>")) {
      return Optional.empty();
    }
    String tag = lines[at - 1];
    String indent = tag.substring(0, tag.indexOf('<'));
    String child = indent + (indent.isEmpty() ? "  " : indent);
    String cr = tag.endsWith("\r") ? "\r" : "";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      out.append(lines[i]);
      if (i < lines.length - 1) {
        out.append('\n');
      }
      if (i == at - 1) {
        out.append(child).append(line).append(cr).append('\n');
      }
    }
    return Optional.of(out.toString());
  }

  /** Writes the edited pom; false when it was left alone. */
  static boolean addTo(Path pom, String line) throws IOException {
    Optional<String> edited = insert(Files.readString(pom), line);
    if (edited.isPresent()) {
      Files.writeString(pom, edited.get());
    }
    return edited.isPresent();
  }

  /** The line of the {@code <properties>} start tag that is a child of {@code <project>}, or 0. */
  private static int propertiesLine(String pom) throws IOException {
    try {
      XMLInputFactory factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      XMLStreamReader xml = factory.createXMLStreamReader(new StringReader(pom));
      int depth = 0;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          if (depth == 2 && xml.getLocalName().equals("properties")) {
            return xml.getLocation().getLineNumber();
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
      return 0;
    } catch (XMLStreamException e) {
      throw new IOException("cannot parse the pom: " + e.getMessage(), e);
    }
  }
}
