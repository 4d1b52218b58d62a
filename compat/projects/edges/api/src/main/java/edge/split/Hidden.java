package edge.split;

/** Package-private: only classes of package edge.split, in either jar, may call it. */
final class Hidden {
  private Hidden() {}

  static String secret() {
    return "package-private in edges-api";
  }
}
