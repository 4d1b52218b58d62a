package dev.molt.format;

/**
 * Text that is not JSON (or not UTF-8). {@link #getMessage()} reads
 * {@code not valid JSON (<detail> at line <n>)}; callers prefix the file and add a remedy.
 */
public class JsonSyntaxException extends FormatException {
  private static final long serialVersionUID = 1L;
  private final String detail;
  private final int line;

  public JsonSyntaxException(String detail, int line) {
    super("not valid JSON (" + detail + " at line " + line + ")");
    this.detail = detail;
    this.line = line;
  }

  /** What is wrong, without the line: e.g. {@code duplicate field "a"}. */
  public String detail() {
    return detail;
  }

  /** The 1-based line where the problem was found. */
  public int line() {
    return line;
  }
}
