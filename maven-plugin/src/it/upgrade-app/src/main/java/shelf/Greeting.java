package shelf;

/** The greeting; the ITs change the body of text() for 0.2.0. */
final class Greeting {
  private Greeting() {}

  static String text() {
    return "shelf, first edition";
  }
}
