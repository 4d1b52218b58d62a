package edge.split;

/** The other half of package edge.split: calls the package-private class of edges-api. */
public final class Peek {
  private Peek() {}

  public static String secret() {
    return Hidden.secret();
  }
}
