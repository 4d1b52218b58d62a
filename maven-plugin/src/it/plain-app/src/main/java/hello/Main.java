package hello;

import org.apache.commons.lang3.StringUtils;

/** A plain main class: it knows nothing of Molt. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println(StringUtils.capitalize("hello from a plain main class"));
  }
}
