package dev.molt.kernel.shell;

import java.util.Objects;

/**
 * Why a snippet did not compile, as the compiler said it, and where.
 *
 * @param message the compiler's message, possibly several lines (for example {@code cannot find
 *     symbol} followed by {@code symbol: variable x})
 * @param line 1-based line in the evaluated source (for a console, in the input just entered)
 * @param column 1-based column in that line
 * @param sourceLine the text of that line, without its line terminator
 */
public record ShellDiagnostic(String message, int line, int column, String sourceLine) {
  public ShellDiagnostic {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(sourceLine, "sourceLine");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /**
   * Renders the diagnostic like javac: {@code error: <message>}, the position, the source line
   * and a caret under the column. Lines end with {@code \n}.
   */
  public String render() {
    StringBuilder text = new StringBuilder();
    text.append("error: ").append(message.strip()).append('\n');
    text.append("  at line ").append(line).append(", column ").append(column).append(":\n");
    text.append("  ").append(sourceLine).append('\n');
    text.append("  ").append(" ".repeat(Math.min(column - 1, sourceLine.length()))).append("^\n");
    return text.toString();
  }
}
