package dev.molt.kernel.control;

/**
 * Java source run by {@code rpc}/{@code eval} threw after printing something: carries what it
 * printed, so the caller shows it before the exception (the cause).
 */
public final class SnippetThrewException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String output;

  SnippetThrewException(String output, Throwable cause) {
    super("the Java source threw " + cause.getClass().getName(), cause);
    this.output = output;
  }

  /** What the snippets printed before the exception. */
  public String output() {
    return output;
  }
}
