package dev.molt.kernel.spi;

import dev.molt.control.RequestHandler;
import dev.molt.kernel.Agent;
import dev.molt.kernel.node.KernelException;
import dev.molt.kernel.node.Node;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The extensions of one node and the commands they registered. Built by the control channel's
 * opener; read by the connection threads afterwards (the map is published through a final field
 * and never changed once {@link #start} returned).
 */
public final class Extensions {
  /** Found by {@link #warmUp}, beside the node's load; null until then. */
  private static volatile List<NodeExtension> found;
  private final Map<String, RequestHandler> commands;
  private final List<DescribeSection> sections;

  private Extensions(Map<String, RequestHandler> commands, List<DescribeSection> sections) {
    this.commands = Collections.unmodifiableMap(commands);
    this.sections = List.copyOf(sections);
  }

  /** No extensions: for nodes in tests and tools that want the kernel alone. */
  public static Extensions none() {
    return new Extensions(new LinkedHashMap<>(), List.of());
  }

  /**
   * Finds the extensions and lets each load its classes, on the warm-up thread that runs beside
   * the node's load, so that {@link #start} on the boot's path only calls them.
   */
  public static void warmUp() {
    List<NodeExtension> extensions = lookUp();
    extensions.forEach(NodeExtension::prepare);
    found = extensions;
  }

  private static List<NodeExtension> lookUp() {
    List<NodeExtension> extensions = new ArrayList<>();
    ServiceLoader.load(NodeExtension.class, NodeExtension.class.getClassLoader())
        .forEach(extensions::add);
    return List.copyOf(extensions);
  }

  /**
   * Starts every {@link NodeExtension} on the kernel's class path (found by {@link #warmUp}, or
   * looked up now when the warm-up has not finished).
   *
   * @param reserved the kernel's own command names, which an extension may not take
   */
  public static Extensions start(Node node, Map<String, String> env, PrintStream log,
      Set<String> reserved) throws KernelException {
    Map<String, RequestHandler> commands = new LinkedHashMap<>();
    List<DescribeSection> sections = new ArrayList<>();
    Handle handle = new Handle(node, env, log, reserved, commands, sections);
    List<NodeExtension> extensions = found;
    for (NodeExtension extension : extensions != null ? extensions : lookUp()) {
      extension.start(handle);
    }
    return new Extensions(commands, sections);
  }

  /** The handler of an extension's command. */
  public Optional<RequestHandler> command(String name) {
    return Optional.ofNullable(commands.get(name));
  }

  /** The commands the extensions added, in registration order. */
  public Set<String> commandNames() {
    return commands.keySet();
  }

  /** The lines the extensions add to {@code describe}, section after section. */
  public List<String> describeLines() {
    List<String> lines = new ArrayList<>();
    for (DescribeSection section : sections) {
      try {
        lines.addAll(section.lines());
      } catch (RuntimeException e) { // an extension's bug must not take describe down
        lines.add("(" + section.getClass().getName() + " failed: " + e + ")");
      }
    }
    return lines;
  }

  private record Handle(Node node, Map<String, String> environment, PrintStream log,
      Set<String> reserved, Map<String, RequestHandler> commands,
      List<DescribeSection> sections) implements NodeHandle {
    @Override
    public Path root() {
      return node.root();
    }

    @Override
    public Optional<Instrumentation> instrumentation() {
      return Agent.instrumentation();
    }

    @Override
    public void command(String name, RequestHandler handler) {
      if (reserved.contains(name) || commands.containsKey(name)) {
        throw new IllegalArgumentException("command " + name + " is already taken");
      }
      commands.put(name, handler);
    }

    @Override
    public void describe(DescribeSection section) {
      sections.add(Objects.requireNonNull(section, "section"));
    }
  }
}
