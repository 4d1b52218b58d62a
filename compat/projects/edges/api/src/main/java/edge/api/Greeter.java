package edge.api;

/** The service the impl jar provides. */
public interface Greeter {
  String greet();
}
