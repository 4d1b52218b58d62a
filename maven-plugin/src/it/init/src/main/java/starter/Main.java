package starter;

/** The smallest app: molt:init only needs a project. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("starter");
  }
}
