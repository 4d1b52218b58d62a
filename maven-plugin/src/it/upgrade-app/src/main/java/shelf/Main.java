package shelf;

import org.apache.commons.lang3.StringUtils;

/** Prints the greeting of this version. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println(StringUtils.capitalize(Greeting.text()));
  }
}
