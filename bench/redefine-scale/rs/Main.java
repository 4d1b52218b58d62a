package rs;
import java.io.*; import java.lang.instrument.ClassDefinition; import java.net.*; import java.nio.file.*; import java.util.*; import java.util.stream.*;
/**
 * How the RedefineClasses safepoint grows with the classes the JVM has loaded: loads N JDK
 * classes (not initialized), warms one tiny class, then redefines it 21 times (same bytes: the
 * JVM does the whole operation anyway). Run by bench/redefine-scale.sh with -Xlog:safepoint.
 */
public class Main {
  public static void main(String[] a) throws Exception {
    int want = Integer.parseInt(a[0]);
    int loaded = 0;
    // JDK classes from jrt:/ (not initialized), then the jars given
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    List<String> names = new ArrayList<>();
    for (String mod : List.of("java.base", "java.desktop", "java.sql", "java.xml", "jdk.compiler")) {
      try (Stream<Path> s = Files.walk(jrt.getPath("/modules/" + mod))) {
        s.map(p -> p.toString()).filter(p -> p.endsWith(".class") && !p.endsWith("module-info.class"))
          .forEach(p -> names.add(p.substring(p.indexOf('/', 9) + 1, p.length() - 6).replace('/', '.')));
      }
    }
    for (String n : names) {
      if (loaded >= want) break;
      try { Class.forName(n, false, ClassLoader.getSystemClassLoader()); loaded++; } catch (Throwable t) { }
    }
    Target t = new Target(); long sum = 0;
    for (int i = 0; i < 200000; i++) sum += t.f(i);
    byte[] bytes = Main.class.getResourceAsStream("Target.class").readAllBytes();
    double[] ms = new double[21];
    for (int i = 0; i < 21; i++) {
      long s = System.nanoTime();
      Agent.inst.redefineClasses(new ClassDefinition(Target.class, bytes));
      ms[i] = (System.nanoTime() - s) / 1e6;
      for (int j = 0; j < 20000; j++) sum += t.f(j);
    }
    double[] next = Arrays.copyOfRange(ms, 1, 21); Arrays.sort(next);
    System.out.printf("asked %d, loaded %d more, all classes %d: first %.2f ms, next 20 median %.2f ms, min %.2f (%d)%n",
        want, loaded, Agent.inst.getAllLoadedClasses().length, ms[0], next[10], next[0], sum % 2);
  }
}
