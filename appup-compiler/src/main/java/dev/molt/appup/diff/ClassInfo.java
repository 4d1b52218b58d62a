package dev.molt.appup.diff;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the planner needs to know about one class: its hierarchy and member names.
 *
 * @param name binary name
 * @param superName binary name of the superclass; empty for {@code java.lang.Object} and modules
 * @param interfaces binary names of the directly implemented interfaces
 * @param methods method names (without descriptors), constructors as {@code <init>}
 * @param staticNoArgMethods names of {@code static} methods taking no arguments
 */
public record ClassInfo(String name, Optional<String> superName, List<String> interfaces,
    Set<String> methods, Set<String> staticNoArgMethods) {
  public ClassInfo {
    interfaces = List.copyOf(interfaces);
    methods = Set.copyOf(methods);
    staticNoArgMethods = Set.copyOf(staticNoArgMethods);
  }
}
