package dev.molt.services;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks that a class can be a contract and lists the methods its handle forwards. */
final class ContractMethods {
  private ContractMethods() {}

  static List<Method> of(Class<?> contract) throws InvalidContractException {
    check(contract);
    Map<String, Method> forwarded = new LinkedHashMap<>();
    for (Method method : contract.getMethods()) {
      if (!Modifier.isStatic(method.getModifiers()) && !isObjectMethod(method)) {
        forwarded.putIfAbsent(method.getName() + signature(method), method);
      }
    }
    List<Method> methods = new ArrayList<>(forwarded.values());
    for (Method method : methods) {
      checkTypes(contract, method);
    }
    return methods;
  }

  private static void check(Class<?> contract) throws InvalidContractException {
    String problem = null;
    if (!contract.isInterface() || contract.isAnnotation()) {
      problem = "is not an interface";
    } else if (contract.isSealed()) {
      problem = "is sealed, so no handle class can implement it";
    } else if (contract.isHidden()) {
      problem = "is a hidden interface, which no other class can name";
    }
    if (problem != null) {
      throw new InvalidContractException(contract.getName() + " cannot be a service contract: it "
          + problem + ". Publish the service under an interface that its implementation "
          + "implements, and let callers hold that interface.");
    }
  }

  private static boolean isObjectMethod(Method method) {
    try {
      Object.class.getMethod(method.getName(), method.getParameterTypes());
      return true; // an interface re-declaring toString() etc.: Object's own serves it
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static String signature(Method method) {
    StringBuilder text = new StringBuilder("(");
    for (Class<?> parameter : method.getParameterTypes()) {
      text.append(parameter.descriptorString());
    }
    return text.append(')').append(method.getReturnType().descriptorString()).toString();
  }

  /** The handle lives in the contract's package: every type it names must be visible there. */
  private static void checkTypes(Class<?> contract, Method method) throws InvalidContractException {
    List<Class<?>> types = new ArrayList<>(List.of(method.getParameterTypes()));
    types.add(method.getReturnType());
    for (Class<?> type : types) {
      Class<?> element = type;
      while (element.isArray()) {
        element = element.getComponentType();
      }
      if (!element.isPrimitive() && !Modifier.isPublic(element.getModifiers())
          && (element.getClassLoader() != contract.getClassLoader()
              || !element.getPackageName().equals(contract.getPackageName()))) {
        throw new InvalidContractException(contract.getName() + "." + method.getName()
            + " uses " + element.getName() + ", which is neither public nor in the package of "
            + contract.getName() + ", so its handle cannot name it; make it public.");
      }
    }
  }
}
